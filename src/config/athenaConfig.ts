import { ConfigKeyDoc, StackConfigReader } from "./stackConfigReader";

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
}

export const athenaConfigKeys: ConfigKeyDoc[] = [
    {
        key: "athenaWorkgroup",
        type: "string",
        default: "none",
        description:
            "Athena workgroup `trailwatch backtest --engine athena` runs its query in. Setting it turns the Athena backtest on for the stack; `athenaDatabase` is then required.",
    },
    {
        key: "athenaDatabase",
        type: "string",
        default: "none",
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
export function readAthenaConfig(reader: StackConfigReader): AthenaConfig | undefined {
    const workGroup = reader.string("athenaWorkgroup");
    const database = reader.string("athenaDatabase");
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
    return { workGroup, database: database ?? "", table, outputLocation };
}
