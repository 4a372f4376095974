import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { unknownValue } from "../../policy/lib/knownValues";
import { trailwatchPolicies } from "../../policy/policies";
import { runProgram } from "../../cli/engines/offline/runProgram";
import {
    AnalyzedResource,
    AnalyzerInfo,
    PolicyDiagnostic,
    PolicyPackProcess,
} from "../../cli/engines/policyPack/analyzerClient";
import { reconcilePolicyConfig } from "../../cli/engines/policyPack/policyConfig";
import { analyzedResources } from "../../cli/engines/policyPack/programResources";
import { allowEverything, simulate } from "../support/iamSimulation";
import { projectDir } from "../support/repositoryPaths";

/**
 * The pack as the Pulumi CLI sees it: started through `@pulumi/pulumi/cmd/run-policy-pack` in its own directory
 * (compiled from TypeScript by ts-node, as `pulumi preview --policy-pack policy` does), spoken to over gRPC, and
 * given the resources the real program registers under mocks for `dev` and `prod`. One pack process serves the
 * whole file.
 *
 * What this does not prove: that AWS accepts the resources, or the CLI's own rendering of the diagnostics.
 */

const packDir = path.join(projectDir, "policy");

let pack: PolicyPackProcess;
let info: AnalyzerInfo;
const stacks: Record<string, AnalyzedResource[]> = {};

/** A deep copy of a stack's resources, so each test mutates its own. */
function copyOf(stack: string): AnalyzedResource[] {
    return JSON.parse(JSON.stringify(stacks[stack])) as AnalyzedResource[];
}

function find(resources: AnalyzedResource[], type: string, name: string): AnalyzedResource {
    const resource = resources.find((r) => r.type === type && r.name === name);
    assert.ok(resource, `no ${type} named ${name}`);
    return resource;
}

const trailType = "aws:cloudtrail/trail:Trail";

/** The mandatory diagnostics, as `policy @ resource name` (or `@ stack`), sorted. */
function mandatory(diagnostics: PolicyDiagnostic[]): string[] {
    return diagnostics
        .filter((d) => d.enforcementLevel === "mandatory")
        .map((d) => `${d.policyName} @ ${d.urn === undefined ? "stack" : d.urn.split("::").pop()}`)
        .sort();
}

function diagnosticOf(diagnostics: PolicyDiagnostic[], policyName: string): PolicyDiagnostic {
    const found = diagnostics.filter((d) => d.policyName === policyName);
    assert.strictEqual(found.length, 1, `expected one ${policyName} diagnostic, got ${JSON.stringify(diagnostics)}`);
    return found[0];
}

function descriptionOf(policyName: string): string {
    return trailwatchPolicies.find((p) => p.name === policyName)!.description;
}

describe("policy pack over the Analyzer protocol", function () {
    // The first start compiles the pack with ts-node (several seconds; later starts hit its cache).
    this.timeout(180_000);

    before(async () => {
        for (const stack of ["dev", "prod"]) {
            const run = await runProgram({ projectDir, stack });
            if (run.error !== undefined) throw run.error;
            stacks[stack] = analyzedResources(run.resources);
        }
        pack = await PolicyPackProcess.start(packDir);
        info = await pack.getAnalyzerInfo();
        await pack.configure(reconcilePolicyConfig(info));
    });

    after(async () => {
        await pack?.stop();
    });

    it("describes itself: name, package version, every policy with its level and config schema", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8"));
        assert.strictEqual(info.name, "trailwatch");
        assert.strictEqual(info.version, manifest.version);
        assert.strictEqual(info.supportsConfig, true);
        assert.deepStrictEqual(
            info.policies.map((p) => [p.name, p.enforcementLevel, p.kind]),
            trailwatchPolicies.map((p) => [p.name, p.enforcementLevel, "validateStack" in p ? "stack" : "resource"]),
        );
        const schemaDefault = (policy: string, setting: string) =>
            info.policies.find((p) => p.name === policy)!.configSchema.properties[setting].default;
        assert.deepStrictEqual(schemaDefault("cloudtrail-insights-enabled", "requiredInsightTypes"), [
            "ApiCallRateInsight",
            "ApiErrorRateInsight",
        ]);
        assert.strictEqual(schemaDefault("log-group-minimum-retention", "minimumRetentionDays"), 365);
    });

    it("passes prod with no violation at all", async () => {
        assert.deepStrictEqual(await pack.analyzeResources(copyOf("prod")), []);
    });

    it("passes dev with no mandatory violation; its 30-day log group gets the advisory retention note", async () => {
        const resources = copyOf("dev");
        const logGroup = find(resources, "aws:cloudwatch/logGroup:LogGroup", "audit-log-group");
        assert.deepStrictEqual(await pack.analyzeResources(resources), [
            {
                policyName: "log-group-minimum-retention",
                policyPackName: "trailwatch",
                policyPackVersion: info.version,
                description: descriptionOf("log-group-minimum-retention"),
                message:
                    `${descriptionOf("log-group-minimum-retention")}\n` +
                    'Log group "audit-log-group" keeps events for 30 days, fewer than the required 365: set ' +
                    "retentionInDays to at least 365.",
                enforcementLevel: "advisory",
                severity: "low",
                urn: logGroup.urn,
            },
        ]);
    });

    it("passes prod as a preview sees it: every value computed from another resource unknown", async () => {
        const resources = copyOf("prod");
        for (const resource of resources) {
            for (const [property, urns] of Object.entries(resource.propertyDependencies ?? {})) {
                if (urns.length > 0 && property in resource.properties) resource.properties[property] = unknownValue;
            }
        }
        const trail = find(resources, trailType, "audit-trail");
        assert.strictEqual(trail.properties.cloudWatchLogsGroupArn, unknownValue, "the preview simulation is real");
        // Neither a violation nor the framework's advisory "can't run policy during preview".
        assert.deepStrictEqual(await pack.analyzeResources(resources), []);
    });

    const brokenVariants: {
        title: string;
        break: (resources: AnalyzedResource[]) => AnalyzedResource;
        policy: string;
        reported: string;
        alsoFailing?: string[];
    }[] = [
        {
            title: "a single-region trail",
            break: (resources) => {
                const trail = find(resources, trailType, "audit-trail");
                trail.properties.isMultiRegionTrail = false;
                return trail;
            },
            policy: "cloudtrail-multi-region",
            reported:
                'Trail "audit-trail" records only the region it is created in: set isMultiRegionTrail to true so ' +
                "that API activity in every region, including regions nobody uses, is recorded.",
            alsoFailing: ["stack-has-compliant-trail @ stack"],
        },
        {
            title: "read-only management events",
            break: (resources) => {
                const trail = find(resources, trailType, "audit-trail");
                (trail.properties.eventSelectors as Record<string, unknown>[])[0].readWriteType = "ReadOnly";
                return trail;
            },
            policy: "cloudtrail-management-events-read-write",
            reported:
                'Trail "audit-trail" does not record all write management events (event selector 1 has ' +
                'readWriteType "ReadOnly"): set includeManagementEvents to true and readWriteType to "All" on an ' +
                "event selector, without excludeManagementEventSources.",
            alsoFailing: ["stack-has-compliant-trail @ stack"],
        },
        {
            title: "Insights off",
            break: (resources) => {
                const trail = find(resources, trailType, "audit-trail");
                trail.properties.insightSelectors = [];
                return trail;
            },
            policy: "cloudtrail-insights-enabled",
            reported:
                'Trail "audit-trail" has CloudTrail Insights off: set insightSelectors to [{ insightType: ' +
                '"ApiCallRateInsight" }, { insightType: "ApiErrorRateInsight" }] so that unusual API call and ' +
                "error rates are detected.",
            alsoFailing: ["stack-has-compliant-trail @ stack"],
        },
        {
            title: "log file validation off",
            break: (resources) => {
                const trail = find(resources, trailType, "audit-trail");
                trail.properties.enableLogFileValidation = false;
                return trail;
            },
            policy: "cloudtrail-log-file-validation",
            reported:
                'Trail "audit-trail" has log file integrity validation off: set enableLogFileValidation to true so ' +
                "that altered or deleted log files can be detected (aws cloudtrail validate-logs).",
        },
        {
            title: "a public trail bucket",
            break: (resources) => {
                const block = find(
                    resources,
                    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                    "audit-bucket-public-access-block",
                );
                block.properties.blockPublicPolicy = false;
                block.properties.restrictPublicBuckets = false;
                return block;
            },
            policy: "cloudtrail-bucket-public-access-blocked",
            reported:
                'Bucket "audit-bucket", where trail "audit-trail" delivers its logs, does not block all public ' +
                "access: set blockPublicPolicy, restrictPublicBuckets to true on its public access block " +
                '"audit-bucket-public-access-block".',
        },
        {
            title: "an alert topic on alias/aws/sns",
            break: (resources) => {
                const topic = find(resources, "aws:sns/topic:Topic", "alerts-topic");
                topic.properties.kmsMasterKeyId = "alias/aws/sns";
                return topic;
            },
            policy: "sns-topic-customer-managed-key",
            reported:
                'Topic "alerts-topic" is encrypted with the AWS managed key alias/aws/sns, which CloudWatch alarms ' +
                "cannot use, so their notifications are silently dropped: set kmsMasterKeyId to a customer-managed " +
                "KMS key whose key policy lets cloudwatch.amazonaws.com use kms:Decrypt and kms:GenerateDataKey* " +
                "(AlertTopic creates one).",
        },
        {
            title: "an alarm without action",
            break: (resources) => {
                const alarm = find(
                    resources,
                    "aws:cloudwatch/metricAlarm:MetricAlarm",
                    "alarms-cis-cloudwatch-1-root-usage",
                );
                alarm.properties.alarmActions = [];
                return alarm;
            },
            policy: "metric-alarm-has-action",
            reported:
                'Alarm "alarms-cis-cloudwatch-1-root-usage" has no alarm action, so nobody hears when it fires: set ' +
                "alarmActions to the alert topic's ARN.",
        },
        {
            title: "an alarm whose only action reboots an instance",
            break: (resources) => {
                const alarm = find(
                    resources,
                    "aws:cloudwatch/metricAlarm:MetricAlarm",
                    "alarms-cis-cloudwatch-1-root-usage",
                );
                alarm.properties.alarmActions = ["arn:aws:automate:eu-west-1:ec2:reboot"];
                return alarm;
            },
            policy: "metric-alarm-has-action",
            reported:
                'Alarm "alarms-cis-cloudwatch-1-root-usage" notifies no SNS topic (its alarm actions are ' +
                '"arn:aws:automate:eu-west-1:ec2:reboot"), so nobody hears when it fires: add the alert topic\'s ARN ' +
                "to alarmActions.",
        },
    ];

    for (const variant of brokenVariants) {
        it(`fails prod with ${variant.title}: ${variant.policy}`, async () => {
            const resources = copyOf("prod");
            const broken = variant.break(resources);
            const diagnostics = await pack.analyzeResources(resources);
            assert.deepStrictEqual(
                mandatory(diagnostics),
                [`${variant.policy} @ ${broken.name}`, ...(variant.alsoFailing ?? [])].sort(),
            );
            const diagnostic = diagnosticOf(diagnostics, variant.policy);
            assert.strictEqual(diagnostic.message, `${descriptionOf(variant.policy)}\n${variant.reported}`);
            assert.strictEqual(diagnostic.urn, broken.urn);
        });
    }

    describe("a valid program that works around a policy is still caught", () => {
        const bucketType = "aws:s3/bucket:Bucket";
        const bucketPolicyType = "aws:s3/bucketPolicy:BucketPolicy";

        /** A resource of the AuditTrail component configuring the audit bucket, as the program would register it. */
        function bucketResource(
            resources: AnalyzedResource[],
            type: string,
            name: string,
            properties: Record<string, unknown>,
        ): AnalyzedResource {
            const bucket = find(resources, bucketType, "audit-bucket");
            const trail = find(resources, trailType, "audit-trail");
            const resource: AnalyzedResource = {
                type,
                name,
                urn: `${bucket.urn.split("$")[0]}$${type}::${name}`,
                properties: { bucket: trail.properties.s3BucketName, ...properties },
                parent: bucket.parent,
                dependencies: [bucket.urn],
                propertyDependencies: { bucket: [bucket.urn] },
            };
            resources.push(resource);
            return resource;
        }

        function bucketPolicyDocument(resources: AnalyzedResource[]): { Statement: Record<string, unknown>[] } {
            return JSON.parse(find(resources, bucketPolicyType, "audit-bucket-policy").properties.policy as string);
        }

        function setBucketPolicyDocument(resources: AnalyzedResource[], document: unknown): AnalyzedResource {
            const policy = find(resources, bucketPolicyType, "audit-bucket-policy");
            policy.properties.policy = JSON.stringify(document);
            return policy;
        }

        async function assertOnlyViolation(
            resources: AnalyzedResource[],
            policyName: string,
            culprit: AnalyzedResource,
        ) {
            const diagnostics = await pack.analyzeResources(resources);
            assert.deepStrictEqual(mandatory(diagnostics), [`${policyName} @ ${culprit.name}`]);
            return diagnosticOf(diagnostics, policyName);
        }

        it("a second public access block for the trail bucket with every setting off (S3 keeps the one applied last)", async () => {
            const resources = copyOf("prod");
            const weaker = bucketResource(
                resources,
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "audit-bucket-public-access-block-2",
                {
                    blockPublicAcls: false,
                    blockPublicPolicy: false,
                    ignorePublicAcls: false,
                    restrictPublicBuckets: false,
                },
            );
            // Applied after the AuditTrail's own block, so it is the configuration S3 keeps.
            weaker.dependencies!.push(
                find(
                    resources,
                    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                    "audit-bucket-public-access-block",
                ).urn,
            );
            const diagnostic = await assertOnlyViolation(resources, "cloudtrail-bucket-public-access-blocked", weaker);
            assert.strictEqual(diagnostic.urn, weaker.urn);
            assert.match(
                diagnostic.message,
                /set blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets to true on its public access block "audit-bucket-public-access-block-2"\.$/,
            );
        });

        it("a second bucket policy for the trail bucket without the TLS deny (S3 keeps the policy applied last)", async () => {
            const resources = copyOf("prod");
            const document = bucketPolicyDocument(resources);
            const allowOnly = { ...document, Statement: document.Statement.filter((s) => s.Effect === "Allow") };
            const second = bucketResource(resources, bucketPolicyType, "audit-bucket-policy-2", {
                policy: JSON.stringify(allowOnly),
            });
            const diagnostic = await assertOnlyViolation(resources, "cloudtrail-bucket-tls-only", second);
            assert.strictEqual(diagnostic.urn, second.urn);
            assert.match(
                diagnostic.message,
                /has 2 bucket policies and bucket policy "audit-bucket-policy-2" does not deny requests made without TLS/,
            );
        });

        it("versioning of the trail bucket suspended, by the program's resource or by a second one", async () => {
            const versioningType = "aws:s3/bucketVersioning:BucketVersioning";
            const suspendedHere = copyOf("prod");
            const own = find(suspendedHere, versioningType, "audit-bucket-versioning");
            own.properties.versioningConfiguration = { status: "Suspended" };
            await assertOnlyViolation(suspendedHere, "cloudtrail-bucket-versioned", own);
            const suspendedElsewhere = copyOf("prod");
            const second = bucketResource(
                suspendedElsewhere,
                "aws:s3/bucketVersioningV2:BucketVersioningV2",
                "audit-bucket-versioning-2",
                { versioningConfiguration: { status: "Suspended" } },
            );
            const diagnostic = await assertOnlyViolation(suspendedElsewhere, "cloudtrail-bucket-versioned", second);
            assert.match(diagnostic.message, /on "audit-bucket-versioning-2" \(it is "Suspended"\)\.$/);
        });

        it("a topic policy letting everyone publish, with a condition that does not name the caller", async () => {
            const resources = copyOf("prod");
            const topicPolicy = find(resources, "aws:sns/topicPolicy:TopicPolicy", "alerts-topic-policy");
            const document = JSON.parse(topicPolicy.properties.policy as string) as {
                Statement: Record<string, unknown>[];
            };
            const topicArn = document.Statement[0].Resource as string;
            // Another account publishes a fake alert: an IAM engine nobody here wrote judges the topic policy.
            const foreignPublish = () =>
                simulate({
                    principal: "arn:aws:iam::444455556666:user/mallory",
                    action: "sns:Publish",
                    resource: topicArn,
                    resourceAccount: "111122223333",
                    context: { "aws:SecureTransport": "true" },
                    resourcePolicy: { name: "alert topic policy", document },
                    identityPolicies: [allowEverything("mallory")],
                });
            assert.notStrictEqual((await foreignPublish()).result, "Allowed");
            document.Statement.push({
                Sid: "AnyoneOverTls",
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: "SNS:Publish",
                Resource: topicArn,
                Condition: { Bool: { "aws:SecureTransport": "true" } },
            });
            const decision = await foreignPublish();
            assert.strictEqual(decision.result, "Allowed", decision.explain);
            topicPolicy.properties.policy = JSON.stringify(document);
            const diagnostic = await assertOnlyViolation(resources, "sns-topic-not-public", topicPolicy);
            assert.match(diagnostic.message, /lets everyone publish \(statement AnyoneOverTls:/);
        });

        it("a TLS deny on another bucket's ARNs, or narrowed by another condition", async () => {
            const narrowings: ((deny: Record<string, unknown>) => void)[] = [
                (deny) => (deny.Resource = ["arn:aws:s3:::some-other-bucket", "arn:aws:s3:::some-other-bucket/*"]),
                (deny) => (deny.Resource = (deny.Resource as string[]).slice(0, 1)), // the bucket, not its objects
                (deny) =>
                    ((deny.Condition as Record<string, unknown>).StringNotEquals = {
                        "aws:PrincipalAccount": "111122223333",
                    }),
            ];
            // The account's administrator reads a log file over plain HTTP: an IAM engine nobody here wrote judges
            // whether the bucket policy stops it (it does with the program's own policy, not with a narrowed one).
            const plainHttpRead = (resources: AnalyzedResource[]) => {
                const bucketName = find(resources, trailType, "audit-trail").properties.s3BucketName as string;
                return simulate({
                    principal: "arn:aws:iam::111122223333:role/administrator",
                    action: "s3:GetObject",
                    resource: `arn:aws:s3:::${bucketName}/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/03/04/log.json.gz`,
                    resourceAccount: "111122223333",
                    context: { "aws:SecureTransport": "false", "aws:PrincipalAccount": "111122223333" },
                    resourcePolicy: { name: "audit bucket policy", document: bucketPolicyDocument(resources) },
                    identityPolicies: [allowEverything("administrator")],
                });
            };
            assert.strictEqual((await plainHttpRead(copyOf("prod"))).result, "ExplicitlyDenied");
            for (const narrow of narrowings) {
                const resources = copyOf("prod");
                const document = bucketPolicyDocument(resources);
                narrow(document.Statement.find((s) => s.Effect === "Deny")!);
                const policy = setBucketPolicyDocument(resources, document);
                const decision = await plainHttpRead(resources);
                assert.strictEqual(decision.result, "Allowed", decision.explain);
                const diagnostic = await assertOnlyViolation(resources, "cloudtrail-bucket-tls-only", policy);
                assert.match(
                    diagnostic.message,
                    /does not deny requests made without TLS: add a bucket policy statement/,
                );
            }
        });

        it("a bucket policy letting CloudTrail write without aws:SourceArn, or for another account's trail", async () => {
            const unscoped: ((allow: Record<string, unknown>) => void)[] = [
                (allow) => delete allow.Condition,
                // The older published policy: a canned-ACL condition, no aws:SourceArn.
                (allow) => (allow.Condition = { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } }),
                (allow) =>
                    (allow.Condition = {
                        StringEquals: { "aws:SourceArn": "arn:aws:cloudtrail:eu-west-1:444455556666:trail/elsewhere" },
                    }),
                (allow) => (allow.Condition = { ArnLike: { "aws:SourceArn": "arn:aws:cloudtrail:*:*:trail/*" } }),
            ];
            // Another account's trail delivers into the bucket: an IAM engine nobody here wrote judges whether the
            // bucket policy lets it (not with the program's own policy, but with each unscoped one).
            const foreignDelivery = (resources: AnalyzedResource[]) => {
                const bucketName = find(resources, trailType, "audit-trail").properties.s3BucketName as string;
                return simulate({
                    principal: "cloudtrail.amazonaws.com",
                    action: "s3:PutObject",
                    resource: `arn:aws:s3:::${bucketName}/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/03/04/forged.json.gz`,
                    resourceAccount: "111122223333",
                    context: {
                        "aws:SecureTransport": "true",
                        "aws:SourceArn": "arn:aws:cloudtrail:eu-west-1:444455556666:trail/elsewhere",
                        "aws:SourceAccount": "444455556666",
                        "s3:x-amz-acl": "bucket-owner-full-control",
                    },
                    resourcePolicy: { name: "audit bucket policy", document: bucketPolicyDocument(resources) },
                });
            };
            assert.notStrictEqual((await foreignDelivery(copyOf("prod"))).result, "Allowed");
            for (const unscope of unscoped) {
                const resources = copyOf("prod");
                const document = bucketPolicyDocument(resources);
                unscope(document.Statement.find((s) => s.Sid === "AWSCloudTrailWrite")!);
                const policy = setBucketPolicyDocument(resources, document);
                const decision = await foreignDelivery(resources);
                assert.strictEqual(decision.result, "Allowed", decision.explain);
                const diagnostic = await assertOnlyViolation(resources, "cloudtrail-bucket-policy-source-arn", policy);
                assert.match(
                    diagnostic.message,
                    /^.*\nBucket "audit-bucket", where trail "audit-trail" delivers its logs, lets CloudTrail write to it (without an aws:SourceArn condition|for aws:SourceArn "arn:aws:cloudtrail:[^"]*" ).*in statement AWSCloudTrailWrite of bucket policy "audit-bucket-policy"/,
                );
            }
        });
    });

    describe("configured as with --policy-pack-config", () => {
        after(async () => {
            await pack.configure(reconcilePolicyConfig(info));
        });

        it("reports at the configured enforcement level and uses the configured settings", async () => {
            await pack.configure(
                reconcilePolicyConfig(info, {
                    "cloudtrail-log-file-validation": "advisory",
                    "log-group-minimum-retention": { minimumRetentionDays: 30 },
                }),
            );
            const resources = copyOf("dev");
            find(resources, trailType, "audit-trail").properties.enableLogFileValidation = false;
            const diagnostics = await pack.analyzeResources(resources);
            assert.deepStrictEqual(
                diagnostics.map((d) => [d.policyName, d.enforcementLevel]),
                [["cloudtrail-log-file-validation", "advisory"]],
            );
        });

        it("applies the README's example configuration: one Insights type is then enough for every policy", async () => {
            const readme = fs.readFileSync(path.join(packDir, "README.md"), "utf8");
            const example = /## Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
            assert.ok(example, "policy/README.md has a JSON configuration example");
            await pack.configure(reconcilePolicyConfig(info, JSON.parse(example[1])));
            const resources = copyOf("prod");
            find(resources, trailType, "audit-trail").properties.insightSelectors = [
                { insightType: "ApiCallRateInsight" },
            ];
            const diagnostics = await pack.analyzeResources(resources);
            assert.deepStrictEqual(
                diagnostics.filter((d) => d.policyName !== "log-group-minimum-retention"),
                [],
                "requiredInsightTypes is configured for every policy that checks Insights",
            );
        });

        it("reports a violation of a policy set to remediate as mandatory, resource and stack policy alike", async () => {
            await pack.configure(
                reconcilePolicyConfig(info, {
                    "cloudtrail-multi-region": "remediate",
                    "stack-has-compliant-trail": "remediate",
                }),
            );
            const resources = copyOf("prod");
            find(resources, trailType, "audit-trail").properties.isMultiRegionTrail = false;
            const diagnostics = await pack.analyzeResources(resources);
            assert.deepStrictEqual(
                diagnostics.map((d) => [d.policyName, d.enforcementLevel]),
                [
                    ["cloudtrail-multi-region", "mandatory"],
                    ["stack-has-compliant-trail", "mandatory"],
                ],
            );
        });

        it("skips a disabled policy", async () => {
            await pack.configure(reconcilePolicyConfig(info, { "metric-alarm-has-action": "disabled" }));
            const resources = copyOf("prod");
            find(
                resources,
                "aws:cloudwatch/metricAlarm:MetricAlarm",
                "alarms-cis-cloudwatch-1-root-usage",
            ).properties.alarmActions = [];
            assert.deepStrictEqual(await pack.analyzeResources(resources), []);
        });
    });
});
