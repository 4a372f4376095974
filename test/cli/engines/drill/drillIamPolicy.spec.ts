import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { iamActionOf, plannedCalls } from "../../../../cli/engines/drill/drillCalls";
import { PolicyDocument, drillIamPolicy } from "../../../../cli/engines/drill/drillIamPolicy";
import { DrillPlan, planDrill } from "../../../../cli/engines/drill/drillPlan";
import { listStacks } from "../../../../cli/engines/offline/stackFile";
import { projectDir } from "../../../support/repositoryPaths";

// The drill's IAM policy, judged by an engine nobody here wrote (@cloud-copilot/iam-simulate, which carries the
// Service Authorization Reference's actions and resource types): every request the drill makes is allowed, and the
// near misses are not. The requests are those of the dry run, so a new call without a permission fails here.

const accountId = "111122223333";
const principal = `arn:aws:iam::${accountId}:role/trailwatch-drill`;

/** The ARNs a request acts on, as the Service Authorization Reference defines the action's resource type. */
function resourcesOf(plan: DrillPlan, action: string, params: Record<string, unknown>): string[] {
    const region = plan.region!;
    switch (action) {
        case "logs:CreateLogStream":
        case "logs:PutLogEvents":
            return [
                `arn:aws:logs:${region}:${accountId}:log-group:${params.logGroupName}:log-stream:${params.logStreamName}`,
            ];
        case "cloudwatch:SetAlarmState":
            return [`arn:aws:cloudwatch:${region}:${accountId}:alarm:${params.AlarmName}`];
        case "cloudwatch:DescribeAlarms": // each alarm named
            return (params.AlarmNames as string[]).map((n) => `arn:aws:cloudwatch:${region}:${accountId}:alarm:${n}`);
        default:
            return ["*"]; // logs:TestMetricFilter and cloudwatch:GetMetricData take no resource
    }
}

async function decide(policy: PolicyDocument, action: string, resource: string): Promise<string> {
    const result = await runSimulation(
        {
            request: {
                principal,
                action,
                resource: { resource, accountId },
                contextVariables: { "aws:SecureTransport": "true" },
            },
            identityPolicies: [{ name: "trailwatch-drill", policy }],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
        },
        {},
    );
    if (result.resultType === "error") throw new Error(`${action} on ${resource}: ${JSON.stringify(result.errors)}`);
    return result.overallResult;
}

function policyFor(plan: DrillPlan): PolicyDocument {
    return drillIamPolicy({
        region: plan.region!,
        accountId,
        logGroupName: plan.logGroupName,
        alarmNamePrefix: plan.alarmNamePrefix,
    });
}

describe("the drill's IAM policy (judged by iam-simulate)", () => {
    for (const stack of listStacks(projectDir)) {
        describe(`stack ${stack}`, () => {
            const plan = planDrill(projectDir, stack);
            const calls = plannedCalls(plan, {
                start: new Date("2025-06-02T09:30:15Z"),
                verifyOpsgenie: false,
                timeoutMs: 1000,
                pollIntervalMs: 100,
            });

            it("names exactly the IAM actions of the calls the drill makes", () => {
                const policy = policyFor(plan);
                const granted = policy.Statement.flatMap((s) => s.Action).sort();
                const used = [...new Set(calls.map((c) => iamActionOf(c.call)!))].sort();
                assert.deepStrictEqual(granted, used);
            });

            it("allows every call of the drill", async () => {
                const policy = policyFor(plan);
                for (const { call } of calls) {
                    const action = iamActionOf(call)!;
                    for (const resource of resourcesOf(plan, action, call.params)) {
                        assert.strictEqual(
                            await decide(policy, action, resource),
                            "Allowed",
                            `${action} on ${resource}`,
                        );
                    }
                }
            });

            const denied: [string, (p: DrillPlan) => string][] = [
                [
                    "logs:PutLogEvents",
                    (p) =>
                        `arn:aws:logs:${p.region}:${accountId}:log-group:${p.logGroupName}:log-stream:${accountId}_CloudTrail_${p.region}`,
                ],
                [
                    "logs:PutLogEvents",
                    (p) => `arn:aws:logs:${p.region}:${accountId}:log-group:other-group:log-stream:trailwatch-drill-x`,
                ],
                [
                    "logs:CreateLogStream",
                    (p) =>
                        `arn:aws:logs:${p.region}:${accountId}:log-group:${p.logGroupName}-copy:log-stream:trailwatch-drill-x`,
                ],
                [
                    "logs:DeleteLogStream",
                    (p) =>
                        `arn:aws:logs:${p.region}:${accountId}:log-group:${p.logGroupName}:log-stream:trailwatch-drill-x`,
                ],
                ["logs:DeleteLogGroup", (p) => `arn:aws:logs:${p.region}:${accountId}:log-group:${p.logGroupName}`],
                ["logs:PutMetricFilter", (p) => `arn:aws:logs:${p.region}:${accountId}:log-group:${p.logGroupName}`],
                [
                    "cloudwatch:SetAlarmState",
                    (p) => `arn:aws:cloudwatch:${p.region}:${accountId}:alarm:someone-elses-alarm`,
                ],
                [
                    "cloudwatch:SetAlarmState",
                    (p) => `arn:aws:cloudwatch:${p.region}:444455556666:alarm:${p.rules[0].names.alarmName}`,
                ],
                [
                    "cloudwatch:DescribeAlarms",
                    (p) => `arn:aws:cloudwatch:${p.region}:${accountId}:alarm:someone-elses-alarm`,
                ],
                [
                    "cloudwatch:DeleteAlarms",
                    (p) => `arn:aws:cloudwatch:${p.region}:${accountId}:alarm:${p.rules[0].names.alarmName}`,
                ],
                [
                    "cloudwatch:DisableAlarmActions",
                    (p) => `arn:aws:cloudwatch:${p.region}:${accountId}:alarm:${p.rules[0].names.alarmName}`,
                ],
                ["cloudwatch:PutMetricData", () => "*"],
            ];
            for (const [action, resource] of denied) {
                it(`denies ${action} on ${resource(plan)}`, async () => {
                    assert.strictEqual(await decide(policyFor(plan), action, resource(plan)), "ImplicitlyDenied");
                });
            }
        });
    }

    it("is the policy docs/drill.md shows, with its placeholders", () => {
        const doc = fs.readFileSync(path.join(projectDir, "docs/drill.md"), "utf8");
        const start = doc.indexOf("## The IAM policy it needs");
        assert.ok(start >= 0, "docs/drill.md has the section");
        const section = doc.slice(start);
        const json = /```json\n([\s\S]*?)\n```/.exec(section);
        assert.ok(json !== null, "the section has a JSON policy");
        assert.deepStrictEqual(
            JSON.parse(json[1]),
            drillIamPolicy({
                region: "REGION",
                accountId: "ACCOUNT_ID",
                logGroupName: "aws-cloudtrail-logs-trailwatch-STACK",
                alarmNamePrefix: "trailwatch-STACK-",
            }),
        );
    });
});
