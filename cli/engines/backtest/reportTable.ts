import * as path from "path";
import type { BacktestReport, RuleReport } from "./backtestReport";
import type { SkipReason } from "./archiveWalker";

/** How many unusable files the human summary names before "and N more" (`--json` names all). */
export const PROBLEMS_LISTED = 20;

const number = (n: number): string => n.toLocaleString("en-US");

/** `2024-01-03T10:00:00.000Z` -> `2024-01-03 10:00:00Z`: shorter in a table, still unambiguous. */
function shortTime(isoTime: string | null): string {
    return isoTime === null ? "-" : isoTime.replace("T", " ").replace(/\.\d{3}Z$/, "Z");
}

export function formatBytes(bytes: number): string {
    if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
    if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
    if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
    return `${bytes} B`;
}

function table(header: string[], rows: string[][], rightAligned: Set<number>): string[] {
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
    const line = (cells: string[]): string =>
        cells
            .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
            .join("  ")
            .trimEnd();
    return [line(header), ...rows.map(line)];
}

function ruleDetails(rule: RuleReport): string[] {
    const lines = [
        `${rule.id} (${rule.severity}): ${rule.title}`,
        `  alarm: >= ${rule.threshold} in ${rule.period} s for ${rule.evaluationPeriods} period(s); ` +
            `busiest period ${shortTime(rule.busiestPeriod?.start ?? null)} with ${rule.busiestPeriod?.events ?? 0} event(s)`,
        `  top principals: ${rule.topPrincipals.map((p) => `${p.principal} (${number(p.events)})`).join(", ")}`,
        `  top source IPs: ${rule.topSourceIPs.map((p) => `${p.sourceIPAddress} (${number(p.events)})`).join(", ")}`,
        "  samples:",
    ];
    for (const s of rule.samples) {
        lines.push(
            `    ${s.eventTime ?? "(no eventTime)"}  ${s.eventName ?? "(no eventName)"}  ${s.principal}` +
                `  from ${s.sourceIPAddress ?? "(none)"}  [${path.basename(s.file)} #${s.index}]`,
        );
    }
    return lines;
}

/**
 * The human output: one table row per rule, then details of each rule that matched anything,
 * then what was read and every file that could not be used.
 */
export function formatReportTable(report: BacktestReport): string {
    const out: string[] = [];
    const span =
        report.archive.first === null
            ? "no events"
            : `${shortTime(report.archive.first)} to ${shortTime(report.archive.last)}, ${report.archive.days} days`;
    out.push(
        `Backtest of ${report.rules.length} rule(s) over ${number(report.events.evaluated)} event(s) (${span})` +
            (report.interrupted ? " — INTERRUPTED, partial results" : ""),
        "",
    );
    const rows = report.rules.map((r) => [
        r.id,
        r.severity,
        number(r.matchedEvents),
        number(r.periodsAtThreshold),
        number(r.alarms),
        r.alarmsPerDay === null ? "-" : r.alarmsPerDay.toFixed(2),
        shortTime(r.first),
        shortTime(r.last),
    ]);
    out.push(
        ...table(
            ["RULE", "SEV", "EVENTS", "PERIODS>=THRESHOLD", "ALARMS", "ALARMS/DAY", "FIRST", "LAST"],
            rows,
            new Set([2, 3, 4, 5]),
        ),
    );
    for (const rule of report.rules.filter((r) => r.matchedEvents > 0)) {
        out.push("", ...ruleDetails(rule));
    }
    const f = report.files;
    const skipped = describeSkippedFiles(f.skipped);
    out.push(
        "",
        `Files: ${number(f.read)} read` +
            (f.insight ? ` (${number(f.insight)} Insights)` : "") +
            `, ${number(f.failed)} unusable` +
            (skipped.length ? `; left out: ${skipped.join(", ")}` : ""),
        `Events: ${number(report.events.read)} read, ${number(report.events.evaluated)} evaluated` +
            (report.events.withoutTime ? `, ${number(report.events.withoutTime)} without a valid eventTime` : ""),
        `Read ${formatBytes(report.bytes.uncompressed)} of JSON (${formatBytes(report.bytes.compressed)} on disk) ` +
            `in ${report.elapsedSeconds.toFixed(1)} s, ${report.megabytesPerSecond} MB/s, ${report.threads} thread(s)`,
    );
    if (report.problems.length > 0) {
        const records = report.problems.some((p) => p.record !== undefined);
        out.push(
            "",
            `Unusable ${records ? "files and records" : "files"} (${number(report.problems.length)}), skipped:`,
        );
        for (const p of report.problems.slice(0, PROBLEMS_LISTED)) {
            out.push(`  ${p.file}${p.record === undefined ? "" : ` Records[${p.record}]`}: ${p.reason}`);
        }
        if (report.problems.length > PROBLEMS_LISTED) {
            out.push(`  ... and ${number(report.problems.length - PROBLEMS_LISTED)} more (--json lists all)`);
        }
    }
    return out.join("\n") + "\n";
}

/**
 * What the table calls each reason a file was left out, in the order it lists them. A Record: a new
 * {@link SkipReason} does not compile until it is given words here.
 */
const SKIPPED_FILES: Record<SkipReason, string> = {
    digest: "digest",
    "other-aws-log": "other services' logs",
    "not-json": "not .json/.json.gz",
    "before-since": "delivered before --since",
};

/** The files a run left out, by reason, as the table's "left out" line says them: `3 digest, 1 not .json/.json.gz`. */
export function describeSkippedFiles(skipped: Record<SkipReason, number>): string[] {
    return (Object.keys(SKIPPED_FILES) as SkipReason[])
        .filter((reason) => skipped[reason] > 0)
        .map((reason) => `${number(skipped[reason])} ${SKIPPED_FILES[reason]}`);
}
