import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { auditTrailDefaults } from "@trailwatch/components/catalogue";
import { projectDir } from "../../support/repositoryPaths";

/**
 * The `@default` tag of every member of `AuditTrailArgs`, as an editor shows it, read from the source with
 * TypeScript's compiler API. A doc comment cannot import a value, so this is what keeps the tags and
 * `auditTrailDefaults` (what `AuditTrail` applies and the configuration reference shows) from drifting apart.
 */
function documentedDefaults(): Map<string, string> {
    const file = path.join(projectDir, "components/src/trail/auditTrailArgs.ts");
    // setParentNodes: the JSDoc of a member is found through its parents.
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const args = source.statements.find(
        (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "AuditTrailArgs",
    );
    assert.ok(args, "AuditTrailArgs is an interface of auditTrailArgs.ts");
    const defaults = new Map<string, string>();
    for (const member of args.members) {
        const name = member.name !== undefined && ts.isIdentifier(member.name) ? member.name.text : undefined;
        const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === "default");
        assert.ok(name !== undefined && tag !== undefined, `every AuditTrailArgs member has a @default (${name})`);
        defaults.set(name, ts.getTextOfJSDocComment(tag.comment)?.replace(/\s+/g, " ").trim() ?? "");
    }
    return defaults;
}

describe("auditTrailDefaults and the @default tags of AuditTrailArgs", () => {
    const documented = documentedDefaults();

    for (const [arg, value] of Object.entries(auditTrailDefaults)) {
        it(`${arg}: @default ${JSON.stringify(value)}`, () => {
            assert.strictEqual(documented.get(arg), JSON.stringify(value));
        });
    }

    it("an argument whose @default is a value (a number or a boolean) takes it from auditTrailDefaults", () => {
        const literal = [...documented].filter(([, text]) => /^(?:true|false|-?\d+(?:\.\d+)?)$/.test(text));
        assert.deepStrictEqual(
            literal.map(([arg]) => arg).sort(),
            Object.keys(auditTrailDefaults).sort(),
            "a literal @default without an entry in auditTrailDefaults is written twice",
        );
    });
});
