import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    DEFAULT_LOG_FILE_LIMITS,
    LogFileError,
    MAX_RECORD_DEPTH,
    readLogFile,
} from "../../../../cli/engines/backtest/logFileReader";
import { gzipBomb, nestedJson } from "../../../support/hostileInput";

describe("readLogFile: hostile files are refused within bounds", function () {
    let dir: string;
    const put = (name: string, data: string | Buffer): string => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, data);
        return file;
    };
    const reason = (f: () => unknown): string => {
        try {
            f();
        } catch (err) {
            assert.ok(err instanceof LogFileError, String(err));
            return err.reason;
        }
        assert.fail("expected a LogFileError");
    };

    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-reader-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

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

    it("too many records are refused before parsing (the limit is configurable)", function () {
        this.timeout(5000);
        const file = put("flood.json.gz", gzipBomb(2)); // 666,667 empty records in 2 MB
        assert.strictEqual(
            reason(() => readLogFile(file)),
            `more than the ${DEFAULT_LOG_FILE_LIMITS.maxRecords.toLocaleString("en-US")} records one file may hold (--max-records)`,
        );
        const contents = readLogFile(file, { maxUncompressedBytes: 3e6, maxRecords: 700_000 });
        assert.strictEqual(contents.records.length, 666_667);
    });

    it("a plain file over the limit is refused by its size on disk, unread", () => {
        const file = put("big.json", `{"Records":[${'{"a":1},'.repeat(200_000)}{}]}`);
        assert.strictEqual(
            reason(() => readLogFile(file, { maxUncompressedBytes: 1e6, maxRecords: 1e6 })),
            "1.6 MB on disk, more than the 1 MB limit (--max-file-mb)",
        );
    });
});
