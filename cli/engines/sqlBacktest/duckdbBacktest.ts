import { performance } from "perf_hooks";
import { archiveLogFiles } from "../backtest/archiveLogFiles";
import { emptyBacktestProgress, emptyBacktestRun } from "../backtest/emptyBacktestRun";
import type { BacktestOptions, BacktestProgress, BacktestRun } from "../backtest/backtestEngine";
import { newArchiveTally, offerSample, type ArchiveTally } from "../backtest/ruleTally";
import { rulePredicates, sqlString } from "../sql";
import { DUCKDB_DIALECT } from "../sql/translateFilterPattern";
import { DuckdbSession } from "./duckdbQuery";

/*
 * `trailwatch backtest --engine duckdb`: the same run as the local engine (same files, same skips,
 * same report), with the rules evaluated by DuckDB running the duckdb dialect. Files go to DuckDB in
 * batches, which gives progress, Ctrl-C between batches, and a way to name a bad file: when a batch
 * fails, its files are tried one by one and the ones DuckDB cannot read become problems, as the local
 * reader's do.
 *
 * DuckDB selects and counts; the few values per distinct eventTime / principal / address that come
 * back are tallied here with the local engine's own rules (Date.parse for times, the alarm period
 * arithmetic), so the figures are the local engine's. One difference: sample records are chosen in
 * SQL by CloudTrail's canonical eventTime text (YYYY-MM-DDTHH:MM:SSZ, what CloudTrail writes); a
 * record with another time format sorts after those.
 */

/** Files per DuckDB query. */
const FILES_PER_BATCH = 256;
const SAMPLES = 3;

/** Who made the call, as principalOf in archiveEvaluator.ts: the first non-empty string of these. */
const PRINCIPAL_SQL = `COALESCE(${["arn", "invokedBy", "principalId", "type"]
    .map(
        (k) =>
            `CASE WHEN json_type(record, '$.userIdentity.${k}') = 'VARCHAR' AND json_extract_string(record, '$.userIdentity.${k}') <> '' THEN json_extract_string(record, '$.userIdentity.${k}') END`,
    )
    .join(", ")}, '(unknown)')`;
const SOURCE_IP_SQL = `COALESCE(CASE WHEN json_type(record, '$.sourceIPAddress') = 'VARCHAR' AND json_extract_string(record, '$.sourceIPAddress') <> '' THEN json_extract_string(record, '$.sourceIPAddress') END, '(none)')`;

function fileList(files: readonly string[]): string {
    return `[${files.map(sqlString).join(", ")}]`;
}

/** One line of DuckDB's error: the reason a file was not used. */
function duckdbReason(err: unknown): string {
    const message = err instanceof Error ? err.message : String(err);
    return `DuckDB could not read it: ${message.split("\n")[0]}`;
}

export async function runDuckdbBacktest(options: BacktestOptions): Promise<BacktestRun> {
    const started = performance.now();
    const window = options.window ?? {};
    const rules = options.rules;
    const predicates = rulePredicates(rules, DUCKDB_DIALECT, "record");
    const session = await DuckdbSession.open();
    if (options.threads !== undefined) await session.query(`SET threads = ${Math.max(1, Math.floor(options.threads))}`);
    const threads = Number((await session.query("SELECT current_setting('threads') AS t"))[0].t);
    const tally: ArchiveTally = newArchiveTally(rules.length);
    const run: BacktestRun = emptyBacktestRun(rules, tally, threads);
    const progress: BacktestProgress = emptyBacktestProgress();
    const report = (): void => {
        progress.elapsedMs = performance.now() - started;
        options.onProgress?.({ ...progress });
    };
    const onAbort = (): void => session.interrupt();
    options.signal?.addEventListener("abort", onAbort);
    const inWindow = (t: number): boolean =>
        (window.since === undefined || t >= window.since) && (window.until === undefined || t < window.until);
    const windowed = window.since !== undefined || window.until !== undefined;
    const firstLast = (into: { first?: number; last?: number }, t: number): void => {
        if (into.first === undefined || t < into.first) into.first = t;
        if (into.last === undefined || t > into.last) into.last = t;
    };

    /** Which of `files` DuckDB reads as CloudTrail log files; the others become problems. */
    const checkFiles = async (
        files: { path: string; size: number }[],
    ): Promise<{ path: string; size: number; bytes: number }[]> => {
        const check = async (
            batch: { path: string; size: number }[],
        ): Promise<Map<string, { type: string; bytes: number; objects: boolean }>> => {
            const rows = await session.query(
                `SELECT filename, json_type(json) AS doc, json_type(json, '$.Records') AS records, strlen(CAST(json AS VARCHAR)) AS bytes,
                   COALESCE(len(list_filter(json_extract(json, '$.Records[*]'), lambda r: json_type(r) <> 'OBJECT')) = 0, TRUE) AS objects
                 FROM read_json_objects(${fileList(batch.map((f) => f.path))}, format = 'auto', filename = true, maximum_object_size = 268435456)`,
            );
            const seen = new Map<string, { type: string; bytes: number; objects: boolean }>();
            for (const r of rows) {
                const file = r.filename as string;
                // A file holding several JSON values is not one log file.
                if (seen.has(file)) seen.set(file, { type: "MULTIPLE", bytes: 0, objects: false });
                else
                    seen.set(file, {
                        type: r.doc !== "OBJECT" ? String(r.doc) : String(r.records),
                        bytes: Number(r.bytes),
                        objects: r.objects as boolean,
                    });
            }
            return seen;
        };
        let found: Map<string, { type: string; bytes: number; objects: boolean }>;
        const failed = new Map<string, string>();
        try {
            found = await check(files);
        } catch (err) {
            if (options.signal?.aborted) throw err;
            found = new Map();
            for (const f of files) {
                try {
                    for (const [k, v] of await check([f])) found.set(k, v);
                } catch (e) {
                    if (options.signal?.aborted) throw e;
                    failed.set(f.path, duckdbReason(e));
                }
            }
        }
        const good: { path: string; size: number; bytes: number }[] = [];
        for (const f of files) {
            const info = found.get(f.path);
            let reason = failed.get(f.path);
            if (reason === undefined) {
                if (info === undefined || info.type === "MULTIPLE")
                    reason = "not a CloudTrail log file: expected one JSON object";
                else if (info.type === "NULL" || info.type === "null" || info.type === "undefined")
                    reason = 'not a CloudTrail log file: no "Records" array';
                else if (info.type !== "ARRAY")
                    reason = 'not a CloudTrail log file: expected an object with a "Records" array';
                else if (!info.objects) reason = "not a CloudTrail log file: a record is not an object";
            }
            progress.filesDone++;
            if (reason !== undefined) {
                run.files.failed++;
                run.problems.push({ file: f.path, reason });
            } else {
                good.push({ ...f, bytes: info!.bytes });
            }
        }
        return good;
    };

    const evaluate = async (files: { path: string; size: number; bytes: number }[]): Promise<void> => {
        if (files.length === 0) return;
        await session.query(
            // unnest in the select list, not a lateral join: see recordsCte in cli/engines/sql/ruleCountQuery.ts.
            `CREATE OR REPLACE TEMP TABLE batch AS
             SELECT filename, idx, record,
               CASE WHEN json_type(record, '$.eventTime') = 'VARCHAR' THEN json_extract_string(record, '$.eventTime') END AS event_time
             FROM (SELECT filename, unnest(records) AS record, unnest(range(len(records))) AS idx
                   FROM (SELECT filename, json_extract(json, '$.Records[*]') AS records
                         FROM read_json_objects(${fileList(files.map((f) => f.path))}, format = 'auto', filename = true, maximum_object_size = 268435456)))`,
        );
        const times = await session.query("SELECT event_time, count(*) AS n FROM batch GROUP BY event_time");
        const flags = predicates.map((p, i) => `CASE WHEN ${p} THEN ${i} END`).join(",\n");
        await session.query(
            `CREATE OR REPLACE TEMP TABLE hits AS
             SELECT m.rule_index, filename, idx, event_time,
               CASE WHEN json_type(record, '$.eventID') = 'VARCHAR' THEN json_extract_string(record, '$.eventID') ELSE '' END AS event_id,
               ${PRINCIPAL_SQL} AS principal, ${SOURCE_IP_SQL} AS source_ip,
               epoch_ms(try_strptime(event_time, '%Y-%m-%dT%H:%M:%SZ')) AS time_ms
             FROM batch CROSS JOIN UNNEST(ARRAY[${flags}]) AS m(rule_index)
             WHERE m.rule_index IS NOT NULL`,
        );
        const groups = await session.query(
            "SELECT rule_index, event_time, principal, source_ip, count(*) AS n FROM hits GROUP BY ALL",
        );
        const since = window.since === undefined ? "" : ` AND time_ms >= ${window.since}`;
        const until = window.until === undefined ? "" : ` AND time_ms < ${window.until}`;
        const samples = await session.query(
            `SELECT h.rule_index, h.filename, h.idx, h.event_id, h.event_time, CAST(b.record AS VARCHAR) AS record
             FROM (SELECT *, row_number() OVER (PARTITION BY rule_index ORDER BY time_ms ASC NULLS LAST, event_id, filename, idx) AS n
                   FROM hits WHERE TRUE${windowed ? ` AND time_ms IS NOT NULL${since}${until}` : ""}) h
             JOIN batch b ON b.filename = h.filename AND b.idx = h.idx
             WHERE h.n <= ${SAMPLES}`,
        );
        // Only now, with every query of the batch answered, is the batch counted: an interrupted batch counts
        // not at all rather than in part.
        // Every record's time, grouped: the archive's totals with the local engine's Date.parse.
        const allowed = new Map<string | null, number>();
        for (const row of times) {
            const n = Number(row.n);
            const text = row.event_time as string | null;
            const t = text === null ? NaN : Date.parse(text);
            tally.events += n;
            progress.events += n;
            if (windowed && (Number.isNaN(t) || !inWindow(t))) continue;
            allowed.set(text, t);
            tally.eventsInRange += n;
            if (Number.isNaN(t)) tally.untimedEvents += n;
            else firstLast(tally, t);
        }
        for (const g of groups) {
            const text = g.event_time as string | null;
            if (!allowed.has(text)) continue;
            const t = allowed.get(text)!;
            const i = Number(g.rule_index);
            const rt = tally.rules[i];
            const n = Number(g.n);
            rt.matched += n;
            if (!Number.isNaN(t)) {
                firstLast(rt, t);
                const period = Math.floor(t / (rules[i].period * 1000));
                rt.periods.set(period, (rt.periods.get(period) ?? 0) + n);
            }
            const principal = g.principal as string;
            rt.principals.set(principal, (rt.principals.get(principal) ?? 0) + n);
            const ip = g.source_ip as string;
            rt.sourceIPs.set(ip, (rt.sourceIPs.get(ip) ?? 0) + n);
        }
        for (const s of samples) {
            const text = s.event_time as string | null;
            offerSample(tally.rules[Number(s.rule_index)].samples, {
                time: text === null ? NaN : Date.parse(text),
                eventID: s.event_id as string,
                file: s.filename as string,
                index: Number(s.idx),
                record: JSON.parse(s.record as string) as Record<string, unknown>,
            });
        }
        run.files.read += files.length;
        for (const f of files) {
            progress.compressedBytes += f.size;
            progress.uncompressedBytes += f.bytes;
        }
    };

    let timer: NodeJS.Timeout | undefined;
    if (options.onProgress !== undefined) {
        timer = setInterval(report, options.progressIntervalMs ?? 250);
        timer.unref();
    }
    let batch: { path: string; size: number }[] = [];
    const flush = async (): Promise<void> => {
        const files = batch;
        batch = [];
        await evaluate(await checkFiles(files));
    };
    try {
        for await (const file of archiveLogFiles(run, options.paths, window.since, options.signal)) {
            batch.push(file);
            if (batch.length >= FILES_PER_BATCH) await flush();
        }
        if (!options.signal?.aborted) await flush();
    } catch (err) {
        // An interrupted query rejects; the run ends with what earlier batches counted.
        if (!options.signal?.aborted) throw err;
    } finally {
        options.signal?.removeEventListener("abort", onAbort);
        if (timer !== undefined) clearInterval(timer);
        session.close();
    }
    run.interrupted = options.signal?.aborted ?? false;
    run.compressedBytes = progress.compressedBytes;
    run.uncompressedBytes = progress.uncompressedBytes;
    run.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    run.elapsedMs = performance.now() - started;
    if (options.onProgress !== undefined) report();
    return run;
}
