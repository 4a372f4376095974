// `npm run docs`: regenerates the generated sections of the documentation from the code. Each generator writes one
// section between its markers (scripts/markdownSections.ts); its drift test fails until this has been run.
import * as path from "path";
import { configNamespace, configReferenceTable, stackConfigKeys } from "../program";
import { ruleCatalogueTable } from "../program/ruleCatalogueReference";
import { writeMarkdownSection } from "./markdownSections";
import { commandLines, flagTable, flagTableSection } from "../cli/usageDocs";

/** The repository root: this file runs compiled, from dist/scripts/. */
const projectDir = path.resolve(__dirname, "../..");

/** Regenerates the section `name` of the markdown file `file` (relative to the repository root) and says so. */
function regenerate(file: string, name: string, text: string): void {
    writeMarkdownSection(path.join(projectDir, file), name, text);
    console.log(`${file}: ${name} regenerated`);
}

regenerate("docs/configuration.md", "config-reference", configReferenceTable(configNamespace, stackConfigKeys));
regenerate("docs/rules.md", "rule-catalogue", ruleCatalogueTable());
for (const definition of commandLines) {
    regenerate("docs/cli.md", flagTableSection(definition.command), flagTable(definition));
}
