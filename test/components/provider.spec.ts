import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import * as trailwatch from "@trailwatch/components";
import { packageDir, packageName } from "@trailwatch/components/provider";
import Ajv2020 from "ajv/dist/2020";
import { projectDir } from "../support/repositoryPaths";

// The components package is also a source-based Pulumi package: `pulumi package add <checkout>/components/pulumi-package`
// generates Python/Go/.NET/Java/YAML SDKs from the schema the plugin serves. The Node.js language host starts that
// plugin as `node <@pulumi/pulumi/cmd/run-plugin> <plugin directory>` (RunPlugin in
// sdk/nodejs/cmd/pulumi-language-nodejs/main.go, pulumi/pulumi), and the CLI asks it for the schema over the
// ResourceProvider gRPC protocol (GetSchema). This test does exactly that: the package name and every token come
// from Pulumi's own runner, not from a name the test passes in. The schema is then judged by Pulumi's package
// metaschema (test/fixtures/pulumi-package-metaschema.json, pkg/codegen/schema/pulumi.json in pulumi/pulumi).

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
    version?: string;
    namespace?: string;
    resources: Record<string, SchemaResource>;
    types?: Record<string, { properties: Record<string, SchemaProperty> }>;
}

/**
 * Starts Pulumi's Node.js plugin runner on `dir` as the language host does, reads the port it prints, and asks the
 * plugin for its schema over gRPC.
 */
async function schemaFromPluginRunner(dir: string): Promise<string> {
    // The language host resolves the runner from the plugin directory (`locateModule`), as here.
    const runner = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [dir] });
    const child = spawn(process.execPath, [runner, dir], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    try {
        const port = await new Promise<number>((resolve, reject) => {
            let out = "";
            child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
                out += chunk;
                const newline = out.indexOf("\n");
                if (newline >= 0) resolve(Number(out.slice(0, newline).trim()));
            });
            child.once("exit", (code) => reject(new Error(`run-plugin exited (${code}) before its port: ${stderr}`)));
        });
        assert.ok(Number.isInteger(port) && port > 0, `run-plugin printed ${port} instead of its port: ${stderr}`);
        const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        try {
            return await new Promise<string>((resolve, reject) =>
                client.getSchema(new providerProto.GetSchemaRequest(), (err, response) =>
                    err
                        ? reject(new Error(`GetSchema failed: ${err.message}\n${stderr}`))
                        : resolve(response.getSchema()),
                ),
            );
        } finally {
            client.close();
        }
    } finally {
        child.kill();
    }
}

describe("the components package as a Pulumi component package", function () {
    // The runner type-checks the package's source to derive the schema.
    this.timeout(300000);
    let schemaText: string;
    let schema: Schema;

    before(async () => {
        schemaText = await schemaFromPluginRunner(packageDir);
        schema = JSON.parse(schemaText);
    });

    it("is named trailwatch by Pulumi's plugin runner, at the components' version", () => {
        assert.strictEqual(schema.name, "trailwatch");
        assert.strictEqual(schema.namespace, undefined);
        assert.strictEqual(packageName, schema.name);
        const components = JSON.parse(fs.readFileSync(path.join(projectDir, "components", "package.json"), "utf8"));
        assert.strictEqual(schema.version, components.version);
        // From components/ itself the runner would name the package `components`: there is no plugin manifest there.
        assert.ok(!fs.existsSync(path.join(projectDir, "components", "PulumiPlugin.yaml")));
        assert.ok(fs.existsSync(path.join(packageDir, "PulumiPlugin.yaml")));
    });

    it("validates against Pulumi's package metaschema", () => {
        const metaschema = JSON.parse(
            fs.readFileSync(path.join(projectDir, "test", "fixtures", "pulumi-package-metaschema.json"), "utf8"),
        );
        const ajv = new Ajv2020({ allErrors: true, strict: false });
        // The metaschema's own formats: a regular expression (meta.moduleFormat) and URI references ($ref).
        ajv.addFormat("regex", (text: string) => {
            try {
                new RegExp(text);
                return true;
            } catch {
                return false;
            }
        });
        ajv.addFormat("uri-reference", (text: string) => URL.canParse(text, "https://example.com/"));
        ajv.addFormat("uri", (text: string) => URL.canParse(text));
        const validate = ajv.compile(metaschema);
        assert.ok(validate(JSON.parse(schemaText)), JSON.stringify(validate.errors, null, 2));
        // The metaschema is not lenient: a package name Pulumi cannot use fails it.
        const broken = JSON.parse(schemaText);
        broken.name = "1trailwatch";
        assert.ok(!validate(broken));
        assert.ok(
            validate.errors?.some((e) => e.instancePath === "/name"),
            JSON.stringify(validate.errors),
        );
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
