import { CatalogueRule } from "./alertRule";
import { AlertRuleParameters, instanceTypeValue } from "./ruleParameters";

/** {@link AlertRuleParameters} with every value present (the catalogue fills in defaults). */
export type ResolvedRuleParameters = Required<AlertRuleParameters>;

/** A team rule: a catalogue rule whose pattern may be generated from one parameter. */
export interface TeamRuleTemplate extends Omit<CatalogueRule, "id" | "pattern"> {
    /** The parameter the pattern is generated from; the rule is off while that list is empty. */
    parameter?: keyof AlertRuleParameters;
    /** The pattern, or how to generate it from the parameters. */
    pattern: string | ((parameters: ResolvedRuleParameters) => string);
}

/** `{ ($.eventName = ConsoleLogin) && ($.sourceIPAddress != "<ip>") && … }` for the office addresses. */
export function consoleLoginOutsideOfficePattern(officeIpAddresses: readonly string[]): string {
    const exclusions = officeIpAddresses.map((ip) => ` && ($.sourceIPAddress != "${ip}")`).join("");
    return `{ ($.eventName = ConsoleLogin)${exclusions} }`;
}

/** `{ ($.eventName = RunInstances) && (($.requestParameters.instanceType = "*.<size>") || …) }`. */
export function largeInstanceLaunchPattern(largeInstanceTypes: readonly string[]): string {
    const types = largeInstanceTypes
        .map((t) => `($.requestParameters.instanceType = "${instanceTypeValue(t)}")`)
        .join(" || ");
    return `{ ($.eventName = RunInstances) && (${types}) }`;
}

/**
 * The parameters the team rules' examples are proven under: the office is 192.0.2.* (where the AWS documentation's
 * example sign-ins come from), 203.0.113.10 and 2001:db8:1:*; large means 16xlarge or the GPU type p2.xlarge.
 */
export const exampleRuleParameters: ResolvedRuleParameters = {
    officeIpAddresses: ["192.0.2.*", "203.0.113.10", "2001:db8:1:*"],
    largeInstanceTypes: ["16xlarge", "p2.xlarge"],
};

/**
 * The six rules the team started with (the alerts that were clicked together by hand), as customisations beside the
 * verbatim CIS rules: where a CIS pattern misses or over-counts something, the team rule says how it differs.
 */
export const teamRules = {
    "console-login-outside-office": {
        title: "Console sign-in from outside the office",
        control: "team",
        severity: "P2",
        parameter: "officeIpAddresses",
        pattern: (p) => consoleLoginOutsideOfficePattern(p.officeIpAddresses),
        rationale:
            "Someone signed in to the console (or tried to) from an address that is not one of the office's. That is expected when travelling; otherwise it is a stolen password being used from elsewhere. Ask the user.",
        examples: {
            matches: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__step-3-view-your-log-files.json",
                "corpus:panther__ConsoleLogin__console-root-login-successful-root-login.json",
                "sample:console-login-root-no-mfa.json",
                "sample:console-login-iam-user-no-mfa-remote.json",
            ],
            ignores: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-with-mfa.json",
                "corpus:aws-docs-iam-ug-old__ConsoleLogin__sign-in-success-event-in-cloudtrail-log.json",
                "sample:console-login-iam-user-office.json",
                "sample:console-login-failed-office-ipv6.json",
            ],
        },
    },
    "console-login-root": {
        title: "Root user console sign-in",
        control: "team",
        severity: "P1",
        pattern: '{ ($.eventName = ConsoleLogin) && ($.userIdentity.type = "Root") }',
        rationale:
            "Someone signed in, or tried to sign in, as the root user, which has every permission and cannot be restricted. Unlike the CIS root-usage rule this also counts failed attempts. Confirm with the account owner at once.",
        examples: {
            matches: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__root-user-successful-sign-in-with-mfa.json",
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__root-user-unsuccessful-sign-in.json",
                "corpus:panther__ConsoleLogin__console-root-login-failed-failed-root-lo.json",
                "sample:console-login-root-no-mfa.json",
            ],
            ignores: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-without-mfa.json",
                "corpus:aws-docs-cloudtrail-ug-2023__EnableMFADevice__root-user-mfa-changed.json",
                "corpus:panther__DescribeTable__console-root-login-non-login-event.json",
            ],
        },
    },
    "console-login-failed": {
        title: "Failed console sign-in",
        control: "team",
        severity: "P3",
        pattern: '{ ($.eventName = ConsoleLogin) && ($.responseElements.ConsoleLogin = "Failure") }',
        rationale:
            "A console sign-in failed: a wrong password, an unknown user name or a failed MFA check. Unlike the CIS pattern, which needs the message Failed authentication, this counts every failure CloudTrail records. Repeated failures mean someone is guessing.",
        examples: {
            matches: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-unsuccessful-sign-in.json",
                "corpus:aws-docs-iam-ug-2023__ConsoleLogin__example-sign-in-failure-event-caused-by.json",
                "corpus:panther__ConsoleLogin__console-root-login-failed-failed-root-lo.json",
                "sample:console-login-failed-office-ipv6.json",
            ],
            ignores: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-with-mfa.json",
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__root-user-successful-sign-in-without-mfa.json",
            ],
        },
    },
    "unauthorized-operations": {
        title: "Unauthorized operations",
        control: "team",
        severity: "P3",
        pattern:
            '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
        rationale:
            "Calls refused for lack of permission: credentials being probed, or a workload that lost a permission. Leaves out the two known sources of noise, log delivery and S3 HeadBucket checks; the CIS v3 pattern means the same, but there AND binds tighter than OR, so its exclusions only apply to AccessDenied.",
        examples: {
            matches: [
                "corpus:flaws2__CreateLogStream__record0.json",
                "corpus:panther__RunInstances__ec2-launch-unusual-ec2-instances-failed.json",
                "corpus:panther__GetRole__iam-user-recon-denied-unauthorized-api-c.json",
                "sample:ec2-describe-instances-unauthorized.json",
            ],
            ignores: [
                "corpus:panther__CreateServiceLinkedRole__unauthorized-api-call-authorized-api-cal.json",
                "corpus:flaws2__GetObject__record1.json",
                "sample:s3-head-bucket-access-denied.json",
            ],
        },
    },
    "large-instance-launch": {
        title: "Large EC2 instance launch",
        control: "team",
        severity: "P2",
        parameter: "largeInstanceTypes",
        pattern: (p) => largeInstanceLaunchPattern(p.largeInstanceTypes),
        rationale:
            "Someone asked EC2 for an instance type the team does not normally run. Large and GPU instances are what stolen credentials are used for first (crypto-mining), at thousands of dollars a day. Check the instance and its owner.",
        examples: {
            matches: [
                "corpus:panther__RunInstances__ec2-launch-unusual-ec2-instances-success.json",
                "corpus:panther__RunInstances__ec2-launch-unusual-ec2-instances-failed.json",
                "sample:run-instances-p3-16xlarge.json",
            ],
            ignores: [
                "corpus:aws-docs-kms-dg-2023__RunInstances__amazon-ec2-example-two.json",
                // instanceType recorded as an object ({"value": ...}): a selector on an object never matches.
                "corpus:panther__RunInstances__ec2-launch-unusual-ec2-instances-success__2.json",
                "sample:run-instances-t3-micro.json",
            ],
        },
    },
    "iam-user-created": {
        title: "IAM user created",
        control: "team",
        severity: "P3",
        pattern: "{ ($.eventSource = iam.amazonaws.com) && ($.eventName = CreateUser) }",
        rationale:
            "A new IAM user is a new set of long-lived credentials, and a classic way to keep access after a break-in. People should sign in through the identity provider instead; check who created the user and why. Other services (Transfer Family, Amazon MQ) also have a CreateUser call, hence the event source.",
        examples: {
            matches: [
                "corpus:aws-docs-cloudtrail-ug-2023__CreateUser__iam-log-examples.json",
                "corpus:panther__CreateUser__iam-create-user-iam-user-created.json",
                "sample:iam-create-user.json",
            ],
            ignores: [
                "corpus:aws-docs-cloudtrail-ug-2023__AddUserToGroup__iam-log-examples.json",
                "sample:transfer-create-user.json",
            ],
        },
    },
} satisfies Record<string, TeamRuleTemplate>;

/** Ids of the team's rules. */
export type TeamRuleId = keyof typeof teamRules;
