import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";
import * as zlib from "zlib";

const gzip = promisify(zlib.gzip);

/** One record template of `bench/recordTemplates.json`. */
export interface RecordTemplate {
    name: string;
    note: string;
    /** Share of the event mix (relative to the other templates' weights). */
    weight: number;
    /** Ids of the rules every variant of this record must trigger. */
    expect: string[];
    /** Names of `principals` entries this record may be made by. */
    principals: string[];
    /** `sourceIPAddress` values this record may come from. */
    sourceIPs: string[];
    record: Record<string, unknown>;
}

export interface RecordTemplates {
    accountId: string;
    principals: Record<string, Record<string, unknown>>;
    templates: RecordTemplate[];
    insightTemplate: { name: string; expect: string[]; record: Record<string, unknown> };
}

/** The project's own record templates (written for the project, not copied from the corpus). */
export const RECORD_TEMPLATES_FILE = path.resolve(__dirname, "../..", "bench/recordTemplates.json");

export function loadRecordTemplates(file = RECORD_TEMPLATES_FILE): RecordTemplates {
    return JSON.parse(fs.readFileSync(file, "utf8")) as RecordTemplates;
}

export interface SyntheticArchiveOptions {
    /** Directory to write into (the `AWSLogs/` tree goes inside it). */
    dir: string;
    /** Stop after the file that takes the uncompressed JSON written past this many bytes. */
    targetUncompressedBytes: number;
    /**
     * Records per log file, on average (each file gets between half and one and a half times this).
     * @default 600
     */
    recordsPerFile?: number;
    /** @default ["eu-west-1", "us-east-1", "eu-central-1"] */
    regions?: string[];
    /** Delivery time of the first files. @default "2024-03-04T00:00:00Z" */
    start?: string;
    /** Seed of the pseudo-random mix: the same options always write the same archive. @default 1 */
    seed?: number;
    /**
     * Also write what a real synced bucket holds besides log files: digest files, an Insights file,
     * an AWS Config snapshot and Config's writability check file.
     * @default true
     */
    extras?: boolean;
    /**
     * Multiplies the weight of every template that some rule must match: 1 keeps the templates' own mix (a few
     * matches in ten thousand events); 100 makes about half of the events match a rule.
     * @default 1
     */
    matchingWeightFactor?: number;
}

/** What the generator wrote: the ground truth a backtest of the archive must reproduce. */
export interface SyntheticArchiveManifest {
    /** CloudTrail log files written (Insights files included). */
    files: number;
    /** Records in them. */
    events: number;
    uncompressedBytes: number;
    /** Size on disk of those files. */
    compressedBytes: number;
    insightFiles: number;
    /** Files a backtest must leave out, by reason. */
    skipped: { digest: number; "other-aws-log": number; "not-json": number };
    /** Records written per template. */
    perTemplate: Record<string, number>;
    /** Per rule id: the events that must match it, and the first and last of their times. */
    perRule: Record<string, { events: number; first: string; last: string }>;
    /** Earliest and latest eventTime written. */
    first: string;
    last: string;
}

/** mulberry32: small, fast, and seeded, so archives are reproducible. */
function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const HEX = "0123456789abcdef";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomChars(random: () => number, alphabet: string, n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(random() * alphabet.length)];
    return s;
}

function uuid(random: () => number): string {
    const h = randomChars(random, HEX, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${HEX[8 + Math.floor(random() * 4)]}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** CloudTrail's eventTime format: whole seconds, UTC, `Z`. */
export function cloudTrailTime(ms: number): string {
    return new Date(ms).toISOString().slice(0, 19) + "Z";
}

function compactTime(ms: number, withSeconds = false): string {
    const iso = new Date(ms).toISOString();
    return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${withSeconds ? iso.slice(17, 19) : ""}Z`;
}

function datePath(ms: number): string {
    const iso = new Date(ms).toISOString();
    return path.join(iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10));
}

/**
 * A template pre-serialised around the fields that vary, so a record is a string concatenation
 * (generating a GB of records by JSON.stringify of cloned objects would take minutes).
 */
interface CompiledTemplate {
    template: RecordTemplate;
    parts: string[];
    fields: string[];
    principalJson: string[];
    ipJson: string[];
}

const VARYING_FIELDS = ["userIdentity", "eventTime", "eventID", "requestID", "sourceIPAddress"];

function compileTemplate(template: RecordTemplate, principals: RecordTemplates["principals"]): CompiledTemplate {
    const record: Record<string, unknown> = { ...template.record };
    for (const f of VARYING_FIELDS) if (f in record) record[f] = `@@${f}@@`;
    const split = JSON.stringify(record).split(/"@@(\w+)@@"/);
    return {
        template,
        parts: split.filter((_, i) => i % 2 === 0),
        fields: split.filter((_, i) => i % 2 === 1),
        principalJson: template.principals.map((p) => {
            const identity = principals[p];
            if (identity === undefined) throw new Error(`record template ${template.name}: unknown principal "${p}"`);
            return JSON.stringify(identity);
        }),
        ipJson: template.sourceIPs.map((ip) => JSON.stringify(ip)),
    };
}

/**
 * Writes a synthetic archive laid out as `aws s3 sync` leaves a trail's bucket
 * (`AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<time>_<id>.json.gz`),
 * one log file per region every five minutes, with records drawn from the project's templates by
 * weight. The first file holds one record of every template so that every rule has events even
 * in a small archive. Returns the ground truth: how many events each rule must match.
 */
export async function generateSyntheticArchive(options: SyntheticArchiveOptions): Promise<SyntheticArchiveManifest> {
    const templates = loadRecordTemplates();
    const account = templates.accountId;
    const random = prng(options.seed ?? 1);
    const regions = options.regions ?? ["eu-west-1", "us-east-1", "eu-central-1"];
    const perFile = options.recordsPerFile ?? 600;
    const start = Date.parse(options.start ?? "2024-03-04T00:00:00Z");
    const compiled = templates.templates.map((t) => compileTemplate(t, templates.principals));
    const insight = compileTemplate(
        { ...templates.insightTemplate, note: "", weight: 0, principals: [], sourceIPs: [] },
        templates.principals,
    );
    const matchingFactor = options.matchingWeightFactor ?? 1;
    const weightOf = (c: CompiledTemplate): number =>
        c.template.expect.length > 0 ? c.template.weight * matchingFactor : c.template.weight;
    const totalWeight = compiled.reduce((n, c) => n + weightOf(c), 0);

    const manifest: SyntheticArchiveManifest = {
        files: 0,
        events: 0,
        uncompressedBytes: 0,
        compressedBytes: 0,
        insightFiles: 0,
        skipped: { digest: 0, "other-aws-log": 0, "not-json": 0 },
        perTemplate: Object.fromEntries(compiled.map((c) => [c.template.name, 0])),
        perRule: {},
        first: "",
        last: "",
    };
    let firstMs = Infinity;
    let lastMs = -Infinity;
    for (const c of compiled) {
        for (const id of c.template.expect) manifest.perRule[id] ??= { events: 0, first: "", last: "" };
    }
    const ruleTimes: Record<string, { first: number; last: number }> = {};

    const pick = (): CompiledTemplate => {
        let x = random() * totalWeight;
        for (const c of compiled) {
            x -= weightOf(c);
            if (x < 0) return c;
        }
        return compiled[compiled.length - 1];
    };
    const render = (c: CompiledTemplate, timeMs: number): string => {
        const values: Record<string, string> = {
            userIdentity: c.principalJson.length
                ? c.principalJson[Math.floor(random() * c.principalJson.length)]
                : "null",
            eventTime: `"${cloudTrailTime(timeMs)}"`,
            eventID: `"${uuid(random)}"`,
            requestID: `"${uuid(random)}"`,
            sourceIPAddress: c.ipJson.length ? c.ipJson[Math.floor(random() * c.ipJson.length)] : "null",
        };
        let s = c.parts[0];
        for (let i = 0; i < c.fields.length; i++) s += values[c.fields[i]] + c.parts[i + 1];
        return s;
    };
    const count = (c: CompiledTemplate, timeMs: number): void => {
        if (timeMs < firstMs) firstMs = timeMs;
        if (timeMs > lastMs) lastMs = timeMs;
        for (const id of c.template.expect) {
            manifest.perRule[id].events++;
            const t = (ruleTimes[id] ??= { first: timeMs, last: timeMs });
            if (timeMs < t.first) t.first = timeMs;
            if (timeMs > t.last) t.last = timeMs;
        }
    };

    // Compression runs on libuv's thread pool: keep a few files in flight to use both cores.
    const pending = new Set<Promise<void>>();
    const write = async (file: string, text: string, isLogFile = true): Promise<void> => {
        const job = (async () => {
            const data = await gzip(Buffer.from(text, "utf8"));
            await fs.promises.mkdir(path.dirname(file), { recursive: true });
            await fs.promises.writeFile(file, data);
            if (isLogFile) manifest.compressedBytes += data.length;
        })();
        pending.add(job);
        void job.finally(() => pending.delete(job));
        if (pending.size >= 4) await Promise.race(pending);
    };

    const FIVE_MINUTES = 5 * 60 * 1000;
    const logRoot = path.join(options.dir, "AWSLogs", account);
    for (let k = 0; manifest.uncompressedBytes < options.targetUncompressedBytes; k++) {
        const region = regions[k % regions.length];
        const delivered = start + (Math.floor(k / regions.length) + 1) * FIVE_MINUTES;
        const n = k === 0 ? compiled.length : Math.max(1, Math.round(perFile * (0.5 + random())));
        const records: string[] = [];
        for (let i = 0; i < n; i++) {
            // Every event of a file happened in the five minutes before its delivery.
            const time = delivered - FIVE_MINUTES + Math.floor(random() * 300) * 1000;
            const c = k === 0 ? compiled[i] : pick();
            manifest.perTemplate[c.template.name]++;
            count(c, time);
            records.push(render(c, time));
        }
        const text = `{"Records":[${records.join(",")}]}`;
        const name = `${account}_CloudTrail_${region}_${compactTime(delivered)}_${randomChars(random, ALNUM, 16)}.json.gz`;
        await write(path.join(logRoot, "CloudTrail", region, datePath(delivered), name), text);
        manifest.files++;
        manifest.events += n;
        manifest.uncompressedBytes += Buffer.byteLength(text);
    }

    if (options.extras ?? true) {
        const region = regions[0];
        const time = start + 2 * FIVE_MINUTES;
        // An Insights file: evaluated like a log file; its records match no rule.
        const insightText = `{"Records":[${render(insight, time)},${render(insight, time + 60_000)}]}`;
        count(insight, time);
        count(insight, time + 60_000);
        await write(
            path.join(
                logRoot,
                "CloudTrail-Insight",
                region,
                datePath(time),
                `${account}_CloudTrail-Insight_${region}_${compactTime(time + FIVE_MINUTES)}_${randomChars(random, ALNUM, 16)}.json.gz`,
            ),
            insightText,
        );
        manifest.files++;
        manifest.insightFiles++;
        manifest.events += 2;
        manifest.uncompressedBytes += Buffer.byteLength(insightText);
        // Digest files: JSON, but not events; a backtest must leave them out, not report them broken.
        for (const r of regions) {
            const digestTime = start + 60 * 60 * 1000;
            const digest = {
                awsAccountId: account,
                digestStartTime: cloudTrailTime(start),
                digestEndTime: cloudTrailTime(digestTime),
                digestS3Bucket: `trailwatch-trail-${account}`,
                digestS3Object: `AWSLogs/${account}/CloudTrail-Digest/${r}/${datePath(digestTime)}/${account}_CloudTrail-Digest_${r}_trailwatch_${r}_${compactTime(digestTime, true)}.json.gz`,
                digestPublicKeyFingerprint: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                digestSignatureAlgorithm: "SHA256withRSA",
                newestEventTime: cloudTrailTime(digestTime - 1000),
                oldestEventTime: cloudTrailTime(start),
                previousDigestS3Bucket: null,
                previousDigestHashValue: null,
                previousDigestHashAlgorithm: null,
                previousDigestSignature: null,
                logFiles: [],
            };
            await write(path.join(options.dir, digest.digestS3Object), JSON.stringify(digest), false);
            manifest.skipped.digest++;
        }
        // Another service's files under AWSLogs/: a Config snapshot, and Config's check file.
        const configDir = path.join(logRoot, "Config", region, "2024", "3", "4");
        await write(
            path.join(
                configDir,
                "ConfigSnapshot",
                `${account}_Config_${region}_ConfigSnapshot_${compactTime(start)}_${uuid(random)}.json.gz`,
            ),
            JSON.stringify({ fileVersion: "1.0", configSnapshotId: uuid(random), configurationItems: [] }),
            false,
        );
        manifest.skipped["other-aws-log"]++;
        await fs.promises.mkdir(path.join(logRoot, "Config"), { recursive: true });
        await fs.promises.writeFile(path.join(logRoot, "Config", "ConfigWritabilityCheckFile"), "");
        manifest.skipped["not-json"]++;
    }
    await Promise.all(pending);

    manifest.first = cloudTrailTime(firstMs);
    manifest.last = cloudTrailTime(lastMs);
    for (const [id, t] of Object.entries(ruleTimes)) {
        manifest.perRule[id].first = cloudTrailTime(t.first);
        manifest.perRule[id].last = cloudTrailTime(t.last);
    }
    return manifest;
}
