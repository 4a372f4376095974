// TEMPORARY stand-in for the rule catalogue (components/src/rules) until it lands. Deleted then.
import type { BacktestRule } from "./ruleTally";

export const standInCatalogue: BacktestRule[] = [
    {
        id: "cis-cloudwatch-1-root-usage",
        title: "Root user usage",
        pattern:
            '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
        severity: "P1",
        threshold: 1,
        period: 300,
        evaluationPeriods: 1,
    },
    {
        id: "cis-cloudwatch-2-unauthorized-api-calls",
        title: "Unauthorized API calls",
        pattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
        severity: "P3",
        threshold: 1,
        period: 300,
        evaluationPeriods: 1,
    },
    {
        id: "cis-cloudwatch-6-console-auth-failures",
        title: "Console authentication failures",
        pattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
        severity: "P2",
        threshold: 1,
        period: 300,
        evaluationPeriods: 1,
    },
];
