import * as path from "path";
import { Command, CommandIO, UsageError } from "../command";
import { CommandLineDefinition, parseCommandLine, usageText } from "../commandLine";
import { selectBacktestRules } from "../engines/backtest/ruleSelection";
import {
    ATHENA_DIALECT,
    buildRuleCountQuery,
    DUCKDB_DIALECT,
    RuleTranslationError,
    SAMPLE_EVENT_IDS,
    SqlRecordSource,
} from "../engines/sql";
import { parseTimeWindow } from "./timeWindow";

/** The table name when none is given: the one the Athena guide's CREATE TABLE uses without projection. */
export const DEFAULT_ATHENA_TABLE = "cloudtrail_logs";

/** The command line of `trailwatch sql`, declared once: the parser, `--help` and docs/cli.md use it. */
export const sqlCommandLine = {
    command: "sql",
    synopsis: [
        "trailwatch sql [--stack NAME] [--dialect athena|duckdb] [--since TIME] [--until TIME]",
        "               [--source GLOB] [--table NAME] [--rule ID]...",
    ],
    description: `Prints one SQL query that counts, for every enabled rule, the CloudTrail events its filter pattern
matches. Columns:
  rule_id           the rule, in catalogue order; every rule has a row (0 when nothing matched)
  matches           matching events
  days              array of 'YYYY-MM-DD N': matches per UTC day of eventTime, in day order
                    ('no-time N' for matching records without an eventTime)
  sample_event_ids  eventIDs of the first ${SAMPLE_EVENT_IDS} matches by eventTime, then eventID`,
    options: [
        {
            name: "stack",
            type: "string",
            valueName: "NAME",
            defaultText: "the built-in catalogue",
            description: "The rules enabled in stacks/Pulumi.NAME.yaml.",
        },
        {
            name: "rule",
            type: "string",
            multiple: true,
            valueName: "ID",
            description: "Only this rule (repeatable), enabled or not.",
        },
        {
            name: "dialect",
            type: "string",
            valueName: "D",
            choices: ["athena", "duckdb"],
            default: "athena",
            description: `athena: Trino SQL for Athena's CloudTrail table, as the Athena user guide creates it (partition projection on "timestamp", yyyy/MM/dd). duckdb: DuckDB SQL reading archive files (read_json_objects, each file's Records).`,
        },
        {
            name: "source",
            type: "string",
            valueName: "GLOB",
            description: "duckdb: the files to read, e.g. 'logs/AWSLogs/**/*.json.gz' (required).",
            details: "Relative to the current folder.",
        },
        {
            name: "table",
            type: "string",
            valueName: "NAME",
            defaultText: DEFAULT_ATHENA_TABLE,
            description: "athena: the table (database.table or table).",
        },
        {
            name: "since",
            type: "string",
            valueName: "TIME",
            description:
                "Only events at or after TIME (ISO 8601, UTC unless a zone is given). With athena, also limits the partitions (days) Athena reads.",
            details:
                "Compared on CloudTrail's `eventTime` text (`YYYY-MM-DDTHH:MM:SSZ`). With athena the `timestamp` partitions read are the days from `--since` to the day after `--until` (a file is filed under its delivery day, up to about 15 minutes after its events).",
        },
        { name: "until", type: "string", valueName: "TIME", description: "Only events before TIME." },
    ],
    epilogue: `A pattern that cannot be translated faithfully (a regular expression, a term or space-delimited
pattern, a field the Athena table cannot tell apart) is an error naming the rule and the position
in its pattern; nothing is printed then.

Exit codes: 0 the query was printed; 2 usage error or a rule that cannot be translated.`,
} as const satisfies CommandLineDefinition;

export const sqlCommand: Command = {
    name: "sql",
    summary: "Print the SQL (Athena or DuckDB) that counts every rule's matches over a CloudTrail archive.",
    usage: usageText(sqlCommandLine),
    async run(argv: string[], io: CommandIO): Promise<number> {
        const flags = parseCommandLine(argv, sqlCommandLine).values;
        const dialectName = flags.dialect;
        const { since, until } = parseTimeWindow(flags.since, flags.until);
        let source: SqlRecordSource;
        if (dialectName === "duckdb") {
            if (flags.table !== undefined)
                throw new UsageError("--table is for --dialect athena; duckdb reads --source");
            if (flags.source === undefined)
                throw new UsageError("--dialect duckdb needs --source GLOB (the archive files)");
            source = { kind: "files", files: path.resolve(io.cwd, flags.source) };
        } else {
            if (flags.source !== undefined)
                throw new UsageError("--source is for --dialect duckdb; athena reads --table");
            const table = flags.table ?? DEFAULT_ATHENA_TABLE;
            if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?$/.test(table)) {
                throw new UsageError(`--table: expected table or database.table (letters, digits, _), got "${table}"`);
            }
            source = { kind: "table", table };
        }
        const rules = selectBacktestRules({ cwd: io.cwd, stack: flags.stack, ruleIds: flags.rule });
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
