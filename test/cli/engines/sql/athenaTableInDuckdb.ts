import { CLOUDTRAIL_TABLE_COLUMNS, CloudTrailColumn, sqlString } from "../../../../cli/engines/sql";

/*
 * Athena's CloudTrail table, rebuilt in DuckDB from records, so that DuckDB can judge the athena
 * dialect's queries (after its function map is swapped for DuckDB's). As the Hive JSON SerDe reads a
 * record: STRUCT fields from the record's members, scalars as their text, the JSON columns as the
 * member's JSON text (NULL for an absent member or JSON null).
 */

function structType(fields: Readonly<Record<string, CloudTrailColumn>>): Record<string, unknown> {
    const type: Record<string, unknown> = {};
    for (const [name, column] of Object.entries(fields)) {
        if (column.kind === "struct") type[name] = structType(column.fields);
        else if (column.kind !== "unsupported") type[name] = "VARCHAR";
    }
    return type;
}

function columnSql(name: string, column: CloudTrailColumn, record: string): string | undefined {
    const member = sqlString(`$."${name}"`);
    switch (column.kind) {
        case "struct":
            return `json_transform(json_extract(${record}, ${member}), ${sqlString(JSON.stringify(structType(column.fields)))}) AS ${column.column}`;
        case "json":
            return `CASE WHEN json_type(${record}, ${member}) = 'NULL' THEN NULL ELSE CAST(json_extract(${record}, ${member}) AS VARCHAR) END AS ${column.column}`;
        case "string":
        case "boolean":
            return `json_extract_string(${record}, ${member}) AS ${column.column}`;
        case "unsupported":
            return undefined;
    }
}

/** A SELECT list turning the JSON column `record` into the table's columns (besides `i`). */
export function cloudTrailTableColumns(record = "record"): string {
    return Object.entries(CLOUDTRAIL_TABLE_COLUMNS)
        .map(([name, column]) => columnSql(name, column, record))
        .filter((c): c is string => c !== undefined)
        .join(",\n  ");
}

/** `(0, '<json>'), (1, '<json>')...` for a VALUES list of event texts. */
export function eventValues(events: readonly string[]): string {
    return events.map((text, i) => `(${i}, ${sqlString(text)})`).join(",\n");
}
