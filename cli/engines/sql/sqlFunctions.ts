/*
 * The only place the two SQL dialects differ. Everything else the translator writes (CASE, LIKE
 * ... ESCAPE, CAST to DOUBLE/BIGINT/VARCHAR, COALESCE, substr, window functions, FILTER clauses) is
 * the same text in DuckDB and in Athena's engine (Trino), so a query judged by DuckDB in the tests
 * differs from what Athena runs only by the entries below.
 *
 * Arguments and results are SQL expression texts. A "JSON value" is an expression of DuckDB's JSON
 * type or Trino's JSON type; SQL NULL stands for a value the selector did not find (JSON `null` is
 * a JSON value, not SQL NULL, in both engines).
 */
export interface SqlFunctions {
    readonly name: "duckdb" | "athena";
    /** The JSON value's serialised text (`"abc"`, `12`, `true`, `null`, `{...}`, `[...]`). */
    jsonText(value: string): string;
    /**
     * The value at `path` below a JSON value: a name is an object member, a number a 0-based array
     * element; NULL when a step finds nothing (a missing member, an index past the end, a member of
     * a non-object, an element of a non-array).
     */
    jsonPath(value: string, path: readonly (string | number)[]): string;
    /** The text of a JSON string value, unescaped. */
    jsonStringValue(value: string): string;
    /** The elements of a JSON array, as a list/array of JSON values. */
    jsonArrayElements(value: string): string;
    /** The member values of a JSON object, as a list/array of JSON values. */
    jsonObjectValues(value: string): string;
    /** Whether `predicate` (over the lambda parameter `parameter`) holds for an element of `list`; never NULL. */
    anyMatch(list: string, parameter: string, predicate: string): string;
    /** Text holding JSON, as a JSON value. */
    parseJson(text: string): string;
    /** Whether the regular expression matches somewhere in `text`. */
    regexpContains(text: string, regex: string): string;
    /** An expression that stops the query with `message` when it is evaluated. */
    fail(message: string): string;
    /** Seconds since the epoch of CloudTrail's `YYYY-MM-DDTHH:MM:SSZ` text; NULL for other text. */
    epochSeconds(text: string): string;
    /** The elements of an array of VARCHAR joined by `separator` (a VARCHAR expression). */
    joinArray(list: string, separator: string): string;
}

/** A SQL string literal: single quotes, a quote doubled. */
export function sqlString(text: string): string {
    return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A JSON path member step. Both engines accept a double-quoted name (DuckDB `$."a.b"`, Trino
 * `$["a.b"]`); a name holding `"` or `\` would need escapes the two engines do not share, so the
 * translator rejects it before it gets here.
 */
function quotedName(name: string): string {
    return `"${name}"`;
}

/**
 * DuckDB, as the `@duckdb/node-api` package embeds it. JSON functions from "JSON Processing
 * Functions" (https://duckdb.org/docs/stable/data/json/json_functions): `json_extract` returns NULL
 * for a path that does not exist; `$[*]` and `$.*` return a LIST of JSON values (empty when the
 * value is not an array / object); the JSON type is VARCHAR underneath, so the cast to VARCHAR is
 * the serialised text. Lambdas: "Lambda Functions" (`lambda x: ...`).
 */
export const duckdbFunctions: SqlFunctions = {
    name: "duckdb",
    jsonText: (v) => `CAST(${v} AS VARCHAR)`,
    jsonPath: (v, path) =>
        `json_extract(${v}, ${sqlString("$" + path.map((k) => (typeof k === "number" ? `[${k}]` : `.${quotedName(k)}`)).join(""))})`,
    jsonStringValue: (v) => `json_extract_string(${v}, '$')`,
    jsonArrayElements: (v) => `json_extract(${v}, '$[*]')`,
    jsonObjectValues: (v) => `json_extract(${v}, '$.*')`,
    anyMatch: (list, p, predicate) => `(len(list_filter(${list}, lambda ${p}: ${predicate})) > 0)`,
    parseJson: (text) => `json(${text})`,
    regexpContains: (text, regex) => `regexp_matches(${text}, ${regex})`,
    fail: (message) => `error(${sqlString(message)})`,
    epochSeconds: (text) => `epoch(try_strptime(${text}, '%Y-%m-%dT%H:%M:%SZ'))`,
    joinArray: (list, separator) => `array_to_string(${list}, ${separator})`,
};

/**
 * Athena engine version 3 (Trino). JSON functions from the Trino documentation "JSON functions and
 * operators" (https://trino.io/docs/current/functions/json.html): `json_extract(json, path)`,
 * `json_extract_scalar`, `json_format`, `json_parse`, and casts from JSON to ARRAY(JSON) and
 * MAP(VARCHAR, JSON); `any_match` from "Array functions" returns NULL when no element matches but
 * some predicate is NULL, hence the COALESCE; `fail` from "Conditional expressions"/"Miscellaneous".
 */
export const athenaFunctions: SqlFunctions = {
    name: "athena",
    jsonText: (v) => `json_format(${v})`,
    jsonPath: (v, path) =>
        `json_extract(${v}, ${sqlString("$" + path.map((k) => (typeof k === "number" ? `[${k}]` : `[${quotedName(k)}]`)).join(""))})`,
    jsonStringValue: (v) => `json_extract_scalar(${v}, '$')`,
    jsonArrayElements: (v) => `CAST(${v} AS ARRAY(JSON))`,
    jsonObjectValues: (v) => `map_values(CAST(${v} AS MAP(VARCHAR, JSON)))`,
    anyMatch: (list, p, predicate) => `COALESCE(any_match(${list}, ${p} -> ${predicate}), FALSE)`,
    parseJson: (text) => `json_parse(${text})`,
    regexpContains: (text, regex) => `regexp_like(${text}, ${regex})`,
    fail: (message) => `fail(${sqlString(message)})`,
    // "Date and time functions": parse_datetime takes a Joda-Time pattern; try() gives NULL for other text.
    epochSeconds: (text) => `to_unixtime(try(parse_datetime(${text}, 'yyyy-MM-dd''T''HH:mm:ss''Z''')))`,
    joinArray: (list, separator) => `array_join(${list}, ${separator})`,
};
