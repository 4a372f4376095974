import * as fs from "fs";
import * as path from "path";
import { corpusDir } from "../../support/repositoryPaths";

/** Reads a JSON file of the shared corpus in place (`relative` to ../shared/corpus). */
export function readCorpusJson<T>(relative: string): T {
    return JSON.parse(fs.readFileSync(path.join(corpusDir, relative), "utf8")) as T;
}
