import { ConfigKeyDoc, StackConfigReader } from "./stackConfigReader";
import { stackResourceName } from "./stackResourceNames";

/**
 * Where `trailwatch backtest --engine athena` runs its query: an Athena workgroup and the Glue
 * database and table holding the trail's CloudTrail table (created as the Athena user guide's "Create
 * the table for CloudTrail logs in Athena using partition projection" does).
 */
export interface AthenaConfig {
    workGroup: string;
    database: string;
    table: string;
    /** S3 URI for query results; undefined to use the workgroup's own setting. */
    outputLocation?: string;
    /**
     * Set when `athenaEnabled` is true: the stack creates the database, table and workgroup above
     * (`CloudTrailAthena`) over these regions and, for an organization trail, these accounts.
     */
    create?: { regions?: string[]; accountIds?: string[] };
}

export const athenaConfigKeys: ConfigKeyDoc[] = [
    {
        key: "athenaEnabled",
        type: "boolean",
        default: "false",
        description:
            "Create what the Athena backtest needs (`CloudTrailAthena`): a Glue database, the CloudTrail table with partition projection over the trail bucket, and a workgroup with an encrypted, expiring results bucket. `athenaWorkgroup` then defaults to `trailwatch-<stack>` and `athenaDatabase` to `trailwatch_<stack>`.",
    },
    {
        key: "athenaRegions",
        type: "string[]",
        default: "every region enabled for the account",
        description:
            "With `athenaEnabled`: the regions whose log files the table reads (global service events are in us-east-1); by default every region enabled for the account, where a multi-region trail records.",
    },
    {
        key: "athenaAccountIds",
        type: "string[]",
        default: "this account",
        description:
            "With `athenaEnabled` and an organization trail: the member accounts whose log files the table reads.",
    },
    {
        key: "athenaWorkgroup",
        type: "string",
        default: `none; ${stackResourceName("<stack>")} with athenaEnabled`,
        description:
            "Athena workgroup `trailwatch backtest --engine athena` runs its query in. Setting it (or `athenaEnabled`) turns the Athena backtest on for the stack; `athenaDatabase` is then required.",
    },
    {
        key: "athenaDatabase",
        type: "string",
        default: "none; trailwatch_<stack> with athenaEnabled",
        description: "Glue database holding the CloudTrail table (lower-case letters, digits and `_`).",
    },
    {
        key: "athenaTable",
        type: "string",
        default: "cloudtrail_logs",
        description:
            "The CloudTrail table, with the columns and the `timestamp` partition projection of the Athena user guide's CloudTrail table.",
    },
    {
        key: "athenaOutputLocation",
        type: "string",
        default: "the workgroup's",
        description:
            "S3 URI (`s3://bucket/prefix/`) for query results; leave unset when the workgroup enforces its own results location.",
    },
];

/** Glue names: "lowercase letters, numbers, and the underscore character" (AWS Glue Developer Guide, "Names"). */
const GLUE_NAME = /^[a-z0-9_]{1,255}$/;
/** Athena API Reference, WorkGroup Name: pattern `[a-zA-Z0-9._-]{1,128}`. */
const WORKGROUP_NAME = /^[a-zA-Z0-9._-]{1,128}$/;

/** The stack's Athena settings, or undefined when `athenaWorkgroup` is not set. */
export function readAthenaConfig(reader: StackConfigReader, stack: string): AthenaConfig | undefined {
    const enabled = reader.boolean("athenaEnabled", false);
    const regions = reader.stringList("athenaRegions");
    const accountIds = reader.stringList("athenaAccountIds");
    if (!enabled) {
        for (const key of ["athenaRegions", "athenaAccountIds"]) {
            if (reader.has(key)) reader.fail(key, "is only used with athenaEnabled: true");
        }
    }
    for (const [i, r] of (regions ?? []).entries()) {
        if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(r))
            reader.fail("athenaRegions", `element ${i} "${r}" is not an AWS region`);
    }
    for (const [i, a] of (accountIds ?? []).entries()) {
        if (!/^\d{12}$/.test(a)) reader.fail("athenaAccountIds", `element ${i} "${a}" is not a 12-digit account ID`);
    }
    // The names the stack gives what it creates (index.ts passes the same ones to CloudTrailAthena), so the CLI
    // finds them from the stack configuration alone.
    const workGroup = reader.string("athenaWorkgroup") ?? (enabled ? athenaWorkgroupNameFor(stack) : undefined);
    const database = reader.string("athenaDatabase") ?? (enabled ? athenaDatabaseNameFor(stack) : undefined);
    const table = reader.string("athenaTable", "cloudtrail_logs");
    const outputLocation = reader.string("athenaOutputLocation");
    if (workGroup === undefined) {
        for (const key of ["athenaDatabase", "athenaTable", "athenaOutputLocation"]) {
            if (reader.has(key)) reader.fail(key, "is only used with athenaWorkgroup, which is not set");
        }
        return undefined;
    }
    if (!WORKGROUP_NAME.test(workGroup))
        reader.fail("athenaWorkgroup", "must be 1-128 letters, digits, '.', '_' or '-'");
    if (database === undefined) reader.fail("athenaDatabase", "is required when athenaWorkgroup is set");
    else if (!GLUE_NAME.test(database)) reader.fail("athenaDatabase", "must be lower-case letters, digits and _");
    if (!GLUE_NAME.test(table)) reader.fail("athenaTable", "must be lower-case letters, digits and _");
    if (outputLocation !== undefined && !/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(outputLocation)) {
        reader.fail("athenaOutputLocation", "must be an S3 URI such as s3://my-athena-results/trailwatch/");
    }
    const config: AthenaConfig = { workGroup, database: database ?? "", table, outputLocation };
    return enabled ? { ...config, create: { regions, accountIds } } : config;
}

/** The workgroup a stack with `athenaEnabled` creates: `trailwatch-<stack>`. */
export function athenaWorkgroupNameFor(stack: string): string {
    return stackResourceName(stack)
        .replace(/[^a-zA-Z0-9._-]/g, "-")
        .slice(0, 128);
}

/** The Glue database a stack with `athenaEnabled` creates: `trailwatch_<stack>`, in Glue's alphabet. */
export function athenaDatabaseNameFor(stack: string): string {
    return `trailwatch_${stack}`
        .toLowerCase()
        .replace(/[^a-z0-9_]/g, "_")
        .slice(0, 255);
}
