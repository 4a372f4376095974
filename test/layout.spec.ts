import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { projectDir } from "./support/repositoryPaths";

/**
 * The layout's one rule, checked on every TypeScript source: imports only point down. The layers, top to bottom:
 * `test/` (may import anything), `scripts/` and `bench/` (maintenance, may import the product), the CLI's command
 * layer (`cli/*.ts`, `cli/commands/`), the CLI's engines (`cli/engines/`), the program's configuration
 * (`program/`) and the packages (`components/`, `policy/`), which import only themselves and npm packages.
 * Imports are read with TypeScript's own pre-processor (`ts.preProcessFile`), so comments and strings do not count.
 */
describe("layout: imports only point down", () => {
    type Layer = { name: string; owns: (file: string) => boolean; mayImport: (target: string) => boolean };
    const under = (dir: string) => (file: string) => file === dir || file.startsWith(`${dir}/`);
    const product = (t: string) => ["index.ts", "program", "cli", "components", "policy"].some((d) => under(d)(t));
    const layers: Layer[] = [
        { name: "scripts/", owns: under("scripts"), mayImport: (t) => !under("test")(t) },
        { name: "bench/", owns: under("bench"), mayImport: (t) => under("bench")(t) || product(t) },
        {
            name: "the CLI's engines (cli/engines/)",
            owns: under("cli/engines"),
            mayImport: (t) => under("cli/engines")(t) || under("program")(t) || under("components")(t),
        },
        {
            name: "the CLI's command layer (cli/)",
            owns: under("cli"),
            mayImport: (t) => under("cli")(t) || under("program")(t) || under("components")(t),
        },
        { name: "the program (index.ts)", owns: (f) => f === "index.ts", mayImport: (t) => under("program")(t) },
        { name: "the program's configuration (program/)", owns: under("program"), mayImport: under("program") },
        { name: "components/", owns: under("components"), mayImport: under("components") },
        { name: "policy/", owns: under("policy"), mayImport: under("policy") },
    ];

    function sourceFiles(dir: string, found: string[] = []): string[] {
        for (const entry of fs.readdirSync(path.join(projectDir, dir), { withFileTypes: true })) {
            const rel = dir === "." ? entry.name : `${dir}/${entry.name}`;
            if (entry.isDirectory()) {
                if (!["node_modules", "dist", ".git", ".bench"].includes(entry.name)) sourceFiles(rel, found);
            } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
                found.push(rel);
            }
        }
        return found;
    }

    /** Relative imports of `file`, resolved to paths from the project root. */
    function relativeImports(file: string): string[] {
        const info = ts.preProcessFile(fs.readFileSync(path.join(projectDir, file), "utf8"), true, true);
        return info.importedFiles
            .map((i) => i.fileName)
            .filter((spec) => spec.startsWith("."))
            .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    }

    const files = sourceFiles(".");

    it("finds the sources of every layer", () => {
        for (const layer of layers) assert.ok(files.some(layer.owns), `no source file in ${layer.name}`);
    });

    for (const layer of layers) {
        it(`${layer.name} imports nothing above it`, () => {
            const wrong = files
                .filter((f) => layers.find((l) => l.owns(f)) === layer)
                .flatMap((f) => relativeImports(f).map((target) => ({ f, target })))
                .filter(({ target }) => !layer.mayImport(target))
                .map(({ f, target }) => `${f} imports ${target}`);
            assert.deepStrictEqual(wrong, []);
        });
    }
});
