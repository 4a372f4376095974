import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as zlib from "zlib";
import { oneLineCloudTrailFile } from "../../../bench/testPattern";
import { readLogEventsFromFile } from "../../../cli/engines/logEvents";

/** The fastest of `runs` timings of `f`: the figure least disturbed by other work on the machine. */
async function fastest(runs: number, f: () => unknown): Promise<number> {
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await f();
        best = Math.min(best, performance.now() - started);
    }
    return best;
}

describe("reading log events (cli/engines/logEvents)", function () {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-log-events-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    // S3 delivers a CloudTrail file as one line: `{"Records":[...]}`. Reading it was quadratic in its length
    // (the pending text was rescanned for a newline after every 64 KB chunk): 38 MB took 28.6 s.
    for (const gzip of [false, true]) {
        it(`reads a one-line CloudTrail file of 8 MB in time linear in its size (${gzip ? ".json.gz" : ".json"})`, async () => {
            const { text, records } = oneLineCloudTrailFile(8e6);
            const file = path.join(dir, gzip ? "one-line.json.gz" : "one-line.json");
            fs.writeFileSync(file, gzip ? zlib.gzipSync(text) : text);
            // The floor: read the whole file at once, gunzip, parse; nothing can read it much faster.
            const floorMs = await fastest(3, () => {
                const data = fs.readFileSync(file);
                const parsed = JSON.parse((gzip ? zlib.gunzipSync(data) : data).toString("utf8")) as {
                    Records: unknown[];
                };
                assert.strictEqual(parsed.Records.length, records);
            });
            let read = 0;
            const readerMs = await fastest(3, async () => {
                read = 0;
                for await (const e of readLogEventsFromFile(file, "one-line")) {
                    assert.strictEqual(e.line, 1);
                    read++;
                }
            });
            assert.strictEqual(read, records);
            // Generous: the reader streams 64 KB chunks and checks the text's shape before parsing. The quadratic
            // reader took 15x-40x the floor at this size, and more with every megabyte.
            assert.ok(
                readerMs < 5 * floorMs + 100,
                `read ${records} records in ${readerMs.toFixed(0)} ms; the floor is ${floorMs.toFixed(0)} ms`,
            );
        });
    }
});
