import * as assert from "assert";
import { readStackConfig } from "../../program/stackConfig";
import { offlineAccountId, offlineOrganization } from "../../cli/engines/offline/offlineMocks";
import { ProgramRun, runProgram } from "../../cli/engines/offline/runProgram";
import { StackFileConfig } from "../../cli/engines/offline/stackFile";
import { athenaWorkgroupEncryptedResults } from "../../policy/policies";
import { validateResource } from "../policy/policyHarness";
import { stackConfigWithoutOnCall } from "../support/offlineStackConfig";
import { onlyResource } from "../support/recordedResources";
import { projectDir } from "../support/repositoryPaths";

// The program's wiring of CloudTrailAthena (`trailwatch:athenaEnabled`): off by default; on, it reads the stack's
// trail bucket with the names the stack configuration gives the CLI. The component's own inputs are tested in
// test/components/athena/.

async function runDev(overrides: Record<string, string>): Promise<{ run: ProgramRun; config: StackFileConfig }> {
    const config = stackConfigWithoutOnCall("dev", overrides);
    const run = await runProgram({ projectDir, stack: "dev", config });
    if (run.error !== undefined) throw run.error;
    return { run, config };
}

describe("stack program: the Athena resources (athenaEnabled)", function () {
    this.timeout(120_000);

    it("creates none unless athenaEnabled is true", async () => {
        const { run } = await runDev({});
        assert.deepStrictEqual(
            run.resources.filter((r) => /^aws:(glue|athena)\//.test(r.type) || r.type.endsWith("CloudTrailAthena")),
            [],
        );
        assert.strictEqual(run.outputs.athenaBacktest, null);
    });

    it("reads the trail bucket, with the workgroup and database the CLI finds in the stack configuration", async () => {
        const { run, config } = await runDev({ "trailwatch:athenaEnabled": "true" });
        const athena = readStackConfig(config.values, config.secretKeys, "dev").athena;
        assert.deepStrictEqual(
            { workGroup: athena?.workGroup, database: athena?.database, table: athena?.table },
            { workGroup: "trailwatch-dev", database: "trailwatch_dev", table: "cloudtrail_logs" },
        );
        const trailBucket = onlyResource(run, "aws:cloudtrail/trail:Trail").inputs.s3BucketName as string;
        const table = onlyResource(run, "aws:glue/catalogTable:CatalogTable");
        assert.strictEqual(table.inputs.databaseName, "trailwatch_dev");
        assert.strictEqual(table.inputs.name, "cloudtrail_logs");
        assert.strictEqual(
            (table.inputs.parameters as Record<string, string>)["storage.location.template"],
            `s3://${trailBucket}/AWSLogs/${offlineAccountId}/CloudTrail/\${region}/\${timestamp}`,
        );
        const workgroup = onlyResource(run, "aws:athena/workgroup:Workgroup");
        assert.strictEqual(workgroup.inputs.name, "trailwatch-dev");
        assert.deepStrictEqual(
            await validateResource(athenaWorkgroupEncryptedResults, {
                type: workgroup.type,
                name: workgroup.name,
                urn: workgroup.urn,
                props: workgroup.inputs,
                propertyDependencies: workgroup.propertyDependencies,
            }),
            [],
            "the policy pack accepts the workgroup the stack creates",
        );
        const resultsBucket = run.resources.filter((r) => r.name === "athena-results-policy")[0];
        assert.deepStrictEqual(run.outputs.athenaBacktest, {
            workgroup: "trailwatch-dev",
            database: "trailwatch_dev",
            table: "cloudtrail_logs",
            outputLocation: `s3://${resultsBucket.inputs.bucket as string}/results/`,
        });
    });

    it("reads an organization trail's accounts and regions from athenaAccountIds and athenaRegions", async () => {
        const { run } = await runDev({
            "trailwatch:athenaEnabled": "true",
            "trailwatch:isOrganizationTrail": "true",
            "trailwatch:organizationId": offlineOrganization.id,
            "trailwatch:athenaRegions": '["us-east-1","eu-west-1"]',
            "trailwatch:athenaAccountIds": `["${offlineAccountId}","${offlineOrganization.managementAccountId}"]`,
        });
        const trailBucket = onlyResource(run, "aws:cloudtrail/trail:Trail").inputs.s3BucketName as string;
        const parameters = onlyResource(run, "aws:glue/catalogTable:CatalogTable").inputs.parameters as Record<
            string,
            string
        >;
        assert.deepStrictEqual(
            {
                template: parameters["storage.location.template"],
                regions: parameters["projection.region.values"],
                accounts: parameters["projection.account.values"],
            },
            {
                template: `s3://${trailBucket}/AWSLogs/${offlineOrganization.id}/\${account}/CloudTrail/\${region}/\${timestamp}`,
                regions: "us-east-1,eu-west-1",
                accounts: `${offlineAccountId},${offlineOrganization.managementAccountId}`,
            },
        );
    });
});
