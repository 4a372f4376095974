import * as path from "path";
import { Command, CommandIO, UsageError } from "../command";
import { parseFlags } from "../flags";
import { selectBacktestRules } from "../engines/backtest/ruleSelection";
import {
    ATHENA_DIALECT,
    buildRuleCountQuery,
    DUCKDB_DIALECT,
    RuleTranslationError,
    SAMPLE_EVENT_IDS,
    SqlRecordSource,
} from "../engines/sql";
import { parseTimeFlag } from "./backtest";

/** The table name when none is given: the one the Athena guide's CREATE TABLE uses without projection. */
export const DEFAULT_ATHENA_TABLE = "cloudtrail_logs";

const usage = `Usage: trailwatch sql [--stack NAME] [--dialect athena|duckdb] [--since TIME] [--until TIME]
                      [--source GLOB] [--table NAME] [--rule ID]...

Prints one SQL query that counts, for every enabled rule, the CloudTrail events its filter pattern
matches. Columns:
  rule_id           the rule, in catalogue order; every rule has a row (0 when nothing matched)
  matches           matching events
  days              array of 'YYYY-MM-DD N': matches per UTC day of eventTime, in day order
                    ('no-time N' for matching records without an eventTime)
  sample_event_ids  eventIDs of the first ${SAMPLE_EVENT_IDS} matches by eventTime, then eventID

Options:
  --stack NAME       The rules enabled in stacks/Pulumi.NAME.yaml (default: the built-in catalogue).
  --rule ID          Only this rule (repeatable), enabled or not.
  --dialect D        athena (default): Trino SQL for Athena's CloudTrail table, as the Athena user
                     guide creates it (partition projection on "timestamp", yyyy/MM/dd).
                     duckdb: DuckDB SQL reading archive files (read_json_objects, each file's Records).
  --source GLOB      duckdb: the files to read, e.g. 'logs/AWSLogs/**/*.json.gz' (required).
  --table NAME       athena: the table (database.table or table). Default: ${DEFAULT_ATHENA_TABLE}.
  --since TIME       Only events at or after TIME (ISO 8601, UTC unless a zone is given). With
                     athena, also limits the partitions (days) Athena reads.
  --until TIME       Only events before TIME.
  -h, --help         Show this help.

A pattern that cannot be translated faithfully (a regular expression, a term or space-delimited
pattern, a field the Athena table cannot tell apart) is an error naming the rule and the position
in its pattern; nothing is printed then.

Exit codes: 0 the query was printed; 2 usage error or a rule that cannot be translated.
`;

export const sqlCommand: Command = {
    name: "sql",
    summary: "Print the SQL (Athena or DuckDB) that counts every rule's matches over a CloudTrail archive.",
    usage,
    async run(argv: string[], io: CommandIO): Promise<number> {
        const flags = parseFlags(argv, {
            string: ["stack", "dialect", "since", "until", "source", "table"],
            list: ["rule"],
        });
        if (flags.positional.length > 0) throw new UsageError(`unexpected argument "${flags.positional[0]}"`);
        const dialectName = flags.strings.dialect ?? "athena";
        if (dialectName !== "athena" && dialectName !== "duckdb") {
            throw new UsageError(`--dialect: expected athena or duckdb, got "${dialectName}"`);
        }
        const since = flags.strings.since === undefined ? undefined : parseTimeFlag("--since", flags.strings.since);
        const until = flags.strings.until === undefined ? undefined : parseTimeFlag("--until", flags.strings.until);
        if (since !== undefined && until !== undefined && since >= until) {
            throw new UsageError("--since must be before --until");
        }
        let source: SqlRecordSource;
        if (dialectName === "duckdb") {
            if (flags.strings.table !== undefined)
                throw new UsageError("--table is for --dialect athena; duckdb reads --source");
            if (flags.strings.source === undefined)
                throw new UsageError("--dialect duckdb needs --source GLOB (the archive files)");
            source = { kind: "files", files: path.resolve(io.cwd, flags.strings.source) };
        } else {
            if (flags.strings.source !== undefined)
                throw new UsageError("--source is for --dialect duckdb; athena reads --table");
            const table = flags.strings.table ?? DEFAULT_ATHENA_TABLE;
            if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?$/.test(table)) {
                throw new UsageError(`--table: expected table or database.table (letters, digits, _), got "${table}"`);
            }
            source = { kind: "table", table };
        }
        const rules = selectBacktestRules({ cwd: io.cwd, stack: flags.strings.stack, ruleIds: flags.lists.rule });
        if (rules.length === 0) throw new UsageError("no rule is enabled: there is nothing to count");
        let sql: string;
        try {
            sql = buildRuleCountQuery({
                rules,
                dialect: dialectName === "athena" ? ATHENA_DIALECT : DUCKDB_DIALECT,
                source,
                since,
                until,
            });
        } catch (err) {
            if (err instanceof RuleTranslationError) throw new UsageError(`cannot translate ${err.message}`);
            throw err;
        }
        io.stdout.write(sql);
        return 0;
    },
};
