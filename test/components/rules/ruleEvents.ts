import * as fs from "fs";
import * as path from "path";
import { corpusDir, projectDir } from "../../support/repositoryPaths";

/** Real CloudTrail records of the shared corpus, read in place. */
export const corpusEventsDir = path.join(corpusDir, "cloudtrail-events");
/** The project's own sample events. */
export const sampleEventsDir = path.join(projectDir, "sample-events");

export const corpusPresent = fs.existsSync(corpusEventsDir);

/** Reads a `corpus:<file>` or `sample:<file>` event reference of the rule catalogue. */
export function readRuleEvent(reference: string): object {
    const m = /^(corpus|sample):(.+)$/.exec(reference);
    if (m === null) throw new Error(`not an event reference: ${reference}`);
    const dir = m[1] === "corpus" ? corpusEventsDir : sampleEventsDir;
    return JSON.parse(fs.readFileSync(path.join(dir, m[2]), "utf8")) as object;
}
