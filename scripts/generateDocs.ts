// `npm run docs`: regenerates the generated parts of README.md from the code.
import * as fs from "fs";
import * as path from "path";
import { configNamespace, configReferenceTable, stackConfigKeys, withConfigReference } from "../program";
import { ruleCatalogueTable, withRuleCatalogue } from "../program/ruleCatalogueReference";
import { regenerateCliReference } from "../cli/usageDocs";

const readmePath = path.resolve(__dirname, "../../README.md");
const readme = fs.readFileSync(readmePath, "utf8");
const withKeys = withConfigReference(readme, configReferenceTable(configNamespace, stackConfigKeys));
fs.writeFileSync(readmePath, withRuleCatalogue(withKeys, ruleCatalogueTable()));
console.log(`README.md: configuration reference regenerated (${stackConfigKeys.length} keys)`);
regenerateCliReference(path.resolve(__dirname, "../../docs/cli.md"));
