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
 * installed @pulumi/aws knows (its `aws.Region` enum), unless `aws:skipRegionValidation` is true.
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

    it("refuses a Region the provider does not know, naming the key, and the Region meant when only hyphens or case differ", () => {
        const mars = awsRegionProblem({ "aws:region": "mars-1" });
        assert.strictEqual(mars?.key, "aws:region");
        assert.match(
            mars.message,
            /^"mars-1" is not an AWS Region the AWS provider knows: `pulumi up` would stop with "Invalid AWS Region"\. Use a Region code such as eu-west-1\./,
        );
        assert.match(awsRegionProblem({ "aws:region": "us-east1" })!.message, /Did you mean us-east-1\?/);
        assert.match(awsRegionProblem({ "aws:region": "EU-WEST-1" })!.message, /Did you mean eu-west-1\?/);
        assert.match(awsRegionProblem({ "aws:region": " eu-west-1" })!.message, /Did you mean eu-west-1\?/);
    });

    it("aws:skipRegionValidation: true lets any Region through, as it does the provider's own check; false does not", () => {
        assert.strictEqual(awsRegionProblem({ "aws:region": "mars-1", "aws:skipRegionValidation": "true" }), undefined);
        assert.ok(awsRegionProblem({ "aws:region": "mars-1", "aws:skipRegionValidation": "false" }));
        // No Region in the configuration: the provider takes it from the environment, which only a real run sees.
        assert.strictEqual(awsRegionProblem({}), undefined);
    });

    it("the offline run stops before registering anything, as `pulumi up` would", async () => {
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
            config: { values: { ...values, "aws:skipRegionValidation": "true" }, secretKeys: new Set() },
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
                /^trailwatch check: stack typo: invalid stack configuration:\n {2}aws:region: "us-east1" is not an AWS Region .*Did you mean us-east-1\?/,
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
