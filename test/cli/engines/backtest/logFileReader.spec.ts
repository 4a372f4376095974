import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import {
    decodeText,
    DEFAULT_LOG_FILE_LIMITS,
    gunzipChunkSize,
    LogFileError,
    MAX_RECORD_DEPTH,
    PARSE_UNSCANNED_BYTES,
    readLogFile,
} from "../../../../cli/engines/backtest/logFileReader";
import { gzipBomb, nestedJson } from "../../../support/hostileInput";

/**
 * A scratch directory for the enclosing `describe`, made before its tests and removed after them, and
 * `put(name, data)` writing a file into it.
 */
function scratchFiles(prefix: string): (name: string, data: string | Buffer) => string {
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    return (name, data) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, data);
        return file;
    };
}

describe("readLogFile: hostile files are refused within bounds", function () {
    const put = scratchFiles("trailwatch-reader-");
    const reason = (f: () => unknown): string => {
        try {
            f();
        } catch (err) {
            assert.ok(err instanceof LogFileError, String(err));
            return err.reason;
        }
        assert.fail("expected a LogFileError");
    };

    it("a record nested 20,000 levels deep is left out by index; the others keep theirs", function () {
        this.timeout(5000);
        const file = put(
            "deep.json",
            `{"Records":[{"eventName":"A"},${`{"x":${nestedJson(20_000)}}`},{"eventName":"C"}]}`,
        );
        const contents = readLogFile(file);
        assert.deepStrictEqual(contents.badRecords, [
            { index: 1, reason: `nested deeper than ${MAX_RECORD_DEPTH} levels of objects and arrays; left out` },
        ]);
        assert.deepStrictEqual(contents.records, [{ eventName: "A" }, null, { eventName: "C" }]);
    });

    it(`a record exactly ${MAX_RECORD_DEPTH} levels deep is kept; one more level is not`, () => {
        const file = put(
            "edge.json",
            `{"Records":[${nestedJson(MAX_RECORD_DEPTH)},${nestedJson(MAX_RECORD_DEPTH + 1)}]}`,
        );
        const contents = readLogFile(file);
        assert.deepStrictEqual(
            contents.badRecords.map((b) => b.index),
            [1],
        );
        assert.notStrictEqual(contents.records[0], null);
    });

    it("nesting under a key named __proto__ or in an array counts like any other", () => {
        const file = put(
            "keys.json",
            `{"Records":[{"__proto__":${nestedJson(MAX_RECORD_DEPTH)}},{"a":[${nestedJson(MAX_RECORD_DEPTH)}]},{"b":${nestedJson(MAX_RECORD_DEPTH - 1)}}]}`,
        );
        assert.deepStrictEqual(
            readLogFile(file).badRecords.map((b) => b.index),
            [0, 1],
        );
    });

    it("braces inside strings do not count as nesting", () => {
        const file = put("strings.json", `{"Records":[{"policy":"${"{[".repeat(1000)}\\"}"}]}`);
        assert.deepStrictEqual(readLogFile(file).badRecords, []);
    });

    it("deep nesting outside Records makes the file unusable, named as such", () => {
        const file = put("outside.json", `{"Records":[],"x":${nestedJson(500)}}`);
        assert.strictEqual(
            reason(() => readLogFile(file)),
            `not a CloudTrail log file: nested deeper than ${MAX_RECORD_DEPTH} levels outside Records`,
        );
    });

    it("a gzip bomb stops inflating at the limit: 250 KB that would inflate to 250 MB", function () {
        this.timeout(10_000);
        const bomb = gzipBomb(250);
        assert.ok(bomb.length < 400_000, `${bomb.length} bytes on disk`);
        const file = put("bomb.json.gz", bomb);
        const started = Date.now();
        assert.match(
            reason(() => readLogFile(file)),
            /^inflates to more than the 128 MB limit \(--max-file-mb\); 0\.\d MB compressed$/,
        );
        assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
    });

    it("too many records are refused (the limit is configurable)", function () {
        this.timeout(5000);
        const file = put("flood.json.gz", gzipBomb(2)); // 666,667 empty records in 2 MB
        assert.strictEqual(
            reason(() => readLogFile(file)),
            `more than the ${DEFAULT_LOG_FILE_LIMITS.maxRecords.toLocaleString("en-US")} records one file may hold (--max-records)`,
        );
        const contents = readLogFile(file, { maxUncompressedBytes: 3e6, maxRecords: 700_000 });
        assert.strictEqual(contents.records.length, 666_667);
    });

    it(`a file over ${PARSE_UNSCANNED_BYTES / 1e6} MB has its records counted before it is parsed; a smaller one after`, function () {
        this.timeout(10_000);
        // Text that is not JSON after the limit's record: counted first, the count refuses it; parsed
        // first, JSON.parse does.
        const flood = (records: number): string => `{"Records":[${'{"a":1},'.repeat(records)}NOT JSON`;
        const large = put("large.json", flood(600_000));
        assert.ok(fs.statSync(large).size > PARSE_UNSCANNED_BYTES);
        assert.strictEqual(
            reason(() => readLogFile(large)),
            "more than the 250,000 records one file may hold (--max-records)",
        );
        const small = put("small.json", flood(200_000));
        assert.ok(fs.statSync(small).size < PARSE_UNSCANNED_BYTES);
        assert.match(
            reason(() => readLogFile(small)),
            /^invalid JSON: /,
        );
    });

    describe(`the same file just under and just over ${PARSE_UNSCANNED_BYTES / 1e6} MB (parsed first, scanned first) gives the same result`, function () {
        const limits = { maxUncompressedBytes: 4e6, maxRecords: 3, maxRecordDepth: 5 };
        /** `{"pad":"xxx",...}`: the envelope padded with a string to `size` bytes; strings are skipped by the scan. */
        const padded = (json: string, size: number): string => {
            const head = '{"pad":"';
            const tail = `",${json.slice(1)}`;
            return head + "x".repeat(size - head.length - tail.length) + tail;
        };
        const outcome = (file: string): unknown => {
            try {
                const { records, badRecords } = readLogFile(file, limits);
                return { records, badRecords };
            } catch (err) {
                assert.ok(err instanceof LogFileError, String(err));
                return err.reason;
            }
        };
        const cases: [string, string, unknown][] = [
            [
                "a record one level too deep",
                `{"Records":[{"eventName":"A"},${nestedJson(6)},${nestedJson(5)}]}`,
                {
                    records: [{ eventName: "A" }, null, JSON.parse(nestedJson(5))],
                    badRecords: [{ index: 1, reason: "nested deeper than 5 levels of objects and arrays; left out" }],
                },
            ],
            [
                "one record too many",
                `{"Records":[{},{},{},{}]}`,
                "more than the 3 records one file may hold (--max-records)",
            ],
            ["as many records as allowed", `{"Records":[{},{},{}]}`, { records: [{}, {}, {}], badRecords: [] }],
            [
                "nesting too deep outside Records",
                `{"Records":[],"x":${nestedJson(7)}}`,
                "not a CloudTrail log file: nested deeper than 5 levels outside Records",
            ],
            [
                "another top-level array longer than Records may be",
                `{"Records":[{}],"other":[1,2,3,4,5]}`,
                { records: [{}], badRecords: [] },
            ],
            [
                "an element too deep in another top-level array",
                `{"Records":[{}],"other":[${nestedJson(6)}]}`,
                "not a CloudTrail log file: nested deeper than 5 levels outside Records",
            ],
            [
                "a top-level array instead of an object",
                `[[{},{},{},{},{}]]`,
                'not a CloudTrail log file: expected an object with a "Records" array',
            ],
        ];
        for (const [what, json, expected] of cases) {
            it(what, () => {
                // A top-level array cannot be padded with a key: it goes into an array of its own instead.
                const text = (size: number): string =>
                    json.startsWith("[")
                        ? `[${JSON.stringify("x".repeat(size - json.length - 3))},${json.slice(1)}`
                        : padded(json, size);
                const under = put("under.json", text(PARSE_UNSCANNED_BYTES - 1));
                const over = put("over.json", text(PARSE_UNSCANNED_BYTES + 1));
                assert.strictEqual(fs.statSync(under).size, PARSE_UNSCANNED_BYTES - 1);
                assert.strictEqual(fs.statSync(over).size, PARSE_UNSCANNED_BYTES + 1);
                assert.deepStrictEqual(outcome(under), expected, "parsed first");
                assert.deepStrictEqual(outcome(over), expected, "scanned first");
            });
        }
    });

    it("a record nested 3 million levels deep in a 6 MB file is left out without being built: parsed in a 64 MB heap", function () {
        this.timeout(20_000);
        // JSON.parse reads any depth, at 29 bytes of heap per byte of `[[[...]]]`: building this record would take
        // about 170 MB. The scan before parsing blanks it, so a worker whose heap is capped far below reads the file.
        const levels = 3_000_000;
        const file = put(
            "deep-large.json",
            `{"Records":[{"eventName":"A"},{"a":${"[".repeat(levels)}${"]".repeat(levels)}}]}`,
        );
        const reader = require.resolve("../../../../cli/engines/backtest/logFileReader");
        const r = spawnSync(
            process.execPath,
            [
                "--max-old-space-size=64",
                "-e",
                `const c = require(${JSON.stringify(reader)}).readLogFile(${JSON.stringify(file)});` +
                    "process.stdout.write(JSON.stringify([c.records, c.badRecords]))",
            ],
            { encoding: "utf8" },
        );
        assert.strictEqual(r.status, 0, r.stderr.slice(0, 500));
        assert.deepStrictEqual(JSON.parse(r.stdout), [
            [{ eventName: "A" }, null],
            [{ index: 1, reason: `nested deeper than ${MAX_RECORD_DEPTH} levels of objects and arrays; left out` }],
        ]);
    });

    it("a plain file over the limit is refused by its size on disk, unread", () => {
        const file = put("big.json", `{"Records":[${'{"a":1},'.repeat(200_000)}{}]}`);
        assert.strictEqual(
            reason(() => readLogFile(file, { maxUncompressedBytes: 1e6, maxRecords: 1e6 })),
            "1.6 MB on disk, more than the 1 MB limit (--max-file-mb)",
        );
    });
});

describe("readLogFile: decoding and inflating as fast as the data allows, with the same result", function () {
    const put = scratchFiles("trailwatch-decode-");

    // Characters of one, two, three and four UTF-8 bytes, raw and as JSON escapes.
    const text = JSON.stringify({
        Records: [
            {
                eventName: "PutObject",
                userAgent: "Bücher-Übersicht/1.0 日本語 😀",
                requestParameters: { key: "a\u00e9" },
            },
            { eventName: "GetObject", note: "escaped \u00fc\ud83d\ude00 and a raw é" },
        ],
    });

    it("UTF-8 text outside ASCII reads as JSON.parse reads it, gzipped or not", () => {
        const expected = (JSON.parse(text) as { Records: unknown[] }).Records;
        assert.deepStrictEqual(readLogFile(put("utf8.json", text)).records, expected);
        assert.deepStrictEqual(readLogFile(put("utf8.json.gz", zlib.gzipSync(text))).records, expected);
    });

    it("ASCII text decodes to the same string either way; other text as UTF-8", () => {
        const ascii = Buffer.from('{"Records":[{"eventName":"ConsoleLogin","x":"\\u00e9"}]}');
        assert.strictEqual(decodeText(ascii), ascii.toString("utf8"));
        const utf8 = Buffer.from(text);
        assert.strictEqual(decodeText(utf8), utf8.toString("utf8"));
        // Bytes that are not UTF-8 get U+FFFD, as before: no Latin-1 reading of them.
        const invalid = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
        assert.strictEqual(decodeText(invalid), invalid.toString("utf8"));
    });

    it("inflates in one chunk of the size the gzip trailer announces (RFC 1952 ISIZE)", () => {
        const gz = zlib.gzipSync(text);
        assert.strictEqual(gunzipChunkSize(gz, 1e9), 64 * 1024, "small files get the minimum chunk");
        const big = Buffer.from(`{"Records":[${'{"eventName":"GetObject"},'.repeat(40_000)}{}]}`);
        const bigGz = zlib.gzipSync(big);
        assert.strictEqual(gunzipChunkSize(bigGz, 1e9), big.length + 1);
        assert.strictEqual(gunzipChunkSize(bigGz, 1e6), 1e6 + 1, "never more than the limit allows");
        assert.strictEqual(readLogFile(put("big.json.gz", bigGz)).records.length, 40_001);
    });

    it("a file of several gzip members (the trailer names only the last) still inflates whole", () => {
        const whole = `{"Records":[${'{"eventName":"GetObject"},'.repeat(40_000)}{"eventName":"Last"}]}`;
        const tail = whole.length - 100;
        const members = Buffer.concat([zlib.gzipSync(whole.slice(0, tail)), zlib.gzipSync(whole.slice(tail))]);
        assert.strictEqual(gunzipChunkSize(members, 1e9), 64 * 1024, "the last member announces 100 bytes");
        const records = readLogFile(put("members.json.gz", members)).records;
        assert.strictEqual(records.length, 40_001);
        assert.deepStrictEqual(records[40_000], { eventName: "Last" });
    });
});
