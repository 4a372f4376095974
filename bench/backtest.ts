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

/** Bump when the generator changes what it writes, so a cached archive is regenerated. */
const GENERATOR_VERSION = 2;

/** One archive the backtest benchmark runs on: generated once, cached in `.bench/<name>/`. */
export interface BenchArchive {
    name: string;
    /** What the archive is, for the printed report. */
    description: string;
    options: Omit<SyntheticArchiveOptions, "dir">;
    /** Also time `--engine duckdb` on it (one round: it is an order of magnitude slower). */
    duckdb: boolean;
}

/**
 * The archives of issue 11's goals. `generated`: at least 1 GB of uncompressed records (a little over 1 GiB),
 * ~600 records per file, about 1,200 files over a day and a half of three regions, in the templates' own mix (a
 * few matches in ten thousand events). `many-matches`: 300 MB where about half of the events match a rule, so
 * the rules' cost and the tallies' size are what is measured.
 */
export const BENCH_ARCHIVES: BenchArchive[] = [
    {
        name: "generated",
        description: "1.1 GB, the templates' own mix",
        options: { targetUncompressedBytes: 1_100_000_000, recordsPerFile: 600, seed: 1 },
        duckdb: true,
    },
    {
        name: "many-matches",
        description: "300 MB, about half of the events match a rule",
        options: { targetUncompressedBytes: 300_000_000, recordsPerFile: 600, seed: 2, matchingWeightFactor: 100 },
        duckdb: false,
    },
];

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
    archive: {
        name: string;
        description: string;
        files: number;
        events: number;
        matchedEvents: number;
        uncompressedBytes: number;
        compressedBytes: number;
    };
    rounds: number;
    floor: Measurement & { megabytesPerSecond: number };
    backtest: Measurement & { megabytesPerSecond: number; engineSeconds: number; rules: number; countsMatch: boolean };
    jq?: Measurement & { megabytesPerSecond: number; countMatches: boolean };
    /** (d) `trailwatch backtest --engine duckdb`, one round: the same rules as SQL, run by the embedded DuckDB. */
    duckdb?: Measurement & { megabytesPerSecond: number; engineSeconds: number; countsMatch: boolean };
    /**
     * (e) The machine's own two-core ceiling: two floors (a) started together, each on the whole archive. Twice
     * the work in `elapsedMs`; `speedup` is 2 x (a) / (e): what two perfectly independent threads could reach here.
     */
    twoFloors: { elapsedMs: number; speedup: number };
    ratios: { backtestOverFloor: number; backtestOverJq?: number; duckdbOverFloor?: number };
}

function cacheKey(archive: BenchArchive): string {
    const templates = fs.readFileSync(RECORD_TEMPLATES_FILE);
    return crypto
        .createHash("sha256")
        .update(JSON.stringify({ GENERATOR_VERSION, options: archive.options }))
        .update(templates)
        .digest("hex");
}

/** The archive of a previous run when generator, options and templates are unchanged; else a new one. */
async function ensureArchive(
    archive: BenchArchive,
    archiveDir: string,
    log: (line: string) => void,
): Promise<SyntheticArchiveManifest> {
    const key = cacheKey(archive);
    const manifestFile = path.join(archiveDir, "..", `${archive.name}-manifest.json`);
    if (fs.existsSync(manifestFile) && fs.existsSync(archiveDir)) {
        const cached = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as {
            key: string;
            manifest: SyntheticArchiveManifest;
        };
        if (cached.key === key) {
            log(
                `archive ${archive.name}: reusing ${path.relative(projectDir, archiveDir)} (delete .bench/ to regenerate)`,
            );
            return cached.manifest;
        }
    }
    log(
        `archive ${archive.name}: generating ${archive.options.targetUncompressedBytes / 1e9} GB of records into ${path.relative(projectDir, archiveDir)} ...`,
    );
    fs.rmSync(archiveDir, { recursive: true, force: true });
    const started = performance.now();
    const manifest = await generateSyntheticArchive({ dir: archiveDir, ...archive.options });
    log(
        `archive ${archive.name}: ${manifest.files} files written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    fs.writeFileSync(manifestFile, JSON.stringify({ key, manifest }, null, 2));
    return manifest;
}

let measured = 0;

/** Runs node with `args`, timing it from outside (start-up included); reads its peak memory and CPU time. */
async function measureNode(args: string[], cwd: string): Promise<Measurement & { stdout: string }> {
    const usageFile = path.join(benchDir, `usage-${process.pid}-${++measured}.json`);
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
async function measureJq(archiveDir: string): Promise<(Measurement & { selected: number }) | undefined> {
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

type BacktestJsonReport = {
    rules: { id: string; matchedEvents: number }[];
    events: { read: number };
    elapsedSeconds: number;
};

function countsMatch(report: BacktestJsonReport | undefined, manifest: SyntheticArchiveManifest): boolean {
    return (
        report !== undefined &&
        report.events.read === manifest.events &&
        report.rules.every((r) => r.matchedEvents === (manifest.perRule[r.id]?.events ?? 0))
    );
}

const summarize = (runs: Measurement[], bytes: number): Measurement & { megabytesPerSecond: number } => {
    const elapsedMs = median(runs.map((r) => r.elapsedMs));
    return {
        elapsedMs,
        peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes ?? 0)),
        cpuSeconds: median(runs.map((r) => r.cpuSeconds ?? 0)),
        megabytesPerSecond: mbps(bytes, elapsedMs),
    };
};

/**
 * `npm run bench` (backtest part), on one generated archive: times (a) the single-threaded floor, (b)
 * `trailwatch backtest` with every built-in rule, (c) jq selecting one rule's events, and (d) `--engine duckdb`
 * once if the archive asks for it. (a) and (b) run `rounds` times, alternating, and the medians are reported: the
 * machine may be shared.
 */
export async function benchBacktest(
    archive: BenchArchive,
    rounds = 5,
    log: (line: string) => void = console.log,
): Promise<BacktestBenchResult> {
    fs.mkdirSync(benchDir, { recursive: true });
    const archiveDir = path.join(benchDir, archive.name);
    const manifest = await ensureArchive(archive, archiveDir, log);
    const stackProject = path.join(benchDir, "project");
    fs.mkdirSync(path.join(stackProject, "stacks"), { recursive: true });
    // A project of its own (stacks are found from the nearest Pulumi.yaml up), with the project's Pulumi.yaml.
    fs.copyFileSync(path.join(projectDir, "Pulumi.yaml"), path.join(stackProject, "Pulumi.yaml"));
    fs.writeFileSync(path.join(stackProject, "stacks", "Pulumi.bench.yaml"), BENCH_STACK);
    const trailwatch = path.join(projectDir, "bin", "trailwatch.js");
    const backtestArgs = [trailwatch, "backtest", archiveDir, "--stack", "bench", "--json"];

    const floorRuns: Measurement[] = [];
    const backtestRuns: (Measurement & { engineSeconds: number })[] = [];
    let report: BacktestJsonReport | undefined;
    for (let round = 1; round <= rounds; round++) {
        const floor = await measureNode([path.join(__dirname, "floorWorkload.js"), archiveDir], projectDir);
        const floorResult = JSON.parse(floor.stdout) as { events: number; uncompressedBytes: number };
        if (floorResult.uncompressedBytes !== manifest.uncompressedBytes)
            throw new Error("floor read a different archive");
        floorRuns.push(floor);
        const run = await measureNode(backtestArgs, stackProject);
        report = JSON.parse(run.stdout) as BacktestJsonReport;
        backtestRuns.push({ ...run, engineSeconds: report.elapsedSeconds });
        log(
            `${archive.name} round ${round}/${rounds}: (a) floor ${(floor.elapsedMs / 1000).toFixed(2)} s, ` +
                `(b) backtest ${(run.elapsedMs / 1000).toFixed(2)} s`,
        );
    }

    // (e): two floors at once, one round.
    const twoStarted = performance.now();
    await Promise.all(
        [0, 1].map(() => measureNode([path.join(__dirname, "floorWorkload.js"), archiveDir], projectDir)),
    );
    const twoFloorsMs = performance.now() - twoStarted;

    const bytes = manifest.uncompressedBytes;
    const floor = summarize(floorRuns, bytes);
    const backtest = summarize(backtestRuns, bytes);
    const result: BacktestBenchResult = {
        machine: {
            cpus: os.cpus().length,
            cpuModel: os.cpus()[0]?.model ?? "unknown",
            node: process.version,
            loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
        },
        archive: {
            name: archive.name,
            description: archive.description,
            files: manifest.files,
            events: manifest.events,
            matchedEvents: Object.values(manifest.perRule).reduce((n, r) => n + r.events, 0),
            uncompressedBytes: bytes,
            compressedBytes: manifest.compressedBytes,
        },
        rounds,
        floor,
        backtest: {
            ...backtest,
            engineSeconds: median(backtestRuns.map((r) => r.engineSeconds)),
            rules: report?.rules.length ?? 0,
            countsMatch: countsMatch(report, manifest),
        },
        twoFloors: {
            elapsedMs: twoFloorsMs,
            speedup: Math.round(((2 * floor.elapsedMs) / twoFloorsMs) * 100) / 100,
        },
        ratios: { backtestOverFloor: Math.round((floor.elapsedMs / backtest.elapsedMs) * 100) / 100 },
    };
    if (archive.duckdb) {
        const duck = await measureNode([...backtestArgs, "--engine", "duckdb"], stackProject);
        const duckReport = JSON.parse(duck.stdout) as BacktestJsonReport;
        log(`${archive.name}: (d) duckdb ${(duck.elapsedMs / 1000).toFixed(2)} s`);
        result.duckdb = {
            ...summarize([duck], bytes),
            engineSeconds: duckReport.elapsedSeconds,
            countsMatch: countsMatch(duckReport, manifest),
        };
        result.ratios.duckdbOverFloor = Math.round((floor.elapsedMs / duck.elapsedMs) * 100) / 100;
    }
    const jq = await measureJq(archiveDir);
    if (jq === undefined) {
        log("(c) jq: not installed, skipped (apt-get install -y jq)");
    } else {
        result.jq = {
            elapsedMs: jq.elapsedMs,
            megabytesPerSecond: mbps(bytes, jq.elapsedMs),
            countMatches: jq.selected === (manifest.perRule[JQ_RULE]?.events ?? 0),
        };
        result.ratios.backtestOverJq = Math.round((jq.elapsedMs / backtest.elapsedMs) * 100) / 100;
    }
    fs.writeFileSync(path.join(benchDir, `backtest-${archive.name}-results.json`), JSON.stringify(result, null, 2));
    return result;
}

/** Prints the figures and the goals of issue 11 next to them. */
export function printBacktestBench(r: BacktestBenchResult, log: (line: string) => void = console.log): void {
    const mb = (bytes?: number): string => (bytes === undefined ? "-" : `${Math.round(bytes / 1e6)} MB`);
    const verdict = (ok: boolean): string => (ok ? "met" : "NOT met");
    log("");
    log(
        `backtest benchmark, archive ${r.archive.name} (${r.archive.description}) — ${r.machine.cpus} CPUs (${r.machine.cpuModel}), node ${r.machine.node}, load average ${r.machine.loadAverage.join(" ")}`,
    );
    log(
        `archive: ${r.archive.files} files, ${r.archive.events.toLocaleString("en-US")} events ` +
            `(${r.archive.matchedEvents.toLocaleString("en-US")} rule matches), ` +
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
    if (r.duckdb) {
        rows.push([
            `(d) trailwatch backtest --engine duckdb`,
            r.duckdb,
            `one round; engine alone ${r.duckdb.engineSeconds.toFixed(2)} s; d/a = ${r.ratios.duckdbOverFloor?.toFixed(2)}x`,
        ]);
    }
    for (const [name, m, note] of rows) {
        log(
            `  ${name.padEnd(48)} ${m.megabytesPerSecond.toFixed(1).padStart(7)} MB/s ${(m.elapsedMs / 1000).toFixed(2).padStart(7)} s` +
                (m.cpuSeconds === undefined ? "" : `  CPU ${m.cpuSeconds.toFixed(2)} s`) +
                (m.peakRssBytes === undefined ? "" : `  peak ${mb(m.peakRssBytes)}`) +
                (note ? `  (${note})` : ""),
        );
    }
    log(
        `  (e) two floors started together (the machine's two-core ceiling): ${(r.twoFloors.elapsedMs / 1000).toFixed(2)} s for twice the work, ${r.twoFloors.speedup.toFixed(2)}x one floor`,
    );
    log("");
    log(
        `  b/a = ${r.ratios.backtestOverFloor.toFixed(2)}x   (goal >= 1.5x, two cores: ${verdict(r.ratios.backtestOverFloor >= 1.5)})`,
    );
    if (r.ratios.backtestOverJq !== undefined) {
        log(`  b/c = ${r.ratios.backtestOverJq.toFixed(2)}x   (goal >= 5x: ${verdict(r.ratios.backtestOverJq >= 5)})`);
    }
    log(
        `  peak memory of (b) = ${mb(r.backtest.peakRssBytes)}   (goal < 300 MB: ${verdict((r.backtest.peakRssBytes ?? 0) < 300e6)})`,
    );
    log(
        `  per-rule counts equal the generator's: ${r.backtest.countsMatch ? "yes" : "NO"}` +
            (r.duckdb ? `, DuckDB's: ${r.duckdb.countsMatch ? "yes" : "NO"}` : "") +
            (r.jq ? `; jq's count equals it: ${r.jq.countMatches ? "yes" : "NO"}` : ""),
    );
    log(`  (figures saved in .bench/backtest-${r.archive.name}-results.json)`);
}
