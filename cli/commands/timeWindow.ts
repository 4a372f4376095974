import { UsageError } from "../command";

/**
 * True when the fields name a real calendar date and time: Date.parse rolls 2024-02-30 over to
 * March 1st and 24:00 to the next day instead of refusing them.
 */
function isCalendarDateTime(m: RegExpExecArray): boolean {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    const dateOk = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    const timeOk = (m[4] === undefined || Number(m[4]) <= 23) && (m[5] === undefined || Number(m[5]) <= 59);
    return dateOk && timeOk && (m[6] === undefined || Number(m[6]) <= 59);
}

/** Parses an ISO 8601 date or date-time; UTC unless a zone is given. */
export function parseTimeFlag(flag: string, value: string): number {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
        value,
    );
    if (m !== null && !isCalendarDateTime(m)) {
        throw new UsageError(`${flag}: "${value}" is not a date in the calendar`);
    }
    const ms = m === null ? NaN : Date.parse(m[4] === undefined ? `${value}T00:00:00Z` : m[7] ? value : `${value}Z`);
    if (Number.isNaN(ms)) {
        throw new UsageError(
            `${flag}: expected an ISO 8601 date or time such as 2024-05-01 or 2024-05-01T12:00:00Z, got "${value}"`,
        );
    }
    return ms;
}

/**
 * The `--since` / `--until` window of backtest and sql, in epoch milliseconds: each an ISO 8601 date or time (see
 * {@link parseTimeFlag}), and `--since` before `--until` when both are given.
 */
export function parseTimeWindow(
    since: string | undefined,
    until: string | undefined,
): { since?: number; until?: number } {
    const window = {
        since: since === undefined ? undefined : parseTimeFlag("--since", since),
        until: until === undefined ? undefined : parseTimeFlag("--until", until),
    };
    if (window.since !== undefined && window.until !== undefined && window.since >= window.until) {
        throw new UsageError("--since must be before --until");
    }
    return window;
}
