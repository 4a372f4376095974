// The catalogue entry point, not the package's index: the index also loads the Pulumi components, and with them
// `@pulumi/pulumi` and `@pulumi/aws` (about 90 MB and a second or two per worker thread, each of which loads its
// modules anew: two workers took a backtest from ~250 MB to ~470 MB peak).
import { FilterPattern, parseFilterPattern } from "@trailwatch/components/catalogue";
import { EventNameIndex } from "./eventNameIndex";
import { DEFAULT_LOG_FILE_LIMITS, LogFileError, LogFileLimits, LogRecord, readLogFile } from "./logFileReader";
import { ArchiveTally, BacktestRule, newArchiveTally, offerSample, SAMPLES_PER_RULE } from "./ruleTally";

/** The time window of a run, epoch ms: `since` inclusive, `until` exclusive. */
export interface TimeWindow {
    since?: number;
    until?: number;
}

/** What reading one file gave: sizes and counts for progress, or why it was skipped. */
export interface FileOutcome {
    file: string;
    compressedBytes: number;
    uncompressedBytes: number;
    events: number;
    /** Set when the file could not be used; nothing of it was counted. */
    error?: string;
    /** True when the run was interrupted before the file was read: neither read nor a problem. */
    interrupted?: boolean;
    /** Records of a usable file that were left out (by index in `Records`), and why. */
    badRecords?: { index: number; reason: string }[];
}

/**
 * Who made a call, as the top-principals list shows it: the ARN when CloudTrail gives one (IAM
 * users, roles' sessions, root), else the service that acted, else the principal id or type.
 */
export function principalOf(record: Record<string, unknown>): string {
    const id = record.userIdentity as Record<string, unknown> | undefined;
    if (typeof id !== "object" || id === null) return "(unknown)";
    for (const key of ["arn", "invokedBy", "principalId", "type"]) {
        const v = id[key];
        if (typeof v === "string" && v !== "") return v;
    }
    return "(unknown)";
}

function sourceIPOf(record: Record<string, unknown>): string {
    const ip = record.sourceIPAddress;
    return typeof ip === "string" && ip !== "" ? ip : "(none)";
}

/**
 * CloudTrail writes `eventTime` as `YYYY-MM-DDTHH:MM:SSZ`; strings of that exact shape compare
 * like the times they name, which saves a Date.parse per record on the hot path.
 */
function isCanonicalTime(t: unknown): t is string {
    return typeof t === "string" && t.length === 20 && t.charCodeAt(19) === 90 /* Z */ && t.charCodeAt(10) === 84;
}

/**
 * Reads log files and evaluates every record against every rule, accumulating totals. The same
 * class runs on each worker thread and, for a single-threaded run, on the main thread: one code
 * path, so both give the same numbers.
 */
export class ArchiveEvaluator {
    private readonly patterns: FilterPattern[];
    private readonly eventNames: EventNameIndex;
    private tally: ArchiveTally;
    // Earliest / latest canonical eventTime strings seen; parsed once when the tally is taken.
    private firstTime?: string;
    private lastTime?: string;

    constructor(
        private readonly rules: readonly BacktestRule[],
        private readonly window: TimeWindow = {},
        private readonly limits: LogFileLimits = DEFAULT_LOG_FILE_LIMITS,
    ) {
        this.patterns = rules.map((r) => parseFilterPattern(r.pattern));
        this.eventNames = new EventNameIndex(this.patterns);
        this.tally = newArchiveTally(rules.length);
    }

    /** Reads and evaluates one file. Never throws for a bad file: the outcome carries the reason. */
    processFile(file: string): FileOutcome {
        let contents;
        try {
            contents = readLogFile(file, this.limits);
        } catch (err) {
            if (err instanceof LogFileError) {
                return { file, compressedBytes: 0, uncompressedBytes: 0, events: 0, error: err.reason };
            }
            throw err;
        }
        this.evaluateRecords(file, contents.records);
        const outcome: FileOutcome = {
            file,
            compressedBytes: contents.compressedBytes,
            uncompressedBytes: contents.uncompressedBytes,
            events: contents.records.length - contents.badRecords.length,
        };
        if (contents.badRecords.length > 0) outcome.badRecords = contents.badRecords;
        return outcome;
    }

    /** Evaluates the records of one file (already parsed); `null` ones were left out when read. */
    evaluateRecords(file: string, records: LogRecord[]): void {
        const { since, until } = this.window;
        const windowed = since !== undefined || until !== undefined;
        const tally = this.tally;
        const patterns = this.patterns;
        const eventNames = this.eventNames;
        const rules = this.rules;
        for (let index = 0; index < records.length; index++) {
            const record = records[index];
            if (record === null) continue;
            tally.events++;
            const rawTime = record.eventTime;
            let time = NaN;
            if (windowed) {
                time = typeof rawTime === "string" ? Date.parse(rawTime) : NaN;
                // A record without a valid time cannot be placed inside the window: left out.
                if (
                    Number.isNaN(time) ||
                    (since !== undefined && time < since) ||
                    (until !== undefined && time >= until)
                ) {
                    continue;
                }
            }
            tally.eventsInRange++;
            if (isCanonicalTime(rawTime)) {
                if (this.firstTime === undefined || rawTime < this.firstTime) this.firstTime = rawTime;
                if (this.lastTime === undefined || rawTime > this.lastTime) this.lastTime = rawTime;
            } else {
                const t = typeof rawTime === "string" ? Date.parse(rawTime) : NaN;
                if (Number.isNaN(t)) {
                    tally.untimedEvents++;
                } else {
                    if (tally.first === undefined || t < tally.first) tally.first = t;
                    if (tally.last === undefined || t > tally.last) tally.last = t;
                }
            }
            const candidates = eventNames.candidates(record.eventName);
            for (let c = 0; c < candidates.length; c++) {
                const r = candidates[c];
                if (!patterns[r].matches(record)) continue;
                if (!windowed) time = typeof rawTime === "string" ? Date.parse(rawTime) : NaN;
                const t = tally.rules[r];
                t.matched++;
                if (!Number.isNaN(time)) {
                    if (t.first === undefined || time < t.first) t.first = time;
                    if (t.last === undefined || time > t.last) t.last = time;
                    const period = Math.floor(time / (rules[r].period * 1000));
                    t.periods.set(period, (t.periods.get(period) ?? 0) + 1);
                }
                const principal = principalOf(record);
                t.principals.set(principal, (t.principals.get(principal) ?? 0) + 1);
                const ip = sourceIPOf(record);
                t.sourceIPs.set(ip, (t.sourceIPs.get(ip) ?? 0) + 1);
                // Build a sample only when it could be among the earliest kept (NaN sorts last).
                const samples = t.samples;
                const last = samples.length === SAMPLES_PER_RULE ? samples[SAMPLES_PER_RULE - 1].time : NaN;
                if (samples.length < SAMPLES_PER_RULE || Number.isNaN(last) || (!Number.isNaN(time) && time <= last)) {
                    const eventID = typeof record.eventID === "string" ? record.eventID : "";
                    offerSample(samples, { time, eventID, file, index, record });
                }
            }
        }
    }

    /** The totals so far; the evaluator starts again from zero afterwards. */
    takeTally(): ArchiveTally {
        const tally = this.tally;
        for (const s of [this.firstTime, this.lastTime]) {
            if (s === undefined) continue;
            const t = Date.parse(s);
            if (tally.first === undefined || t < tally.first) tally.first = t;
            if (tally.last === undefined || t > tally.last) tally.last = t;
        }
        this.tally = newArchiveTally(this.rules.length);
        this.firstTime = undefined;
        this.lastTime = undefined;
        return tally;
    }
}
