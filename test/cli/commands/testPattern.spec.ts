import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PassThrough } from "stream";
import * as zlib from "zlib";
import { testPatternCommand } from "../../../cli/commands/testPattern";
import { corpusDir, projectDir, skipWithoutShared } from "../../support/repositoryPaths";
import { CliResult, runCli, runCommand } from "../../support/runCli";

const flaws2 = path.join(corpusDir, "cloudtrail-events/s3-delivery-samples/flaws2");

/** Runs the command's `run` (or, `viaMain`, the whole CLI); `stdin` is what the command reads when given no file. */
function run(argv: string[], stdin = "", cwd = projectDir, viaMain = false): Promise<CliResult> {
    return viaMain
        ? runCli(["test-pattern", ...argv], { stdin, cwd })
        : runCommand(testPatternCommand, argv, { stdin, cwd });
}

/** The flaws2 S3 log files (gzipped or not), in name order, and their records read independently. */
function samples(ext: ".json" | ".json.gz"): { files: string[]; records: object[] } {
    const files = fs
        .readdirSync(flaws2)
        .filter((f) => f.endsWith(ext))
        .sort()
        .map((f) => path.join(flaws2, f));
    const records = files.flatMap(
        (f) => (JSON.parse(fs.readFileSync(f.replace(/\.gz$/, ""), "utf8")) as { Records: object[] }).Records,
    );
    return { files, records };
}

const ACCESS_DENIED = '{ $.errorCode = "AccessDenied*" }';
/** The five CreateLogStream calls refused with AccessDenied among the 37 flaws2 records, by position. */
const ACCESS_DENIED_INDEXES = [2, 7, 9, 10, 12];

describe("trailwatch test-pattern", function () {
    describe("on real CloudTrail log files as delivered to S3", function () {
        before(function () {
            skipWithoutShared(this, corpusDir);
        });

        for (const ext of [".json.gz", ".json"] as const) {
            it(`prints each matching record on one line, then the count (${ext})`, async () => {
                const { files, records } = samples(ext);
                assert.strictEqual(files.length, 8);
                const r = await run([ACCESS_DENIED, ...files]);
                assert.deepStrictEqual(r, {
                    code: 0,
                    stdout: [
                        ...ACCESS_DENIED_INDEXES.map((i) => JSON.stringify(records[i])),
                        "5 of 37 events matched",
                        "",
                    ].join("\n"),
                    stderr: "",
                });
            });
        }

        it("--json prints the matches with their index, the count and the total", async () => {
            const { files, records } = samples(".json.gz");
            const r = await run(["--json", ACCESS_DENIED, ...files]);
            assert.strictEqual(r.code, 0);
            assert.strictEqual(r.stderr, "");
            assert.ok(r.stdout.endsWith("}\n") && r.stdout.split("\n").length === 2, "one line of JSON");
            assert.deepStrictEqual(JSON.parse(r.stdout), {
                matches: ACCESS_DENIED_INDEXES.map((index) => ({ index, event: records[index] })),
                matched: 5,
                total: 37,
            });
            assert.deepStrictEqual(Object.keys(JSON.parse(r.stdout)), ["matches", "matched", "total"]);
        });

        it("reads a gzipped file from stdin, recognised by content", async () => {
            const { files, records } = samples(".json.gz");
            const listBuckets = files.find((f) => f.includes("jQajCuiobojD8I4y"))!;
            const listBucketsRecord = records.find((r) => (r as { eventName: string }).eventName === "ListBuckets");
            assert.deepStrictEqual(
                await runCommand(testPatternCommand, ["{ $.eventName = ListBuckets }"], {
                    stdin: fs.createReadStream(listBuckets),
                }),
                { code: 0, stdout: `${JSON.stringify(listBucketsRecord)}\n1 of 1 events matched\n`, stderr: "" },
            );
        });

        it("reads a pretty-printed single record", async () => {
            const file = path.join(
                corpusDir,
                "cloudtrail-events/panther__ConsoleLogin__console-root-login-failed-failed-root-lo.json",
            );
            const record = JSON.parse(fs.readFileSync(file, "utf8")) as object;
            const r = await run([
                '{ $.userIdentity.type = "Root" && $.responseElements.ConsoleLogin = Failure }',
                file,
            ]);
            assert.deepStrictEqual(r, {
                code: 0,
                stdout: `${JSON.stringify(record)}\n1 of 1 events matched\n`,
                stderr: "",
            });
        });
    });

    describe("on JSON Lines and plain text", () => {
        const jsonLines = [
            '{"eventName":"ConsoleLogin","n":1}',
            "",
            '{"eventName":"Other", "n": 2}',
            '{"eventName":"ConsoleLogin","n":3}',
        ].join("\r\n");

        it("matches JSON Lines from stdin; --json gives each event parsed", async () => {
            const r = await run(["--json", "{ $.eventName = ConsoleLogin }"], jsonLines);
            assert.deepStrictEqual(r, {
                code: 0,
                stdout: `${JSON.stringify({
                    matches: [
                        { index: 0, event: { eventName: "ConsoleLogin", n: 1 } },
                        { index: 2, event: { eventName: "ConsoleLogin", n: 3 } },
                    ],
                    matched: 2,
                    total: 3,
                })}\n`,
                stderr: "",
            });
        });

        it("matches a term pattern against each line's text as written", async () => {
            const r = await run(['"Other\\", \\"n\\": 2"'], jsonLines);
            assert.deepStrictEqual(r, {
                code: 0,
                stdout: '{"eventName":"Other", "n": 2}\n1 of 3 events matched\n',
                stderr: "",
            });
        });

        it("matches plain text lines; a pattern starting with - after --", async () => {
            const lines = "[ERROR 400] BAD REQUEST\n[INFO] REQUEST OK\n[ERROR 419] MISSING ARGUMENTS\n";
            assert.deepStrictEqual(await run(["--", "-INFO"], lines), {
                code: 0,
                stdout: "[ERROR 400] BAD REQUEST\n[ERROR 419] MISSING ARGUMENTS\n2 of 3 events matched\n",
                stderr: "",
            });
            assert.deepStrictEqual(await run(["ERROR -ARGUMENTS", "-"], lines), {
                code: 0,
                stdout: "[ERROR 400] BAD REQUEST\n1 of 3 events matched\n",
                stderr: "",
            });
            const r = await run(["--json", "[level = ERROR*, ...]", "-"], lines);
            assert.deepStrictEqual(JSON.parse(r.stdout), {
                matches: [
                    { index: 0, event: "[ERROR 400] BAD REQUEST" },
                    { index: 2, event: "[ERROR 419] MISSING ARGUMENTS" },
                ],
                matched: 2,
                total: 3,
            });
        });

        it("says when nothing matched, and still exits 0", async () => {
            assert.deepStrictEqual(await run(["NOTHERE"], "a\nb\n"), {
                code: 0,
                stdout: "0 of 2 events matched\n",
                stderr: "",
            });
            assert.deepStrictEqual(await run(["NOTHERE"], ""), {
                code: 0,
                stdout: "0 of 0 events matched\n",
                stderr: "",
            });
        });

        it("prints the pattern's warnings on stderr", async () => {
            const r = await run(["?ERROR ?WARN REQUEST"], "ERROR x\nREQUEST y\n");
            assert.deepStrictEqual(r, {
                code: 0,
                stdout: "REQUEST y\n1 of 2 events matched\n",
                stderr: "trailwatch test-pattern: warning: the ?terms are ignored because the pattern also has terms without ?: CloudWatch Logs ignores ?terms combined with other terms\n",
            });
        });
    });

    describe("--json with many matches", function () {
        this.timeout(60_000);

        it("streams the document: matches are written while input still comes; 200,000 matches parse, counts right", async () => {
            const stdin = new PassThrough();
            const stdout = new PassThrough();
            const stderr = new PassThrough();
            const out: Buffer[] = [];
            const err: Buffer[] = [];
            stdout.on("data", (d: Buffer) => out.push(d));
            stderr.on("data", (d: Buffer) => err.push(d));
            const done = testPatternCommand.run(["--json", "{ $.eventName = ConsoleLogin }"], {
                stdin,
                stdout,
                stderr,
                cwd: projectDir,
            });
            // 250,000 JSON lines, four in five matching, fed in batches as a pipe would.
            const total = 250_000;
            const line = (i: number): string =>
                `{"eventName":"${i % 5 === 4 ? "GetObject" : "ConsoleLogin"}","n":${i}}\n`;
            const batch = 10_000;
            let streamedBeforeEnd = false;
            for (let start = 0; start < total; start += batch) {
                let text = "";
                for (let i = start; i < start + batch; i++) text += line(i);
                if (!stdin.write(text)) await new Promise((resolve) => stdin.once("drain", resolve));
                await new Promise((resolve) => setImmediate(resolve));
                if (start + batch < total && out.length > 0) streamedBeforeEnd = true;
            }
            stdin.end();
            assert.strictEqual(await done, 0);
            assert.strictEqual(Buffer.concat(err).toString(), "");
            assert.ok(streamedBeforeEnd, "no output before the input ended: the document was built in memory");
            const text = Buffer.concat(out).toString();
            assert.ok(text.endsWith("}\n") && text.indexOf("\n") === text.length - 1, "one line of JSON");
            const doc = JSON.parse(text) as {
                matches: { index: number; event: { eventName: string; n: number } }[];
                matched: number;
                total: number;
            };
            assert.deepStrictEqual(Object.keys(doc), ["matches", "matched", "total"]);
            assert.strictEqual(doc.total, total);
            assert.strictEqual(doc.matched, 200_000);
            assert.strictEqual(doc.matches.length, 200_000);
            doc.matches.forEach((m, k) => {
                const i = k + Math.floor(k / 4); // every fifth event does not match
                if (m.index !== i || m.event.n !== i || m.event.eventName !== "ConsoleLogin") {
                    assert.fail(`match ${k}: ${JSON.stringify(m)}, expected event ${i}`);
                }
            });
        });

        it("an error after matches were written ends the same document: matches, counts so far, the error (exit 2)", async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-test-pattern-json-"));
            try {
                fs.writeFileSync(path.join(dir, "a.log"), "ERROR one\nok\n");
                fs.writeFileSync(path.join(dir, "b.json.gz"), "ERROR two\n");
                const r = await run(["--json", "ERROR", "a.log", "b.json.gz"], "", dir, true);
                assert.deepStrictEqual(r, {
                    code: 2,
                    stdout: '{"matches":[{"index":0,"event":"ERROR one"}],"matched":1,"total":2,"error":{"code":2,"message":"b.json.gz: named .gz but not gzip: it starts with 45 52, not the gzip magic bytes 1f 8b"}}\n',
                    stderr: "",
                });
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });

    describe("errors", () => {
        let dir: string;
        before(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-test-pattern-"));
            fs.writeFileSync(path.join(dir, "good.log"), "ERROR here\n");
            fs.writeFileSync(
                path.join(dir, "corrupt.json.gz"),
                Buffer.concat([zlib.gzipSync("ERROR here\n").subarray(0, 12), Buffer.from("garbage")]),
            );
            fs.writeFileSync(path.join(dir, "broken.json"), '{\n  "Records": [\n');
            // Saved already decompressed under the name S3 gave it.
            fs.writeFileSync(path.join(dir, "plain.json.gz"), '{"Records":[{"eventName":"ConsoleLogin"}]}\n');
            fs.writeFileSync(path.join(dir, "empty.json.gz"), "");
            fs.mkdirSync(path.join(dir, "adir"));
        });
        after(() => fs.rmSync(dir, { recursive: true, force: true }));

        it("an invalid pattern exits 2 with the position, the reason and a caret", async () => {
            assert.deepStrictEqual(await run(["{ $.a IS NOT NULL }", "good.log"], "", dir), {
                code: 2,
                stdout: "",
                stderr: [
                    "trailwatch test-pattern: invalid filter pattern: position 7: unsupported operator IS NOT: CloudWatch Logs does not support it; use != or NOT EXISTS",
                    "  { $.a IS NOT NULL }",
                    "        ^",
                    "",
                ].join("\n"),
            });
        });

        it("an unreadable file exits 2 naming it, before any output (the wording every command uses)", async () => {
            assert.deepStrictEqual(await run(["ERROR", "good.log", "missing.log"], "", dir, true), {
                code: 2,
                stdout: "",
                stderr: "trailwatch test-pattern: cannot read missing.log: no such file or directory (ENOENT)\n",
            });
            assert.deepStrictEqual(await run(["ERROR", "adir"], "", dir, true), {
                code: 2,
                stdout: "",
                stderr: "trailwatch test-pattern: cannot read adir: is a directory (EISDIR)\n",
            });
        });

        it("corrupt gzip exits 2 naming the file, worded as backtest words it (corrupt gzip: ...)", async () => {
            const r = await run(["ERROR", "corrupt.json.gz"], "", dir);
            assert.strictEqual(r.code, 2);
            assert.match(r.stderr, /^trailwatch test-pattern: corrupt\.json\.gz: corrupt gzip: .+\n$/);
        });

        it("a file named .json.gz that is not gzip exits 2 naming it, not read as text", async () => {
            assert.deepStrictEqual(await run(["ConsoleLogin", "plain.json.gz"], "", dir, true), {
                code: 2,
                stdout: "",
                stderr: "trailwatch test-pattern: plain.json.gz: named .gz but not gzip: it starts with 7b 22, not the gzip magic bytes 1f 8b\n",
            });
            assert.deepStrictEqual(await run(["ConsoleLogin", "empty.json.gz"], "", dir, true), {
                code: 2,
                stdout: "",
                stderr: "trailwatch test-pattern: empty.json.gz: named .gz but not gzip: the file is empty\n",
            });
            // The same text from stdin has no name to contradict it: read as it is.
            const r = await run(["ConsoleLogin"], fs.readFileSync(path.join(dir, "plain.json.gz"), "utf8"), dir, true);
            assert.deepStrictEqual(r, {
                code: 0,
                stdout: '{"eventName":"ConsoleLogin"}\n1 of 1 events matched\n',
                stderr: "",
            });
        });

        it("a file that starts a JSON document but is not one exits 2 naming it", async () => {
            const r = await run(["ERROR", "broken.json"], "", dir);
            assert.strictEqual(r.code, 2);
            assert.match(
                r.stderr,
                /^trailwatch test-pattern: broken\.json: line 1 starts a JSON document, but it is not valid JSON: .+\n$/,
            );
        });

        it("usage errors exit 2 with the reason, then the usage text: no PATTERN, an unknown option", async () => {
            assert.deepStrictEqual(await run([], "", dir, true), {
                code: 2,
                stdout: "",
                stderr: `trailwatch test-pattern: missing PATTERN\n\n${testPatternCommand.usage}\n`,
            });
            assert.deepStrictEqual(await run(["--jsn", "ERROR"], "", dir, true), {
                code: 2,
                stdout: "",
                stderr: `trailwatch test-pattern: unknown option --jsn\n\n${testPatternCommand.usage}\n`,
            });
        });
    });

    describe("the binary", function () {
        const bin = path.join(projectDir, "bin/trailwatch.js");
        const exec = (args: string[]): Promise<CliResult> =>
            new Promise((resolve) => {
                execFile(process.execPath, [bin, ...args], { cwd: projectDir }, (err, stdout, stderr) => {
                    resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
                });
            });

        before(function () {
            skipWithoutShared(this, corpusDir);
        });

        it("node bin/trailwatch.js test-pattern on the real .json.gz files", async () => {
            const { files, records } = samples(".json.gz");
            const r = await exec(["test-pattern", "--json", ACCESS_DENIED, ...files]);
            assert.strictEqual(r.stderr, "");
            assert.strictEqual(r.code, 0);
            assert.deepStrictEqual(JSON.parse(r.stdout), {
                matches: ACCESS_DENIED_INDEXES.map((index) => ({ index, event: records[index] })),
                matched: 5,
                total: 37,
            });
        });

        it("exits 2 on an invalid pattern, and lists the command in --help", async () => {
            const bad = await exec(["test-pattern", '{ $.eventName = "ConsoleLogin }']);
            assert.strictEqual(bad.code, 2);
            assert.strictEqual(
                bad.stderr,
                'trailwatch test-pattern: invalid filter pattern: position 17: unbalanced quotes: this " is never closed\n  { $.eventName = "ConsoleLogin }\n                  ^\n',
            );
            const help = await exec(["--help"]);
            assert.match(
                help.stdout,
                /^ {2}test-pattern +Test a CloudWatch Logs filter pattern against log events offline$/m,
            );
        });
    });
});
