import * as assert from "assert";
import * as path from "path";
import { auditTrailKeyPolicyStatements, cloudTrailAssumeRolePolicy, trailArnOf } from "@trailwatch/components";
import { readMarkdownSection } from "../../../scripts/markdownSections";
import { projectDir } from "../../support/repositoryPaths";

describe("trail policies", () => {
    it("trusts CloudTrail for the delivery role with no condition (CloudTrail supports none there)", () => {
        assert.deepStrictEqual(cloudTrailAssumeRolePolicy(), {
            Version: "2012-10-17",
            Statement: [
                { Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" },
            ],
        });
    });

    it("builds the trail ARN with the owner account (the management account for an organization trail)", () => {
        assert.strictEqual(
            trailArnOf({ partition: "aws", region: "eu-west-1", ownerAccountId: "444455556666", trailName: "org" }),
            "arn:aws:cloudtrail:eu-west-1:444455556666:trail/org",
        );
    });

    it("docs/deploying.md shows exactly the key policy statements auditTrailKeyPolicyStatements() returns", () => {
        const section = readMarkdownSection(path.join(projectDir, "docs/deploying.md"), "trail-key-statements");
        const block = /^```json\n([\s\S]*)\n```$/.exec(section);
        assert.ok(block !== null, "the trail-key-statements section is one JSON block");
        const expected = auditTrailKeyPolicyStatements({
            partition: "aws",
            region: "<region>",
            trailArn: "arn:aws:cloudtrail:<region>:<trail owner account>:trail/<trailName>",
            trailOwnerAccountId: "<trail owner account>",
            logGroupArn: "arn:aws:logs:<region>:<account>:log-group:aws-cloudtrail-logs-<trailName>",
        });
        assert.deepStrictEqual(JSON.parse(block[1]), expected);
    });
});
