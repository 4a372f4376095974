import * as assert from "assert";
import { unknownValue } from "../../../policy/lib/knownValues";
import { athenaWorkgroupEncryptedResults } from "../../../policy/policies";
import { FixtureResource } from "../../fixtures/policyResources";
import { validateResource } from "../policyHarness";

/** The workgroup CloudTrailAthena registers (inputs as `@pulumi/aws` 7.x sends them). */
function workgroupFixture(): FixtureResource {
    return {
        type: "aws:athena/workgroup:Workgroup",
        name: "athena-workgroup",
        urn: "urn:pulumi:dev::trailwatch::trailwatch:index:CloudTrailAthena$aws:athena/workgroup:Workgroup::athena-workgroup",
        props: {
            name: "trailwatch-dev",
            forceDestroy: true,
            configuration: {
                enforceWorkgroupConfiguration: true,
                publishCloudwatchMetricsEnabled: true,
                resultConfiguration: {
                    outputLocation: "s3://athena-results-7d2c1f0/results/",
                    encryptionConfiguration: { encryptionOption: "SSE_S3" },
                },
            },
        },
        propertyDependencies: {},
    };
}

type Configuration = {
    enforceWorkgroupConfiguration?: unknown;
    resultConfiguration?: unknown;
};
const configurationOf = (w: FixtureResource) => w.props.configuration as Configuration;
const resultsOf = (w: FixtureResource) =>
    configurationOf(w).resultConfiguration as { encryptionConfiguration?: unknown };

const notEnforced =
    'Athena workgroup "athena-workgroup" lets clients override its settings: set configuration.enforceWorkgroupConfiguration ' +
    "to true so that every query's results go where, and encrypted as, the workgroup says.";
const notEncrypted =
    'Athena workgroup "athena-workgroup" does not encrypt query results: set ' +
    "configuration.resultConfiguration.encryptionConfiguration.encryptionOption to SSE_S3, SSE_KMS or CSE_KMS.";

describe("policy athena-workgroup-encrypted-results", () => {
    it("accepts an enforced workgroup with SSE_S3 results, and SSE_KMS or CSE_KMS", async () => {
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, workgroupFixture()), []);
        for (const option of ["SSE_KMS", "CSE_KMS"]) {
            const workgroup = workgroupFixture();
            resultsOf(workgroup).encryptionConfiguration = { encryptionOption: option, kmsKeyArn: "arn:aws:kms:..." };
            assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, workgroup), [], option);
        }
    });

    it("accepts enforceWorkgroupConfiguration left unset (AWS's default is true)", async () => {
        const workgroup = workgroupFixture();
        delete configurationOf(workgroup).enforceWorkgroupConfiguration;
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, workgroup), []);
    });

    it("rejects a workgroup that lets clients override its settings", async () => {
        const workgroup = workgroupFixture();
        configurationOf(workgroup).enforceWorkgroupConfiguration = false;
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, workgroup), [notEnforced]);
    });

    it("rejects results without an encryption configuration", async () => {
        const workgroup = workgroupFixture();
        delete resultsOf(workgroup).encryptionConfiguration;
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, workgroup), [notEncrypted]);
    });

    it("rejects a workgroup with no configuration at all", async () => {
        const workgroup = workgroupFixture();
        delete workgroup.props.configuration;
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, workgroup), [notEncrypted]);
    });

    it("rejects an encryption option Athena does not have", async () => {
        const workgroup = workgroupFixture();
        resultsOf(workgroup).encryptionConfiguration = { encryptionOption: "NONE" };
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, workgroup), [notEncrypted]);
    });

    it("does not guess while the encryption option is unknown (preview)", async () => {
        const workgroup = workgroupFixture();
        resultsOf(workgroup).encryptionConfiguration = { encryptionOption: unknownValue };
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, workgroup), []);
    });

    it("does not guess while the whole configuration or the results configuration is unknown (preview)", async () => {
        const unknownConfiguration = workgroupFixture();
        unknownConfiguration.props.configuration = unknownValue;
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, unknownConfiguration), []);
        const unknownResults = workgroupFixture();
        configurationOf(unknownResults).resultConfiguration = unknownValue;
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, unknownResults), []);
        // What is known is still checked.
        configurationOf(unknownResults).enforceWorkgroupConfiguration = false;
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, unknownResults), [notEnforced]);
    });

    it("ignores other resource types", async () => {
        const workgroup = workgroupFixture();
        workgroup.type = "aws:glue/catalogTable:CatalogTable";
        delete workgroup.props.configuration;
        assert.deepStrictEqual(await validateResource(athenaWorkgroupEncryptedResults, workgroup), []);
    });
});
