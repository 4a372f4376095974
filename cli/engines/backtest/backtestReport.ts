import * as path from "path";
import { principalOf } from "./archiveEvaluator";
import type { BacktestRun, FileProblem } from "./backtestEngine";
import type { TimeWindow } from "./archiveEvaluator";
import type { SkipReason } from "./archiveWalker";
import type { RuleTally } from "./ruleTally";

/** How many principals and source IP addresses each rule lists. */
export const TOP_ENTRIES = 5;

/** When and how often one rule's alarm would have fired. */
export interface AlarmReplay {
    /** Periods whose matches reached the threshold. */
    periodsAtThreshold: number;
    /**
     * Times the alarm would have gone from OK to ALARM: runs of at least `evaluationPeriods`
     * consecutive breaching periods (missing data is not breaching, as the alarms are deployed).
     */
    alarms: number;
    /** The period with the most matches. */
    busiestPeriod: { start: string; events: number } | null;
}

/**
 * Replays an alarm over per-period match counts. `periods` maps the period's index (start time /
 * period length) to its number of matches; periods absent had none.
 */
export function replayAlarm(
    periods: Map<number, number>,
    threshold: number,
    evaluationPeriods: number,
    periodSeconds: number,
): AlarmReplay {
    const breaching = [...periods].filter(([, n]) => n >= threshold).map(([p]) => p);
    breaching.sort((a, b) => a - b);
    let alarms = 0;
    let run = 0;
    for (let i = 0; i < breaching.length; i++) {
        run = i > 0 && breaching[i] === breaching[i - 1] + 1 ? run + 1 : 1;
        // The alarm goes to ALARM on the M-th consecutive breaching period and stays there.
        if (run === evaluationPeriods) alarms++;
    }
    let busiest: [number, number] | undefined;
    for (const [p, n] of periods) {
        if (busiest === undefined || n > busiest[1] || (n === busiest[1] && p < busiest[0])) busiest = [p, n];
    }
    return {
        periodsAtThreshold: breaching.length,
        alarms,
        busiestPeriod:
            busiest === undefined
                ? null
                : { start: new Date(busiest[0] * periodSeconds * 1000).toISOString(), events: busiest[1] },
    };
}

/** The most frequent keys, ties broken by key so every run lists the same ones. */
export function topEntries(counts: Map<string, number>, n = TOP_ENTRIES): { key: string; events: number }[] {
    return [...counts]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, n)
        .map(([key, events]) => ({ key, events }));
}

/** One rule's result in the report (`--json` prints these under `rules`). */
export interface RuleReport extends AlarmReplay {
    id: string;
    title: string;
    severity: string;
    pattern: string;
    threshold: number;
    /** Seconds. */
    period: number;
    evaluationPeriods: number;
    matchedEvents: number;
    /** Alarms per day over the time the archive covers (null when it covers less than a day). */
    alarmsPerDay: number | null;
    first: string | null;
    last: string | null;
    topPrincipals: { principal: string; events: number }[];
    topSourceIPs: { sourceIPAddress: string; events: number }[];
    samples: {
        eventTime: string | null;
        eventName: string | null;
        principal: string;
        sourceIPAddress: string | null;
        file: string;
        index: number;
        record: Record<string, unknown>;
    }[];
}

/** The whole result of a run, as `--json` prints it. */
export interface BacktestReport {
    window: { since: string | null; until: string | null };
    /** The time the evaluated events span. */
    archive: { first: string | null; last: string | null; days: number | null };
    rules: RuleReport[];
    files: { read: number; insight: number; failed: number; skipped: Record<SkipReason, number> };
    events: { read: number; evaluated: number; withoutTime: number };
    bytes: { compressed: number; uncompressed: number };
    elapsedSeconds: number;
    /** Uncompressed JSON per second, in MB (10^6 bytes). */
    megabytesPerSecond: number;
    threads: number;
    interrupted: boolean;
    problems: FileProblem[];
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

function ruleReport(run: BacktestRun, i: number, days: number | null, display: (file: string) => string): RuleReport {
    const rule = run.rules[i];
    const t: RuleTally = run.tally.rules[i];
    const replay = replayAlarm(t.periods, rule.threshold, rule.evaluationPeriods, rule.period);
    return {
        id: rule.id,
        title: rule.title,
        severity: rule.severity,
        pattern: rule.pattern,
        threshold: rule.threshold,
        period: rule.period,
        evaluationPeriods: rule.evaluationPeriods,
        matchedEvents: t.matched,
        ...replay,
        // A rate over less than a day says little: shown only for archives covering a day or more.
        alarmsPerDay: days === null || days < 1 ? null : Math.round((replay.alarms / days) * 100) / 100,
        first: iso(t.first),
        last: iso(t.last),
        topPrincipals: topEntries(t.principals).map((e) => ({ principal: e.key, events: e.events })),
        topSourceIPs: topEntries(t.sourceIPs).map((e) => ({ sourceIPAddress: e.key, events: e.events })),
        samples: t.samples.map((s) => ({
            eventTime: str(s.record.eventTime),
            eventName: str(s.record.eventName),
            principal: principalOf(s.record),
            sourceIPAddress: str(s.record.sourceIPAddress),
            file: display(s.file),
            index: s.index,
            record: s.record,
        })),
    };
}

/**
 * Turns a run into the report both outputs are made from. File paths are shown relative to
 * `relativeTo` when they lie under it (as the user typed them, usually), else absolute.
 */
export function buildReport(run: BacktestRun, window: TimeWindow = {}, relativeTo?: string): BacktestReport {
    const display = (file: string): string => {
        if (relativeTo === undefined) return file;
        const rel = path.relative(relativeTo, file);
        return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
    };
    const { first, last } = run.tally;
    const days = first === undefined || last === undefined ? null : (last - first) / 86_400_000;
    const seconds = run.elapsedMs / 1000;
    return {
        window: { since: iso(window.since), until: iso(window.until) },
        archive: { first: iso(first), last: iso(last), days: days === null ? null : Math.round(days * 1000) / 1000 },
        rules: run.rules.map((_, i) => ruleReport(run, i, days, display)),
        files: { ...run.files, skipped: { ...run.files.skipped } },
        events: { read: run.tally.events, evaluated: run.tally.eventsInRange, withoutTime: run.tally.untimedEvents },
        bytes: { compressed: run.compressedBytes, uncompressed: run.uncompressedBytes },
        elapsedSeconds: Math.round(seconds * 1000) / 1000,
        megabytesPerSecond: seconds > 0 ? Math.round((run.uncompressedBytes / 1e6 / seconds) * 10) / 10 : 0,
        threads: run.threads,
        interrupted: run.interrupted,
        problems: run.problems.map((p) => ({ ...p, file: display(p.file) })),
    };
}
