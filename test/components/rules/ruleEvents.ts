import * as fs from "fs";
import * as path from "path";

/** The shared reference corpus beside the checkout (compiled specs live four levels below the repository root). */
export const corpusEventsDir = path.resolve(__dirname, "../../../..", "../shared/corpus/cloudtrail-events");
/** The project's own sample events. */
export const sampleEventsDir = path.resolve(__dirname, "../../../..", "test/fixtures/sample-events");

export const corpusPresent = fs.existsSync(corpusEventsDir);

/** Skips the calling test with a one-line notice when the corpus is not beside the checkout. */
export function skipWithoutCorpus(context: Mocha.Context): void {
    if (!corpusPresent) {
        console.log(`    (skipped: ${corpusEventsDir} is absent; the corpus tests need ../shared beside the checkout)`);
        context.skip();
    }
}

/** Reads a `corpus:<file>` or `sample:<file>` event reference of the rule catalogue. */
export function readRuleEvent(reference: string): object {
    const m = /^(corpus|sample):(.+)$/.exec(reference);
    if (m === null) throw new Error(`not an event reference: ${reference}`);
    const dir = m[1] === "corpus" ? corpusEventsDir : sampleEventsDir;
    return JSON.parse(fs.readFileSync(path.join(dir, m[2]), "utf8")) as object;
}
