import { ArchiveTally, BacktestRule, newArchiveTally, offerSample } from "../backtest/ruleTally";
import { FIELD_SEPARATOR, SAMPLE_IDENTITY_FIELDS, SAMPLE_SEPARATOR } from "./athenaReportQuery";

/** One row of the report query, every value as text (Athena's results are text) or null. */
export type ReportRow = Record<string, string | null>;

/** Where an Athena sample came from: there is no file, only the table. */
export const ATHENA_SAMPLE_FILE = "(athena)";

/**
 * Turns the report query's rows into the local engine's totals, so that buildReport and the table
 * are shared: periods, principals and addresses as counted, first/last by Date.parse of CloudTrail's
 * time text, samples through offerSample (the earliest 3 overall are among the earliest 3 of each
 * period).
 */
export function tallyFromReportRows(rows: readonly ReportRow[], rules: readonly BacktestRule[]): ArchiveTally {
    const tally = newArchiveTally(rules.length);
    const firstLast = (into: { first?: number; last?: number }, first: string | null, last: string | null): void => {
        for (const text of [first, last]) {
            const t = text === null ? NaN : Date.parse(text);
            if (Number.isNaN(t)) continue;
            if (into.first === undefined || t < into.first) into.first = t;
            if (into.last === undefined || t > into.last) into.last = t;
        }
    };
    for (const row of rows) {
        const i = Number(row.rule_index);
        const n = Number(row.matches);
        const periodRow = row.principal === null && row.source_ip === null;
        if (i === -1) {
            if (!periodRow) continue;
            tally.events += n;
            tally.eventsInRange += n;
            if (row.period === null) tally.untimedEvents += n;
            else firstLast(tally, row.first_time, row.last_time);
            continue;
        }
        const t = tally.rules[i];
        if (periodRow) {
            t.matched += n;
            if (row.period !== null) {
                t.periods.set(Number(row.period), n);
                firstLast(t, row.first_time, row.last_time);
            }
            for (const sample of (row.samples ?? "").split(SAMPLE_SEPARATOR)) {
                if (sample === "") continue;
                const [eventTime, eventID, eventName, sourceIPAddress, ...identity] = sample.split(FIELD_SEPARATOR);
                const userIdentity: Record<string, string> = {};
                SAMPLE_IDENTITY_FIELDS.forEach((k, j) => {
                    if (identity[j]) userIdentity[k] = identity[j];
                });
                const record: Record<string, unknown> = {
                    eventTime,
                    eventID,
                    eventName,
                    sourceIPAddress,
                    userIdentity,
                };
                for (const k of Object.keys(record)) if (record[k] === "") delete record[k];
                offerSample(t.samples, {
                    time: eventTime === "" ? NaN : Date.parse(eventTime),
                    eventID,
                    file: ATHENA_SAMPLE_FILE,
                    index: 0,
                    record,
                });
            }
        } else if (row.principal !== null) {
            t.principals.set(row.principal, n);
        } else if (row.source_ip !== null) {
            t.sourceIPs.set(row.source_ip, n);
        }
    }
    return tally;
}
