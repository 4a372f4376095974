import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as aws from "@pulumi/aws";
import { awsRegionProblem } from "../../../../cli/engines/offline/awsRegion";
import { runProgram } from "../../../../cli/engines/offline/runProgram";
import { StackConfigError } from "../../../../program";
import { projectWithStack } from "../../../support/projectWithStack";
import { projectDir } from "../../../support/repositoryPaths";
import { runCli } from "../../../support/runCli";

/**
 * `aws:region` is checked as the AWS provider checks it before `pulumi up` creates anything: against the Regions the
 * installed @pulumi/aws knows (its `aws.Region` enum) when `aws:skipRegionValidation` is false; by default (true) only
 * a misspelt Region code is refused.
 */
describe("aws:region as the AWS provider validates it", () => {
    it("accepts Regions of @pulumi/aws's aws.Region in each partition, and every Region the repository's stacks use", () => {
        for (const region of [aws.Region.EUWest1, aws.Region.USGovWest1, aws.Region.CNNorth1, aws.Region.USISOBEast1]) {
            assert.strictEqual(awsRegionProblem({ "aws:region": region }), undefined, region);
        }
        const stacks = fs.readdirSync(path.join(projectDir, "stacks")).filter((f) => /^Pulumi\..+\.yaml$/.test(f));
        assert.ok(stacks.length > 0);
        for (const file of stacks) {
            const region = /^ {2}aws:region: (\S+)$/m.exec(
                fs.readFileSync(path.join(projectDir, "stacks", file), "utf8"),
            );
            assert.ok(region, file);
            assert.strictEqual(awsRegionProblem({ "aws:region": region[1] }), undefined, file);
        }
    });

    it("refuses a misspelt Region (only hyphens, spaces or case differ), naming the key and the Region meant", () => {
        const typo = awsRegionProblem({ "aws:region": "us-east1" });
        assert.strictEqual(typo?.key, "aws:region");
        assert.strictEqual(typo.message, '"us-east1" is not an AWS Region code: did you mean us-east-1?');
        assert.match(awsRegionProblem({ "aws:region": "EU-WEST-1" })!.message, /did you mean eu-west-1\?/);
        assert.match(awsRegionProblem({ "aws:region": " eu-west-1" })!.message, /did you mean eu-west-1\?/);
        // Misspelt is misspelt whatever aws:skipRegionValidation says: no AWS endpoint answers to it.
        assert.ok(awsRegionProblem({ "aws:region": "us-east1", "aws:skipRegionValidation": "true" }));
    });

    it("lets a Region newer than @pulumi/aws through, as the provider does by default (aws:skipRegionValidation defaults to true); refuses it under false", () => {
        // @pulumi/aws's own reading of the key when it is not set: true (config/vars.js, `?? true`).
        assert.strictEqual(aws.config.skipRegionValidation, true);
        assert.strictEqual(awsRegionProblem({ "aws:region": "ap-newregion-9" }), undefined);
        assert.strictEqual(
            awsRegionProblem({ "aws:region": "ap-newregion-9", "aws:skipRegionValidation": "true" }),
            undefined,
        );
        const validated = awsRegionProblem({ "aws:region": "mars-1", "aws:skipRegionValidation": "false" });
        assert.strictEqual(validated?.key, "aws:region");
        assert.match(
            validated.message,
            /^"mars-1" is not an AWS Region the AWS provider knows, and aws:skipRegionValidation is false: `pulumi up` would stop with "Invalid AWS Region"\. Use a Region code such as eu-west-1/,
        );
        // No Region in the configuration: the provider takes it from the environment, which only a real run sees.
        assert.strictEqual(awsRegionProblem({}), undefined);
    });

    it("the offline run stops on a misspelt Region before registering anything; a Region newer than @pulumi/aws runs", async () => {
        const values = { "aws:region": "us-east1" };
        const run = await runProgram({ projectDir, stack: "dev", config: { values, secretKeys: new Set() } });
        assert.ok(run.error instanceof StackConfigError);
        assert.deepStrictEqual(
            run.error.problems.map((p) => p.key),
            ["aws:region"],
        );
        assert.deepStrictEqual(run.resources, []);
        const skipped = await runProgram({
            projectDir,
            stack: "dev",
            config: { values: { "aws:region": "ap-newregion-9" }, secretKeys: new Set() },
        });
        assert.strictEqual(skipped.error, undefined);
        assert.ok(skipped.resources.some((r) => r.type === "aws:cloudtrail/trail:Trail"));
    });

    it("trailwatch check on a stack file with `aws:region: us-east1`: exit 2 naming the key, JSON under --json", async function () {
        this.timeout(60_000);
        const dir = projectWithStack("typo", "config:\n  aws:region: us-east1\n");
        try {
            const human = await runCli(["check", "--stack", "typo"], { cwd: dir });
            assert.strictEqual(human.code, 2);
            assert.strictEqual(human.stdout, "");
            assert.match(
                human.stderr,
                /^trailwatch check: stack typo: invalid stack configuration:\n {2}aws:region: "us-east1" is not an AWS Region code: did you mean us-east-1\?/,
            );
            const json = await runCli(["check", "--stack", "typo", "--json"], { cwd: dir });
            assert.strictEqual(json.code, 2);
            const error = (JSON.parse(json.stdout) as { error: { problems: { key: string }[] } }).error;
            assert.deepStrictEqual(
                error.problems.map((p) => p.key),
                ["aws:region"],
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
