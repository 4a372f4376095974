import * as fs from "fs";
import * as path from "path";

/**
 * The shared reference corpus, read in place (never copied into the repository). Compiled specs
 * live in dist/test/components/filterPattern/, four levels below the repository root; the corpus is
 * beside the checkout in ../shared/corpus.
 */
export const corpusDir = path.resolve(__dirname, "../../../..", "../shared/corpus");

/** Skips the calling test or suite with a one-line notice when the corpus is not beside the checkout. */
export function skipWithoutCorpus(context: Mocha.Context): void {
    if (!fs.existsSync(corpusDir)) {
        console.log(`    (skipped: ${corpusDir} is absent; the corpus tests need ../shared beside the checkout)`);
        context.skip();
    }
}

export function readCorpusJson<T>(relative: string): T {
    return JSON.parse(fs.readFileSync(path.join(corpusDir, relative), "utf8")) as T;
}
