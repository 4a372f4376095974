import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import { opsgenie } from "@trailwatch/components";
import { runUnderMocks } from "../../../cli/engines/offline/runProgram";
import { onlyResource, resolvedOutput } from "../../support/recordedResources";
import { projectDir, skipWithoutShared } from "../../support/repositoryPaths";
import { opsgenieSchemaPath } from "./sharedReference";

// The binding of the official Opsgenie provider must send and read exactly what the provider's schema declares:
// a misspelt or missing property would be silently dropped by the plugin, or never read back. Checked twice:
// statically (every Args, State, output and nested type of the binding's source, by name, type and optionality)
// and at run time (what the resources send to the engine, and what they read back from it).

interface SchemaType {
    type?: string;
    items?: SchemaType;
    additionalProperties?: SchemaType;
    $ref?: string;
}
interface SchemaObject {
    properties: Record<string, SchemaType>;
    required?: string[];
}
interface SchemaResource extends SchemaObject {
    inputProperties: Record<string, SchemaType>;
    requiredInputs?: string[];
    stateInputs: SchemaObject;
}
interface ProviderSchema {
    provider: { properties: Record<string, SchemaType>; inputProperties: Record<string, SchemaType> };
    resources: Record<string, SchemaResource>;
    types: Record<string, SchemaObject>;
}

const sdkDir = path.join(projectDir, "components", "src", "opsgenie", "sdk");

/** A schema type as comparable text: `string`, `number` (integer too: TypeScript has one number type), `array<…>`, `map<…>`, `ref:<Type>`. */
function schemaTypeText(t: SchemaType): string {
    if (t.$ref !== undefined) return `ref:${t.$ref.split(":").pop()}`;
    if (t.type === "integer" || t.type === "number") return "number";
    if (t.type === "array") return `array<${schemaTypeText(t.items!)}>`;
    if (t.type === "object" && t.additionalProperties !== undefined)
        return `map<${schemaTypeText(t.additionalProperties)}>`;
    return t.type ?? "?";
}

/** A TypeScript type of the binding as the same text, seeing through `pulumi.Input<…>`/`pulumi.Output<…>`; `optional` when it admits undefined. */
function tsTypeText(node: ts.TypeNode): { text: string; undefinedAllowed: boolean } {
    if (ts.isParenthesizedTypeNode(node)) return tsTypeText(node.type);
    if (ts.isUnionTypeNode(node)) {
        const rest = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
        assert.strictEqual(rest.length, 1, `unexpected union ${node.getText()}`);
        return { text: tsTypeText(rest[0]).text, undefinedAllowed: rest.length < node.types.length };
    }
    if (node.kind === ts.SyntaxKind.StringKeyword) return { text: "string", undefinedAllowed: false };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { text: "boolean", undefinedAllowed: false };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return { text: "number", undefinedAllowed: false };
    if (ts.isArrayTypeNode(node))
        return { text: `array<${tsTypeText(node.elementType).text}>`, undefinedAllowed: false };
    if (ts.isTypeLiteralNode(node)) {
        const index = node.members.find(ts.isIndexSignatureDeclaration);
        assert.ok(index !== undefined && node.members.length === 1, `unexpected type literal ${node.getText()}`);
        return { text: `map<${tsTypeText(index.type).text}>`, undefinedAllowed: false };
    }
    if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText();
        if (name === "pulumi.Input" || name === "pulumi.Output") return tsTypeText(node.typeArguments![0]);
        const m = /^(?:inputs|outputs)\.(\w+)$/.exec(name);
        assert.ok(m !== null, `unexpected type reference ${name}`);
        return { text: `ref:${m[1]}`, undefinedAllowed: false };
    }
    throw new Error(`unexpected type ${node.getText()}`);
}

interface Member {
    type: string;
    /** `prop?:` or an output that admits undefined. */
    optional: boolean;
}

/** The interfaces and the `declare`d class properties of one source file of the binding, by name. */
function declarations(file: string): Map<string, Map<string, Member>> {
    const source = ts.createSourceFile(
        file,
        fs.readFileSync(path.join(sdkDir, file), "utf8"),
        ts.ScriptTarget.ES2022,
        true,
    );
    const found = new Map<string, Map<string, Member>>();
    for (const statement of source.statements) {
        if (ts.isInterfaceDeclaration(statement)) {
            const members = new Map<string, Member>();
            for (const m of statement.members) {
                if (!ts.isPropertySignature(m) || m.type === undefined) continue;
                members.set(m.name.getText(), {
                    type: tsTypeText(m.type).text,
                    optional: m.questionToken !== undefined,
                });
            }
            found.set(statement.name.text, members);
        } else if (ts.isClassDeclaration(statement) && statement.name !== undefined) {
            const members = new Map<string, Member>();
            for (const m of statement.members) {
                const declared =
                    ts.canHaveModifiers(m) && ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.DeclareKeyword);
                if (!ts.isPropertyDeclaration(m) || !declared || m.type === undefined) continue;
                const t = tsTypeText(m.type);
                members.set(m.name.getText(), { type: t.text, optional: t.undefinedAllowed });
            }
            found.set(statement.name.text, members);
        }
    }
    return found;
}

/** The schema's view of an object: every property with its type text and whether it may be absent. */
function expected(properties: Record<string, SchemaType>, required: string[] = []): Map<string, Member> {
    return new Map(
        Object.entries(properties).map(([k, t]) => [k, { type: schemaTypeText(t), optional: !required.includes(k) }]),
    );
}

function assertSameMembers(actual: Map<string, Member> | undefined, wanted: Map<string, Member>, what: string): void {
    assert.ok(actual !== undefined, `${what} is not declared`);
    const sorted = (m: Map<string, Member>) =>
        Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
    assert.deepStrictEqual(sorted(actual), sorted(wanted), what);
}

/** A value of the schema type, for sending every property at once. */
function sample(t: SchemaType, schema: ProviderSchema, name: string): unknown {
    if (t.$ref !== undefined) {
        const type = schema.types[t.$ref.replace("#/types/", "")];
        return Object.fromEntries(Object.entries(type.properties).map(([k, p]) => [k, sample(p, schema, k)]));
    }
    switch (t.type) {
        case "string":
            return `${name}-value`;
        case "boolean":
            return true;
        case "integer":
        case "number":
            return 7;
        case "array":
            return [sample(t.items!, schema, name)];
        case "object":
            return { [`${name}-key`]: sample(t.additionalProperties!, schema, name) };
    }
    throw new Error(`no sample for ${JSON.stringify(t)}`);
}

function sampleArgs(properties: Record<string, SchemaType>, schema: ProviderSchema): Record<string, unknown> {
    return Object.fromEntries(Object.entries(properties).map(([k, t]) => [k, sample(t, schema, k)]));
}

describe("the Opsgenie provider binding", () => {
    let schema: ProviderSchema;
    const apiIntegrationToken = "opsgenie:index/apiIntegration:ApiIntegration";
    const integrationActionToken = "opsgenie:index/integrationAction:IntegrationAction";

    before(function () {
        skipWithoutShared(this, opsgenieSchemaPath);
        schema = JSON.parse(fs.readFileSync(opsgenieSchemaPath, "utf8"));
    });

    describe("declares exactly the schema's names and types", () => {
        it("for the provider: every input, and the string outputs a provider exposes", () => {
            const decls = declarations("provider.ts");
            assertSameMembers(decls.get("ProviderArgs"), expected(schema.provider.inputProperties), "ProviderArgs");
            const stringOutputs = Object.fromEntries(
                Object.entries(schema.provider.properties).filter(([, t]) => t.type === "string"),
            );
            assertSameMembers(decls.get("Provider"), expected(stringOutputs), "Provider outputs");
        });

        for (const [file, token, cls] of [
            ["apiIntegration.ts", apiIntegrationToken, "ApiIntegration"],
            ["integrationAction.ts", integrationActionToken, "IntegrationAction"],
        ]) {
            it(`for ${cls}: its Args, its State and its outputs`, () => {
                const resource = schema.resources[token];
                const decls = declarations(file);
                assertSameMembers(
                    decls.get(`${cls}Args`),
                    expected(resource.inputProperties, resource.requiredInputs),
                    `${cls}Args`,
                );
                assertSameMembers(decls.get(`${cls}State`), expected(resource.stateInputs.properties), `${cls}State`);
                assertSameMembers(decls.get(cls), expected(resource.properties, resource.required), `${cls} outputs`);
            });
        }

        for (const [file, flavour] of [
            ["types/input.ts", "input"],
            ["types/output.ts", "output"],
        ]) {
            it(`for every nested type, as ${flavour} types`, () => {
                const decls = declarations(file);
                const names = Object.keys(schema.types).map((token) => token.split(":").pop()!);
                assert.deepStrictEqual([...decls.keys()].sort(), names.sort());
                for (const [token, type] of Object.entries(schema.types)) {
                    const name = token.split(":").pop()!;
                    assertSameMembers(decls.get(name), expected(type.properties, type.required), `${flavour}.${name}`);
                }
            });
        }
    });

    describe("sends and reads exactly the schema's properties", () => {
        it("ApiIntegration: every input under its own name, every output read back, the key a secret output", async () => {
            const args = sampleArgs(schema.resources[apiIntegrationToken].inputProperties, schema);
            const read: Record<string, unknown> = {};
            const run = await runUnderMocks({}, async () => {
                const integration = new opsgenie.ApiIntegration("full", args);
                for (const key of Object.keys(schema.resources[apiIntegrationToken].properties)) {
                    read[key] = await resolvedOutput(
                        (integration as unknown as Record<string, pulumi.Output<unknown>>)[key],
                    );
                }
            });
            if (run.error !== undefined) throw run.error;
            const recorded = onlyResource(run, apiIntegrationToken);
            assert.deepStrictEqual(recorded.inputs, args);
            assert.deepStrictEqual(recorded.options.additionalSecretOutputs, ["apiKey"]);
            // The offline provider answers with the inputs plus a computed key: all of it must come back.
            assert.deepStrictEqual(
                Object.keys(read).sort(),
                Object.keys(schema.resources[apiIntegrationToken].properties).sort(),
            );
            for (const [key, value] of Object.entries(args)) assert.deepStrictEqual(read[key], value, key);
            assert.match(String(read.apiKey), /^[0-9a-f-]{36}$/);
        });

        it("IntegrationAction: every action kind with every nested property, and integrationId required", async () => {
            const resource = schema.resources[integrationActionToken];
            const args = sampleArgs(resource.inputProperties, schema);
            const read: Record<string, unknown> = {};
            const run = await runUnderMocks({}, async () => {
                const action = new opsgenie.IntegrationAction(
                    "full",
                    args as unknown as opsgenie.IntegrationActionArgs,
                );
                for (const key of Object.keys(resource.properties)) {
                    read[key] = await resolvedOutput(
                        (action as unknown as Record<string, pulumi.Output<unknown>>)[key],
                    );
                }
            });
            if (run.error !== undefined) throw run.error;
            assert.deepStrictEqual(onlyResource(run, integrationActionToken).inputs, args);
            assert.deepStrictEqual(read, args);
            assert.throws(
                () => new opsgenie.IntegrationAction("no-integration", {} as opsgenie.IntegrationActionArgs),
                /^Error: Missing required property 'integrationId'$/,
            );
        });

        it("Provider: pulumi:providers:opsgenie, the key a secret input and output, numbers JSON-encoded as provider configuration travels", async () => {
            const args = sampleArgs(schema.provider.inputProperties, schema);
            const run = await runUnderMocks({}, async () => {
                new opsgenie.Provider("full", args);
            });
            if (run.error !== undefined) throw run.error;
            const provider = onlyResource(run, "pulumi:providers:opsgenie");
            assert.deepStrictEqual(provider.inputs, {
                apiKey: "[secret]",
                apiRetryCount: "7",
                apiRetryWaitMax: "7",
                apiRetryWaitMin: "7",
                apiUrl: "apiUrl-value",
            });
            assert.deepStrictEqual(provider.secretInputs, ["apiKey"]);
            assert.deepStrictEqual(provider.options.additionalSecretOutputs, ["apiKey"]);
            assert.deepStrictEqual(
                Object.keys(provider.inputs).sort(),
                Object.keys(schema.provider.inputProperties).sort(),
            );
        });
    });

    describe("carries the plugin the way generated SDKs do", () => {
        it("asks the engine for the opsgenie plugin 1.4.1 on every resource, from Pulumi's default plugin host", async () => {
            const run = await runUnderMocks({}, async () => {
                const provider = new opsgenie.Provider("p", { apiKey: "k", apiUrl: "api.eu.opsgenie.com" });
                const integration = new opsgenie.ApiIntegration("i", { name: "n", type: "AmazonSns" }, { provider });
                new opsgenie.IntegrationAction("a", { integrationId: integration.id }, { provider });
            });
            if (run.error !== undefined) throw run.error;
            const bound = run.resources.filter(
                (r) => r.type.startsWith("opsgenie:") || r.type === "pulumi:providers:opsgenie",
            );
            assert.deepStrictEqual(
                bound.map((r) => [r.type, r.version, r.pluginDownloadURL]),
                [
                    ["pulumi:providers:opsgenie", "1.4.1", undefined],
                    [apiIntegrationToken, "1.4.1", undefined],
                    [integrationActionToken, "1.4.1", undefined],
                ],
            );
            assert.strictEqual(opsgenie.pluginName, "opsgenie");
            assert.strictEqual(opsgenie.pluginVersion, "1.4.1");
        });

        it("declares the plugin in the package's pulumi block, which the language host reads before the program runs", () => {
            const manifest = JSON.parse(fs.readFileSync(path.join(projectDir, "components", "package.json"), "utf8"));
            assert.deepStrictEqual(manifest.pulumi, {
                resource: true,
                name: opsgenie.pluginName,
                version: opsgenie.pluginVersion,
            });
        });
    });
});
