import * as fs from "fs";
import * as path from "path";
import { parseFilterPattern } from "@trailwatch/components/catalogue";

/**
 * The project's own sample CloudTrail events (`sample-events/` at the repository root), found beside the compiled
 * code (`dist/cli/engines/samples/` → the repository root) whichever directory a command runs from. They are product data:
 * `trailwatch check` shows which of them each rule catches, and `trailwatch drill` has AWS judge the rules against
 * them and puts one of them, marked, into the trail's log group.
 */
export const sampleEventsDir = path.resolve(__dirname, "../../../../sample-events");

/** One sample event: its file name and the parsed record. */
export interface SampleEvent {
    name: string;
    event: object;
}

/** Reads every `*.json` sample event of `dir`, sorted by name; none when the directory is absent. */
export function readSampleEvents(dir = sampleEventsDir): SampleEvent[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((name) => ({ name, event: parseSample(path.join(dir, name)) }));
}

/** A sample that is not JSON is named, so the error points at the file rather than at a stack trace. */
function parseSample(file: string): object {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as object;
    } catch (err) {
        throw new Error(`sample event ${file}: ${(err as Error).message}`);
    }
}

/** The sample events a pattern matches (by the project's evaluator); none for an empty pattern. */
export function samplesCaught(pattern: string, samples: SampleEvent[]): string[] {
    if (pattern.trim() === "") return [];
    const parsed = parseFilterPattern(pattern);
    return samples.filter((s) => parsed.matches(s.event)).map((s) => s.name);
}
