import * as fs from "fs";
import * as path from "path";

// Compiled specs and helpers live under dist/test/; this file compiles to dist/test/support/, three levels below
// the repository root. The reference data in ../shared is read in place beside the checkout, never copied in.

/** The repository root: where `stacks/`, `bin/` and `README.md` are. */
export const projectDir = path.resolve(__dirname, "../../..");

/** The shared reference data beside the checkout (`../shared`), present on CI and the developers' machines. */
export const sharedDir = path.resolve(projectDir, "../shared");

/** The public reference corpus: filter patterns, CloudTrail events, SNS alarm notifications, Opsgenie notes. */
export const corpusDir = path.join(sharedDir, "corpus");

/**
 * Skips the calling test or suite with a one-line notice when `file` (under ../shared) is not there, so a user's
 * clone without ../shared still passes.
 * @default file the whole shared folder
 */
export function skipWithoutShared(context: Mocha.Context, file: string = sharedDir): void {
    if (!fs.existsSync(file)) {
        console.log(`    (skipped: ${file} is absent; these tests need ../shared beside the checkout)`);
        context.skip();
    }
}
