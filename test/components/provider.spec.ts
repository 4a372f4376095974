import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import * as trailwatch from "@trailwatch/components";
import { components, packageDir, packageName } from "@trailwatch/components/provider";

// The components package is also a source-based Pulumi package (components/PulumiPlugin.yaml): `pulumi package add`
// generates Python/Go/YAML SDKs from the schema that ComponentProvider derives from the TypeScript source. This is
// the same derivation, run here without the CLI.

interface SchemaProperty {
    type?: string;
    $ref?: string;
    description?: string;
    items?: SchemaProperty;
    additionalProperties?: SchemaProperty;
}
interface SchemaResource {
    isComponent: boolean;
    inputProperties: Record<string, SchemaProperty>;
    requiredInputs?: string[];
    properties: Record<string, SchemaProperty>;
    description?: string;
}
interface Schema {
    name: string;
    resources: Record<string, SchemaResource>;
    types?: Record<string, { properties: Record<string, SchemaProperty> }>;
}

describe("the components package as a Pulumi component package", function () {
    // The schema is derived by type-checking the package's source.
    this.timeout(120000);
    let schema: Schema;

    before(async () => {
        const provider = new ComponentProvider({ components, name: packageName, dirname: packageDir });
        schema = JSON.parse(await provider.getSchema());
    });

    it("offers every exported component under trailwatch:index:<Class>", () => {
        const exported = Object.entries(trailwatch)
            .filter(([, v]) => typeof v === "function" && v.prototype instanceof pulumi.ComponentResource)
            .map(([k]) => `trailwatch:index:${k}`)
            .sort();
        assert.ok(exported.includes("trailwatch:index:AuditTrail"));
        assert.deepStrictEqual(Object.keys(schema.resources).sort(), exported);
        for (const token of exported) assert.strictEqual(schema.resources[token].isComponent, true, token);
    });

    it("documents every input and output of every component, and of every nested type", () => {
        const undocumented: string[] = [];
        for (const [token, resource] of Object.entries(schema.resources)) {
            for (const [name, p] of Object.entries(resource.inputProperties)) {
                if (!p.description) undocumented.push(`${token} input ${name}`);
            }
            for (const [name, p] of Object.entries(resource.properties)) {
                if (!p.description) undocumented.push(`${token} output ${name}`);
            }
        }
        for (const [token, type] of Object.entries(schema.types ?? {})) {
            for (const [name, p] of Object.entries(type.properties)) {
                if (!p.description) undocumented.push(`${token} property ${name}`);
            }
        }
        assert.deepStrictEqual(undocumented, []);
    });

    it("gives AuditTrail its documented inputs and the outputs callers compose with", () => {
        const auditTrail = schema.resources["trailwatch:index:AuditTrail"];
        assert.deepStrictEqual(Object.keys(auditTrail.inputProperties).sort(), [
            "adoptExistingLogGroup",
            "archiveExpirationDays",
            "archiveTransitionDays",
            "bucketKmsKeyArn",
            "dataEvents",
            "enableInsights",
            "enableLogFileValidation",
            "includeGlobalServiceEvents",
            "isMultiRegionTrail",
            "isOrganizationTrail",
            "logGroupKmsKeyArn",
            "logRetentionDays",
            "noncurrentVersionExpirationDays",
            "organizationId",
            "organizationManagementAccountId",
            "retainOnDelete",
            "tags",
            "trailKmsKeyArn",
            "trailName",
        ]);
        assert.deepStrictEqual(auditTrail.requiredInputs ?? [], []);
        for (const output of ["trailArn", "bucketName", "bucketArn", "logGroupName", "logGroupArn", "roleArn"]) {
            assert.strictEqual(auditTrail.properties[output]?.type, "string", output);
        }
        assert.strictEqual(auditTrail.inputProperties.logRetentionDays.type, "number");
        assert.strictEqual(auditTrail.inputProperties.isMultiRegionTrail.type, "boolean");
        assert.match(
            auditTrail.inputProperties.dataEvents.$ref ?? "",
            /^#\/types\/trailwatch:index:AuditTrailDataEventsArgs$/,
        );
        assert.deepStrictEqual(
            Object.keys(schema.types?.["trailwatch:index:AuditTrailDataEventsArgs"].properties ?? {}).sort(),
            ["dynamoDbTableArns", "lambdaFunctionArns", "s3ObjectArnPrefixes"],
        );
    });
});
