import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as zlib from "zlib";
import { readLogEventsFromFile } from "../../cli/logEvents";

/** A CloudTrail-shaped record, about 600 bytes of JSON, as many as a file of `bytes` holds. */
function oneLineCloudTrailFile(bytes: number): { text: string; records: number } {
    const records: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
        const record = JSON.stringify({
            eventVersion: "1.08",
            userIdentity: {
                type: "AssumedRole",
                principalId: `AROAEXAMPLE:session-${i}`,
                arn: `arn:aws:sts::111122223333:assumed-role/deployer/session-${i}`,
                accountId: "111122223333",
            },
            eventTime: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().replace(/\.\d+Z$/, "Z"),
            eventSource: "s3.amazonaws.com",
            eventName: i % 100 === 0 ? "PutBucketPolicy" : "GetObject",
            awsRegion: "eu-west-1",
            sourceIPAddress: `198.51.100.${i % 256}`,
            userAgent: "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64",
            requestParameters: { bucketName: "example-bucket", key: `logs/${i}.txt` },
            responseElements: null,
            eventID: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
            readOnly: i % 100 !== 0,
            eventType: "AwsApiCall",
            recipientAccountId: "111122223333",
        });
        records.push(record);
        size += record.length + 1;
    }
    return { text: `{"Records":[${records.join(",")}]}\n`, records: records.length };
}

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

describe("reading log events (cli/logEvents)", function () {
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
