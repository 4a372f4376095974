import { spawn, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import {
    generateSyntheticArchive,
    RECORD_TEMPLATES_FILE,
    SyntheticArchiveManifest,
    SyntheticArchiveOptions,
} from "./syntheticArchive";

const projectDir = path.resolve(__dirname, "../..");
const benchDir = path.join(projectDir, ".bench");
const archiveDir = path.join(benchDir, "archive");
const manifestFile = path.join(benchDir, "archive-manifest.json");

/** Bump when the generator changes what it writes, so a cached archive is regenerated. */
const GENERATOR_VERSION = 1;

/**
 * At least 1 GB of uncompressed records (a little over 1 GiB), ~600 records per file: about
 * 1,800 files over a day and a half of three regions.
 */
const ARCHIVE_OPTIONS: Omit<SyntheticArchiveOptions, "dir"> = {
    targetUncompressedBytes: 1_100_000_000,
    recordsPerFile: 600,
    seed: 1,
};

/** The office the record templates are written for: with it, all 21 built-in rules are on. */
const BENCH_STACK = `# Written by npm run bench: every built-in rule on, the office the record templates assume.
config:
  aws:region: eu-west-1
  trailwatch:officeIpAddresses:
    - 203.0.113.10
    - 203.0.113.11
`;

/** The jq filter of (c): the events of console-login-root, as a jq user would write it. */
const JQ_RULE = "console-login-root";
const JQ_FILTER = '.Records[] | select(.eventName == "ConsoleLogin" and .userIdentity.type == "Root")';

interface Measurement {
    elapsedMs: number;
    peakRssBytes?: number;
    /** User + system CPU time of the whole process (all threads), seconds. */
    cpuSeconds?: number;
}

export interface BacktestBenchResult {
    machine: { cpus: number; cpuModel: string; node: string; loadAverage: number[] };
    archive: { files: number; events: number; uncompressedBytes: number; compressedBytes: number };
    rounds: number;
    floor: Measurement & { megabytesPerSecond: number };
    backtest: Measurement & { megabytesPerSecond: number; engineSeconds: number; rules: number; countsMatch: boolean };
    jq?: Measurement & { megabytesPerSecond: number; countMatches: boolean };
    /** (d) `trailwatch backtest --engine duckdb`: the same rules as SQL, run by the embedded DuckDB. */
    duckdb: Measurement & { megabytesPerSecond: number; engineSeconds: number; countsMatch: boolean };
    ratios: { backtestOverFloor: number; backtestOverJq?: number; duckdbOverFloor: number };
}

function cacheKey(): string {
    const templates = fs.readFileSync(RECORD_TEMPLATES_FILE);
    return crypto
        .createHash("sha256")
        .update(JSON.stringify({ GENERATOR_VERSION, ARCHIVE_OPTIONS }))
        .update(templates)
        .digest("hex");
}

/** The archive of a previous run when generator, options and templates are unchanged; else a new one. */
async function ensureArchive(log: (line: string) => void): Promise<SyntheticArchiveManifest> {
    const key = cacheKey();
    if (fs.existsSync(manifestFile) && fs.existsSync(archiveDir)) {
        const cached = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as {
            key: string;
            manifest: SyntheticArchiveManifest;
        };
        if (cached.key === key) {
            log(`archive: reusing ${path.relative(projectDir, archiveDir)} (delete .bench/ to regenerate)`);
            return cached.manifest;
        }
    }
    log(
        `archive: generating ${ARCHIVE_OPTIONS.targetUncompressedBytes / 1e9} GB of records into ${path.relative(projectDir, archiveDir)} ...`,
    );
    fs.rmSync(archiveDir, { recursive: true, force: true });
    const started = performance.now();
    const manifest = await generateSyntheticArchive({ dir: archiveDir, ...ARCHIVE_OPTIONS });
    log(`archive: ${manifest.files} files written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    fs.writeFileSync(manifestFile, JSON.stringify({ key, manifest }, null, 2));
    return manifest;
}

/** Runs node with `args`, timing it from outside (start-up included); reads its peak memory and CPU time. */
async function measureNode(args: string[], cwd: string): Promise<Measurement & { stdout: string }> {
    const usageFile = path.join(benchDir, `usage-${process.pid}.json`);
    fs.rmSync(usageFile, { force: true });
    const started = performance.now();
    const child = spawn(process.execPath, ["--require", path.join(__dirname, "reportProcessUsage.js"), ...args], {
        cwd,
        env: { ...process.env, BENCH_PROCESS_USAGE_FILE: usageFile },
        stdio: ["ignore", "pipe", "inherit"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const elapsedMs = performance.now() - started;
    // backtest exits 1 when it skipped files; the generated archive has none, so only 0 is expected.
    if (code !== 0) throw new Error(`node ${args.join(" ")} exited with ${code}`);
    const usage = JSON.parse(fs.readFileSync(usageFile, "utf8")) as { peakRssBytes: number; cpuSeconds: number };
    fs.rmSync(usageFile, { force: true });
    return { elapsedMs, ...usage, stdout: Buffer.concat(chunks).toString() };
}

/** (c): every log file through `gzip -dc | jq`, counting the selected events. Undefined without jq. */
async function measureJq(): Promise<(Measurement & { selected: number }) | undefined> {
    if (spawnSync("jq", ["--version"]).status !== 0) return undefined;
    // Log and Insights files only, as the backtest reads them (not digests or Config snapshots).
    const find = `find "${archiveDir}" -name '*.json.gz' \\( -path '*/CloudTrail/*' -o -path '*/CloudTrail-Insight/*' \\) -print0`;
    const started = performance.now();
    const out = await new Promise<string>((resolve, reject) => {
        const child = spawn("sh", ["-c", `${find} | xargs -0 gzip -dc | jq -c '${JQ_FILTER}' | wc -l`], {
            stdio: ["ignore", "pipe", "inherit"],
        });
        let text = "";
        child.stdout.on("data", (d: Buffer) => (text += d.toString()));
        child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`jq pipeline exited with ${code}`))));
    });
    return { elapsedMs: performance.now() - started, selected: Number(out.trim()) };
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

const mbps = (bytes: number, ms: number): number => Math.round((bytes / 1e6 / (ms / 1000)) * 10) / 10;

/**
 * `npm run bench` (backtest part): on one generated archive, times (a) the single-threaded floor,
 * (b) `trailwatch backtest` with every built-in rule, (c) jq selecting one rule's events. (a) and
 * (b) run `rounds` times, alternating, and the medians are reported: the machine may be shared.
 */
export async function benchBacktest(
    rounds = 3,
    log: (line: string) => void = console.log,
): Promise<BacktestBenchResult> {
    fs.mkdirSync(benchDir, { recursive: true });
    const manifest = await ensureArchive(log);
    const stackProject = path.join(benchDir, "project");
    fs.mkdirSync(path.join(stackProject, "stacks"), { recursive: true });
    fs.writeFileSync(path.join(stackProject, "stacks", "Pulumi.bench.yaml"), BENCH_STACK);

    const floorRuns: Measurement[] = [];
    const backtestRuns: (Measurement & { engineSeconds: number })[] = [];
    const duckdbRuns: (Measurement & { engineSeconds: number })[] = [];
    let duckdbReport: { rules: { id: string; matchedEvents: number }[]; events: { read: number } } | undefined;
    let report: { rules: { id: string; matchedEvents: number }[]; events: { read: number } } | undefined;
    for (let round = 1; round <= rounds; round++) {
        const floor = await measureNode([path.join(__dirname, "floorWorkload.js"), archiveDir], projectDir);
        const floorResult = JSON.parse(floor.stdout) as { events: number; uncompressedBytes: number };
        if (floorResult.uncompressedBytes !== manifest.uncompressedBytes)
            throw new Error("floor read a different archive");
        floorRuns.push(floor);
        const run = await measureNode(
            [path.join(projectDir, "bin", "trailwatch.js"), "backtest", archiveDir, "--stack", "bench", "--json"],
            stackProject,
        );
        report = JSON.parse(run.stdout);
        backtestRuns.push({ ...run, engineSeconds: (report as unknown as { elapsedSeconds: number }).elapsedSeconds });
        const duck = await measureNode(
            [
                path.join(projectDir, "bin", "trailwatch.js"),
                "backtest",
                archiveDir,
                "--stack",
                "bench",
                "--json",
                "--engine",
                "duckdb",
            ],
            stackProject,
        );
        duckdbReport = JSON.parse(duck.stdout);
        duckdbRuns.push({
            ...duck,
            engineSeconds: (duckdbReport as unknown as { elapsedSeconds: number }).elapsedSeconds,
        });
        log(
            `round ${round}/${rounds}: (a) floor ${(floor.elapsedMs / 1000).toFixed(2)} s, ` +
                `(b) backtest ${(run.elapsedMs / 1000).toFixed(2)} s, (d) duckdb ${(duck.elapsedMs / 1000).toFixed(2)} s`,
        );
    }
    const countsMatch =
        report !== undefined &&
        report.events.read === manifest.events &&
        report.rules.every((r) => r.matchedEvents === (manifest.perRule[r.id]?.events ?? 0));

    const bytes = manifest.uncompressedBytes;
    const floorMs = median(floorRuns.map((r) => r.elapsedMs));
    const backtestMs = median(backtestRuns.map((r) => r.elapsedMs));
    const duckdbMs = median(duckdbRuns.map((r) => r.elapsedMs));
    const result: BacktestBenchResult = {
        machine: {
            cpus: os.cpus().length,
            cpuModel: os.cpus()[0]?.model ?? "unknown",
            node: process.version,
            loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
        },
        archive: {
            files: manifest.files,
            events: manifest.events,
            uncompressedBytes: bytes,
            compressedBytes: manifest.compressedBytes,
        },
        rounds,
        floor: {
            elapsedMs: floorMs,
            peakRssBytes: Math.max(...floorRuns.map((r) => r.peakRssBytes ?? 0)),
            cpuSeconds: median(floorRuns.map((r) => r.cpuSeconds ?? 0)),
            megabytesPerSecond: mbps(bytes, floorMs),
        },
        backtest: {
            elapsedMs: backtestMs,
            peakRssBytes: Math.max(...backtestRuns.map((r) => r.peakRssBytes ?? 0)),
            cpuSeconds: median(backtestRuns.map((r) => r.cpuSeconds ?? 0)),
            megabytesPerSecond: mbps(bytes, backtestMs),
            engineSeconds: median(backtestRuns.map((r) => r.engineSeconds)),
            rules: report?.rules.length ?? 0,
            countsMatch,
        },
        duckdb: {
            elapsedMs: duckdbMs,
            peakRssBytes: Math.max(...duckdbRuns.map((r) => r.peakRssBytes ?? 0)),
            cpuSeconds: median(duckdbRuns.map((r) => r.cpuSeconds ?? 0)),
            megabytesPerSecond: mbps(bytes, duckdbMs),
            engineSeconds: median(duckdbRuns.map((r) => r.engineSeconds)),
            countsMatch:
                duckdbReport !== undefined &&
                duckdbReport.events.read === manifest.events &&
                duckdbReport.rules.every((r) => r.matchedEvents === (manifest.perRule[r.id]?.events ?? 0)),
        },
        ratios: {
            backtestOverFloor: Math.round((floorMs / backtestMs) * 100) / 100,
            duckdbOverFloor: Math.round((floorMs / duckdbMs) * 100) / 100,
        },
    };
    const jq = await measureJq();
    if (jq === undefined) {
        log("(c) jq: not installed, skipped (apt-get install -y jq)");
    } else {
        result.jq = {
            elapsedMs: jq.elapsedMs,
            megabytesPerSecond: mbps(bytes, jq.elapsedMs),
            countMatches: jq.selected === (manifest.perRule[JQ_RULE]?.events ?? 0),
        };
        result.ratios.backtestOverJq = Math.round((jq.elapsedMs / backtestMs) * 100) / 100;
    }
    fs.writeFileSync(path.join(benchDir, "backtest-results.json"), JSON.stringify(result, null, 2));
    return result;
}

/** Prints the figures and the goals of the issue next to them. */
export function printBacktestBench(r: BacktestBenchResult, log: (line: string) => void = console.log): void {
    const mb = (bytes?: number): string => (bytes === undefined ? "-" : `${Math.round(bytes / 1e6)} MB`);
    const verdict = (ok: boolean): string => (ok ? "met" : "NOT met");
    log("");
    log(
        `backtest benchmark — ${r.machine.cpus} CPUs (${r.machine.cpuModel}), node ${r.machine.node}, load average ${r.machine.loadAverage.join(" ")}`,
    );
    log(
        `archive: ${r.archive.files} files, ${r.archive.events.toLocaleString("en-US")} events, ` +
            `${(r.archive.uncompressedBytes / 1e9).toFixed(2)} GB uncompressed (${(r.archive.compressedBytes / 1e6).toFixed(0)} MB gzipped)`,
    );
    log(`medians of ${r.rounds} alternating rounds; wall time of the whole process, start-up included`);
    log("");
    const rows: [string, Measurement & { megabytesPerSecond: number }, string][] = [
        ["(a) floor: read + gunzip + JSON.parse, 1 thread", r.floor, ""],
        [
            `(b) trailwatch backtest, ${r.backtest.rules} rules`,
            r.backtest,
            `engine alone ${r.backtest.engineSeconds.toFixed(2)} s`,
        ],
    ];
    if (r.jq) rows.push([`(c) gzip -dc | jq, rule ${JQ_RULE}`, r.jq, "jq and gzip processes"]);
    rows.push([
        `(d) trailwatch backtest --engine duckdb`,
        r.duckdb,
        `engine alone ${r.duckdb.engineSeconds.toFixed(2)} s; d/a = ${r.ratios.duckdbOverFloor.toFixed(2)}x`,
    ]);
    for (const [name, m, note] of rows) {
        log(
            `  ${name.padEnd(48)} ${m.megabytesPerSecond.toFixed(1).padStart(7)} MB/s ${(m.elapsedMs / 1000).toFixed(2).padStart(7)} s` +
                (m.cpuSeconds === undefined ? "" : `  CPU ${m.cpuSeconds.toFixed(2)} s`) +
                (m.peakRssBytes === undefined ? "" : `  peak ${mb(m.peakRssBytes)}`) +
                (note ? `  (${note})` : ""),
        );
    }
    log("");
    log(
        `  b/a = ${r.ratios.backtestOverFloor.toFixed(2)}x   (goal >= 1.2x: ${verdict(r.ratios.backtestOverFloor >= 1.2)})`,
    );
    if (r.ratios.backtestOverJq !== undefined) {
        log(`  b/c = ${r.ratios.backtestOverJq.toFixed(2)}x   (goal >= 5x: ${verdict(r.ratios.backtestOverJq >= 5)})`);
    }
    log(
        `  peak memory of (b) = ${mb(r.backtest.peakRssBytes)}   (goal < 300 MB: ${verdict((r.backtest.peakRssBytes ?? 0) < 300e6)})`,
    );
    log(
        `  per-rule counts equal the generator's: ${r.backtest.countsMatch ? "yes" : "NO"}, DuckDB's: ${r.duckdb.countsMatch ? "yes" : "NO"}` +
            (r.jq ? `; jq's count equals it: ${r.jq.countMatches ? "yes" : "NO"}` : ""),
    );
    log(`  (figures saved in .bench/backtest-results.json)`);
}
