import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as zlib from "zlib";

const projectDir = path.resolve(__dirname, "../..");
const benchDir = path.join(projectDir, ".bench");
/** One gzipped line of 40 MB of records, as S3 delivers a CloudTrail file (cached in .bench/). */
const oneLineFile = path.join(benchDir, "one-line-40mb.json.gz");
const ONE_LINE_BYTES = 40_000_000;
/** Bump when the records written change, so a cached file is regenerated. */
const GENERATOR_VERSION = 1;
const versionFile = `${oneLineFile}.version`;

/** The pattern timed: one record in a hundred matches, so printing is part of the run but not most of it. */
const PATTERN = "{ $.eventName = PutBucketPolicy }";

/**
 * One CloudTrail log file as S3 delivers it, on one line: CloudTrail-shaped records (about 600 bytes of JSON each,
 * one in a hundred a `PutBucketPolicy`) until the text holds `bytes`. The benchmark and the reader's test share it.
 */
export function oneLineCloudTrailFile(bytes: number): { text: string; records: number } {
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

/** Writes the benchmark's one-line file, gzipped; returns the record count. */
function writeOneLineFile(bytes: number): number {
    const { text, records } = oneLineCloudTrailFile(bytes);
    fs.mkdirSync(benchDir, { recursive: true });
    fs.writeFileSync(oneLineFile, zlib.gzipSync(text));
    fs.writeFileSync(versionFile, JSON.stringify({ GENERATOR_VERSION, ONE_LINE_BYTES, records }));
    return records;
}

function ensureOneLineFile(): number {
    if (fs.existsSync(oneLineFile) && fs.existsSync(versionFile)) {
        const cached = JSON.parse(fs.readFileSync(versionFile, "utf8")) as {
            GENERATOR_VERSION: number;
            ONE_LINE_BYTES: number;
            records: number;
        };
        if (cached.GENERATOR_VERSION === GENERATOR_VERSION && cached.ONE_LINE_BYTES === ONE_LINE_BYTES) {
            return cached.records;
        }
    }
    return writeOneLineFile(ONE_LINE_BYTES);
}

/** Wall time of `node args`, start-up included; its stdout. */
async function timeNode(args: string[]): Promise<{ elapsedMs: number; stdout: string }> {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: projectDir, stdio: ["ignore", "pipe", "inherit"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) throw new Error(`node ${args.join(" ")} exited with ${code}`);
    return { elapsedMs: performance.now() - started, stdout: Buffer.concat(chunks).toString() };
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/** The figures of the test-pattern benchmark. */
export interface TestPatternBenchResult {
    machine: { cpus: number; cpuModel: string; node: string; loadAverage: number[] };
    file: { records: number; uncompressedBytes: number; compressedBytes: number };
    rounds: number;
    /** Median wall time of one process reading, gunzipping and JSON.parse-ing the file, ms. */
    floorMs: number;
    /** Median wall time of `trailwatch test-pattern PATTERN FILE`, ms. */
    testPatternMs: number;
    /** testPatternMs / floorMs; the goal is at most 2. */
    ratio: number;
}

/**
 * Is `test-pattern` linear on a CloudTrail file as S3 delivers it (one line of 40 MB, gzipped)? Compares it
 * with the one-thread floor: a process that reads, gunzips and parses the same file. Both are whole processes
 * timed from outside, start-up included; they alternate for `rounds` rounds and the medians are kept.
 */
export async function benchTestPattern(rounds = 3): Promise<TestPatternBenchResult> {
    const records = ensureOneLineFile();
    const compressed = fs.readFileSync(oneLineFile);
    const uncompressedBytes = zlib.gunzipSync(compressed).length;
    const floorScript =
        "const fs=require('fs'),zlib=require('zlib');" +
        "const d=JSON.parse(zlib.gunzipSync(fs.readFileSync(process.argv[1])).toString('utf8'));" +
        "process.stdout.write(String(d.Records.length))";
    const bin = path.join(projectDir, "bin/trailwatch.js");
    const floors: number[] = [];
    const runs: number[] = [];
    for (let i = 0; i < rounds; i++) {
        const floor = await timeNode(["-e", floorScript, oneLineFile]);
        if (Number(floor.stdout) !== records) throw new Error(`the floor read ${floor.stdout} records`);
        floors.push(floor.elapsedMs);
        const run = await timeNode([bin, "test-pattern", PATTERN, oneLineFile]);
        const expected = `${Math.ceil(records / 100)} of ${records} events matched`;
        if (!run.stdout.endsWith(`${expected}\n`)) throw new Error(`test-pattern did not print "${expected}"`);
        runs.push(run.elapsedMs);
    }
    const floorMs = median(floors);
    const testPatternMs = median(runs);
    return {
        machine: {
            cpus: os.cpus().length,
            cpuModel: os.cpus()[0]?.model ?? "unknown CPU",
            node: process.version,
            loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
        },
        file: { records, uncompressedBytes, compressedBytes: compressed.length },
        rounds,
        floorMs,
        testPatternMs,
        ratio: testPatternMs / floorMs,
    };
}

/** Prints the figures, the machine and the goal. */
export function printTestPatternBench(r: TestPatternBenchResult): void {
    console.log("");
    console.log(
        `test-pattern benchmark — ${r.machine.cpus} CPUs (${r.machine.cpuModel}), node ${r.machine.node}, load average ${r.machine.loadAverage.join(" ")}`,
    );
    console.log(
        `one-line CloudTrail file: ${r.file.records.toLocaleString("en-US")} records, ${(r.file.uncompressedBytes / 1e6).toFixed(0)} MB ` +
            `(${(r.file.compressedBytes / 1e6).toFixed(1)} MB gzipped); medians of ${r.rounds} alternating rounds, start-up included`,
    );
    console.log(`  floor: read + gunzip + JSON.parse, 1 thread   ${(r.floorMs / 1000).toFixed(2)} s`);
    console.log(`  trailwatch test-pattern '${PATTERN}'   ${(r.testPatternMs / 1000).toFixed(2)} s`);
    console.log(`  ratio ${r.ratio.toFixed(2)}x (goal <= 2x: ${r.ratio <= 2 ? "met" : "NOT met"})`);
}

if (require.main === module) {
    benchTestPattern().then(printTestPatternBench, (err: unknown) => {
        console.error(err);
        process.exitCode = 1;
    });
}
