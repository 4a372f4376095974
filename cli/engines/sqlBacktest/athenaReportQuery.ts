import type { BacktestRule } from "../backtest/ruleTally";
import { recordsCte, rulePredicates, SqlDialect, windowCondition } from "../sql";

/*
 * The query behind `backtest --engine athena`: one scan of the CloudTrail table that returns what the
 * local report is made of, aggregated in SQL so that a year of events comes back as a few thousand
 * rows. Grouping sets over the matches (plus every record in the window as rule -1, for the archive's
 * totals):
 *   (rule, period)     matches per alarm period (rule's own period, epoch-aligned), first and last
 *                      eventtime, and the 3 earliest matches' (eventtime, eventid, name, principal, IP)
 *   (rule, principal)  matches per principal (principalOf's order: arn, invokedBy, principalId, type)
 *   (rule, source IP)  matches per sourceIPAddress
 * Times are CloudTrail's canonical eventTime text (YYYY-MM-DDTHH:MM:SSZ), which sorts as the time.
 */

export interface AthenaReportQueryOptions {
    rules: readonly BacktestRule[];
    dialect: SqlDialect;
    table: string;
    since?: number;
    until?: number;
}

/** The userIdentity fields a sample keeps: what principalOf reads. */
export const SAMPLE_IDENTITY_FIELDS = ["arn", "invokedBy", "principalId", "type"] as const;

/** Separators inside the `samples` column: between samples (U+001E) and between a sample's fields (U+001F). */
export const SAMPLE_SEPARATOR = "\u001e";
export const FIELD_SEPARATOR = "\u001f";

/** Columns of the result, in order. */
export const REPORT_COLUMNS = [
    "rule_index",
    "period",
    "principal",
    "source_ip",
    "matches",
    "first_time",
    "last_time",
    "samples",
] as const;

export function buildAthenaReportQuery(options: AthenaReportQueryOptions): string {
    const { rules, dialect } = options;
    const f = dialect.functions;
    const predicates = rulePredicates(rules, dialect);
    const window = windowCondition(options.since, options.until);
    const flags = ["-1", ...predicates.map((p, i) => `CASE WHEN ${p} THEN ${i} END`)].join(",\n    ");
    const seconds = f.epochSeconds("event_time");
    // Rule -1 (every record) by day: only whether the time parses matters there.
    const periods = [
        `WHEN -1 THEN CAST(floor(${seconds} / 86400) AS BIGINT)`,
        ...rules.map((r, i) => `WHEN ${i} THEN CAST(floor(${seconds} / ${r.period}) AS BIGINT)`),
    ].join(" ");
    const nonEmpty = (e: string): string => `CASE WHEN ${e} <> '' THEN ${e} END`;
    const principal = `COALESCE(${["arn", "invokedby", "principalid", "type"].map((k) => nonEmpty(`useridentity.${k}`)).join(", ")}, '(unknown)')`;
    // One text per sample, so that min_by keeps it whole: time, eventID, name, principal, IP, joined by a
    // character none of them holds (U+001F, the unit separator).
    const sep = "chr(31)";
    const sample = [
        "event_time",
        "event_id",
        "eventname",
        "sourceipaddress",
        ...SAMPLE_IDENTITY_FIELDS.map((k) => `useridentity.${k.toLowerCase()}`),
    ]
        .map((c) => `COALESCE(${c}, '')`)
        .join(` || ${sep} || `);
    return `WITH ${recordsCte({ rules, dialect, source: { kind: "table", table: options.table }, since: options.since, until: options.until })},
hits AS (
  SELECT m.rule_index, event_time, event_id, eventname, sourceipaddress, useridentity,
    ${principal} AS principal,
    COALESCE(${nonEmpty("sourceipaddress")}, '(none)') AS source_ip
  FROM records
  CROSS JOIN UNNEST(ARRAY[
    ${flags}
  ]) AS m(rule_index)
  WHERE m.rule_index IS NOT NULL${window === "" ? "" : ` AND ${window}`}
),
keyed AS (
  SELECT rule_index, event_time, principal, source_ip, useridentity,
    CASE rule_index ${periods} END AS period,
    ${sample} AS sample,
    COALESCE(event_time, chr(127)) || ${sep} || COALESCE(event_id, '') AS sample_order
  FROM hits
)
SELECT rule_index, period, principal, source_ip, count(*) AS matches,
  min(event_time) AS first_time, max(event_time) AS last_time,
  CASE WHEN principal IS NULL AND source_ip IS NULL THEN ${f.joinArray("min_by(sample, sample_order, 3)", "chr(30)")} END AS samples
FROM keyed
GROUP BY GROUPING SETS ((rule_index, period), (rule_index, principal), (rule_index, source_ip))
ORDER BY rule_index, period, principal, source_ip
`;
}
