import type {
    FilterComparisonOperator,
    FilterPatternAst,
    FilterValueAst,
    JsonExpressionAst,
    JsonSelectorAst,
    JsonSelectorStepAst,
    WildcardText,
} from "@trailwatch/components/catalogue";
import { compileWildcardString, parseWildcardText } from "@trailwatch/components/catalogue";
import { CLOUDTRAIL_TABLE_COLUMNS, CloudTrailColumn } from "./cloudTrailTable";
import { athenaFunctions, duckdbFunctions, SqlFunctions, sqlString } from "./sqlFunctions";

/*
 * Filter pattern -> SQL predicate, with the evaluator (components/src/filterPattern:
 * evaluateJsonPattern.ts, jsonSelector.ts, valueTests.ts) as the meaning to reproduce:
 *
 * - A selector walks own members and array elements; anything it does not find is MISSING, and
 *   keys are compared exactly (`$.a` never finds `A`). A wildcard (`[*]` over an array's
 *   elements, `.*` over an object's member values) holds when the rest holds for one of them.
 * - `= "text"` (with `*` at either end as a wildcard) compares the value's text: a string as is,
 *   `true`/`false` for booleans, JavaScript's String(number) for numbers; null, objects, arrays and
 *   MISSING never satisfy a comparison, `=` and `!=` alike.
 * - `op NUMBER` compares numerically with a JSON number or with a string that is itself a NUMBER.
 * - IS NULL/TRUE/FALSE hold for exactly that JSON literal; NOT EXISTS for MISSING only.
 * Every predicate is two-valued (never SQL NULL), so NOT, AND and OR mean what they mean in the
 * evaluator. What SQL cannot say the same way is refused with the pattern position, except one case
 * that depends on the data: the text of a non-integer JSON number under a string comparison (SQL
 * engines print 1.5e-7 and 1000.0 differently from JavaScript) stops the query with an error rather
 * than answer differently.
 */

/** The pattern cannot be translated faithfully; `position` is the 1-based column in the pattern. */
export class SqlTranslationError extends Error {
    constructor(
        readonly position: number,
        readonly reason: string,
    ) {
        super(`position ${position}: ${reason}`);
        this.name = "SqlTranslationError";
    }
}

/** Where records come from: one JSON value per record, or the columns of Athena's CloudTrail table. */
export type SqlRecordShape = "json-records" | "cloudtrail-table";

/** A dialect: the function map, and the shape of the records the query reads. */
export interface SqlDialect {
    readonly name: string;
    readonly functions: SqlFunctions;
    readonly records: SqlRecordShape;
}

/** DuckDB over the archive files: each record a JSON value. */
export const DUCKDB_DIALECT: SqlDialect = { name: "duckdb", functions: duckdbFunctions, records: "json-records" };

/** Athena (Trino) over the CloudTrail table. */
export const ATHENA_DIALECT: SqlDialect = { name: "athena", functions: athenaFunctions, records: "cloudtrail-table" };

/** The evaluator's NUMBER (parseValue.ts), anchored at both ends of the text (`\A`, `\z`: RE2 and Joni alike). */
const NUMBER_REGEX = "\\A[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?\\z";

/** Integers up to this magnitude print the same in SQL as in JavaScript. */
const EXACT_INTEGER_LIMIT = "9007199254740992";

/** A value a selector picked out, as SQL: its expression is NULL when the selector found nothing. */
type Selected =
    /** A JSON value. */
    | { kind: "json"; sql: string }
    /** A VARCHAR holding what was a JSON string in the record. */
    | { kind: "string"; sql: string; what: string }
    /** A VARCHAR holding `true` / `false`, what was a JSON boolean in the record. */
    | { kind: "boolean"; sql: string; what: string };

type Test = (value: Selected) => string;

/** The SQL test of a non-NULL VARCHAR against wildcard text. */
function wildcardSql(w: WildcardText, s: string): string {
    if (w.core === "") return w.leading || w.trailing ? "TRUE" : `(${s} = '')`;
    if (!w.leading && !w.trailing) return `(${s} = ${sqlString(w.core)})`;
    const escaped = w.core.replace(/[\\%_]/g, (c) => `\\${c}`);
    return `(${s} LIKE ${sqlString(`${w.leading ? "%" : ""}${escaped}${w.trailing ? "%" : ""}`)} ESCAPE '\\')`;
}

/** Whether some JavaScript number's text (digits, sign, point, exponent, Infinity) could match. */
function couldMatchNumberText(w: WildcardText): boolean {
    return /^[0-9.eE+\-Infity]*$/.test(w.core);
}

class Translator {
    private readonly f: SqlFunctions;
    private lambdaDepth = 0;

    constructor(
        private readonly dialect: SqlDialect,
        private readonly record: string,
    ) {
        this.f = dialect.functions;
    }

    expression(e: JsonExpressionAst): string {
        switch (e.type) {
            case "or":
                return `(${e.operands.map((o) => this.expression(o)).join(" OR ")})`;
            case "and":
                return `(${e.operands.map((o) => this.expression(o)).join(" AND ")})`;
            case "group":
                return this.expression(e.expression);
            case "comparison":
                return this.root(e.selector, (v) => this.comparison(v, e.operator, e.value));
            case "is":
                return this.root(e.selector, (v) => this.isLiteral(v, e.literal, e.selector));
            case "notExists":
                return `(NOT ${this.root(e.selector, (v) => `(${v.sql} IS NOT NULL)`)})`;
        }
    }

    /** Resolves a selector from the record: the whole path in a JSON record, or table columns first. */
    private root(selector: JsonSelectorAst, test: Test): string {
        for (const step of selector.steps) {
            // DuckDB reads `$."*"` as its wildcard over member values, not the member named `*` ("JSON Processing
            // Functions", https://duckdb.org/docs/stable/data/json/json_functions: "$.*" and quoted keys).
            if (step.type === "property" && step.name === "*") {
                throw new SqlTranslationError(
                    selector.position,
                    `${selector.text}: a property named * reads as a wildcard in DuckDB's JSON path`,
                );
            }
            if (step.type === "property" && /["\\]/.test(step.name)) {
                throw new SqlTranslationError(
                    selector.position,
                    `${selector.text}: a property name holding " or \\ has no JSON path both SQL engines read alike`,
                );
            }
            if (step.type === "index" && step.index > 2147483647) {
                throw new SqlTranslationError(selector.position, `${selector.text}: array index out of range`);
            }
        }
        if (this.dialect.records === "json-records") return this.selection(this.record, selector.steps, test);
        return this.tableSelection(selector, test);
    }

    private tableSelection(selector: JsonSelectorAst, test: Test): string {
        const refuse = (reason: string): never => {
            throw new SqlTranslationError(selector.position, `${selector.text}: ${reason}`);
        };
        let fields: Readonly<Record<string, CloudTrailColumn>> = CLOUDTRAIL_TABLE_COLUMNS;
        let sql = "";
        let where = "$";
        for (let i = 0; i < selector.steps.length; i++) {
            const step = selector.steps[i];
            if (step.type !== "property") {
                return refuse(
                    `the Athena CloudTrail table has ${where === "$" ? "no column for the record itself" : `a STRUCT at ${where}`}, not a JSON value to apply ${step.type === "index" ? "an index" : "a wildcard"} to`,
                );
            }
            const column = Object.hasOwn(fields, step.name) ? fields[step.name] : undefined;
            where += `.${step.name}`;
            if (column === undefined) {
                const other = Object.keys(fields).find((k) => k.toLowerCase() === step.name.toLowerCase());
                return refuse(
                    other !== undefined
                        ? `CloudTrail spells this field ${other}; the Athena table's column names ignore case, so it cannot tell ${where} from the field CloudTrail writes`
                        : `the Athena CloudTrail table has no column for ${where}`,
                );
            }
            sql = sql === "" ? column.column : `${sql}.${column.column}`;
            const rest = selector.steps.slice(i + 1);
            switch (column.kind) {
                case "struct":
                    fields = column.fields;
                    if (rest.length === 0)
                        refuse(`${where} is a STRUCT in the Athena CloudTrail table, not a value to test`);
                    continue;
                case "json":
                    if (rest.length === 0) {
                        return refuse(
                            `${where} is stored as JSON text in the Athena CloudTrail table, which cannot tell an absent field from null; select a field inside it`,
                        );
                    }
                    return this.selection(this.f.parseJson(sql), rest, test);
                case "string":
                case "boolean":
                    if (rest.length > 0) refuse(`${where} is a plain STRING column in the Athena CloudTrail table`);
                    return test({ kind: column.kind, sql, what: where });
                case "unsupported":
                    return refuse(`${where} is not translated for the Athena CloudTrail table: ${column.why}`);
            }
        }
        return refuse("empty selector");
    }

    /** compileSelection of jsonSelector.ts: a path, then for a wildcard "any element / member value". */
    private selection(base: string, steps: readonly JsonSelectorStepAst[], test: Test): string {
        const w = steps.findIndex((s) => s.type === "wildcard");
        const path = (part: readonly JsonSelectorStepAst[]): string =>
            part.length === 0
                ? base
                : this.f.jsonPath(
                      base,
                      part.map((s) => (s.type === "index" ? s.index : s.type === "property" ? s.name : "")),
                  );
        if (w < 0) return test({ kind: "json", sql: path(steps) });
        const before = path(steps.slice(0, w));
        const wildcard = steps[w] as Extract<JsonSelectorStepAst, { type: "wildcard" }>;
        const p = `x${++this.lambdaDepth}`;
        const inner = this.selection(p, steps.slice(w + 1), test);
        this.lambdaDepth--;
        const kind = wildcard.form === "[*]" ? "[" : "{";
        const list = wildcard.form === "[*]" ? this.f.jsonArrayElements(before) : this.f.jsonObjectValues(before);
        // The CASE keeps Athena from casting a non-array (non-object) to ARRAY (MAP), which fails.
        return `(CASE WHEN substr(${this.f.jsonText(before)}, 1, 1) = '${kind}' THEN ${this.f.anyMatch(list, p, inner)} ELSE FALSE END)`;
    }

    private isLiteral(v: Selected, literal: "NULL" | "TRUE" | "FALSE", selector: JsonSelectorAst): string {
        const word = literal.toLowerCase();
        if (v.kind === "json") return `COALESCE(${this.f.jsonText(v.sql)} = '${word}', FALSE)`;
        if (v.kind === "boolean" && literal !== "NULL") return `COALESCE(${v.sql} = '${word}', FALSE)`;
        throw new SqlTranslationError(
            selector.position,
            v.kind === "boolean"
                ? `${v.what} IS NULL: the Athena CloudTrail table stores an absent ${v.what} and a null one alike`
                : `${v.what} IS ${literal}: CloudTrail documents ${v.what} as a string, and the Athena CloudTrail table keeps only its text`,
        );
    }

    private comparison(v: Selected, op: FilterComparisonOperator, value: FilterValueAst): string {
        if (value.type === "regex") {
            throw new SqlTranslationError(
                value.position,
                "regular expressions are not translated to SQL (CloudWatch's regex dialect has no exact equivalent in both engines)",
            );
        }
        if (value.type === "number") return this.numberComparison(v, op, value.value, value.position);
        const w = parseWildcardText(value.text);
        const matches = compileWildcardString(value.text);
        const negate = op === "!=";
        const test = (s: string): string => (negate ? `(NOT ${wildcardSql(w, s)})` : wildcardSql(w, s));
        const constant = (s: string): string => (matches(s) !== negate ? "TRUE" : "FALSE");
        switch (v.kind) {
            case "string":
                // `= *` holds for any text, so its test does not read the column: an absent field (NULL) must
                // still fail it, as MISSING fails every comparison in the evaluator.
                if (w.core === "" && (w.leading || w.trailing)) return negate ? "FALSE" : `(${v.sql} IS NOT NULL)`;
                return `COALESCE(${test(v.sql)}, FALSE)`;
            case "boolean":
                return `COALESCE(CASE ${v.sql} WHEN 'true' THEN ${constant("true")} WHEN 'false' THEN ${constant("false")} ELSE FALSE END, FALSE)`;
            case "json": {
                const text = this.f.jsonText(v.sql);
                const numberBranch = couldMatchNumberText(w)
                    ? test(this.integerText(v.sql))
                    : negate
                      ? "TRUE"
                      : "FALSE";
                // A missing value (NULL text) must not reach the ELSE branch, which is for numbers.
                return (
                    `COALESCE(CASE COALESCE(substr(${text}, 1, 1), '') WHEN '' THEN FALSE` +
                    ` WHEN '"' THEN ${test(this.f.jsonStringValue(v.sql))}` +
                    ` WHEN 't' THEN ${constant("true")} WHEN 'f' THEN ${constant("false")}` +
                    ` WHEN 'n' THEN FALSE WHEN '{' THEN FALSE WHEN '[' THEN FALSE` +
                    ` ELSE ${numberBranch} END, FALSE)`
                );
            }
        }
    }

    /** String(number) for integers SQL prints as JavaScript does; any other number stops the query. */
    private integerText(json: string): string {
        const d = `CAST(${json} AS DOUBLE)`;
        return (
            `(CASE WHEN ${d} = floor(${d}) AND abs(${d}) <= ${EXACT_INTEGER_LIMIT}` +
            ` THEN CAST(CAST(${d} AS BIGINT) AS VARCHAR)` +
            ` ELSE ${this.f.fail("trailwatch: a string comparison met a non-integer JSON number, whose text SQL does not print as CloudWatch does")} END)`
        );
    }

    private numberComparison(v: Selected, op: FilterComparisonOperator, n: number, position: number): string {
        if (!Number.isFinite(n)) {
            throw new SqlTranslationError(position, `the number ${String(n)} is outside what SQL compares exactly`);
        }
        const sqlOp = op === "!=" ? "<>" : op;
        const literal = `CAST(${sqlString(String(n))} AS DOUBLE)`;
        // TRY_CAST although the CASE already lets only NUMBER text through: DuckDB evaluates the cast of a STRUCT
        // field for every row whatever the CASE says, and stops on the first non-number ("Could not convert string
        // 'ANONYMOUS_PRINCIPAL' to DOUBLE"). TRY_CAST is the same text in both engines (DuckDB "Casting":
        // https://duckdb.org/docs/stable/sql/expressions/cast; Trino "Conversion functions": try_cast).
        const fromText = (s: string): string =>
            `(CASE WHEN ${this.f.regexpContains(s, sqlString(NUMBER_REGEX))} THEN TRY_CAST(${s} AS DOUBLE) END)`;
        switch (v.kind) {
            case "string":
                return `COALESCE(${fromText(v.sql)} ${sqlOp} ${literal}, FALSE)`;
            case "boolean":
                return "FALSE"; // a boolean is never a number (numericValue gives NaN)
            case "json": {
                const text = this.f.jsonText(v.sql);
                const numeric =
                    `(CASE COALESCE(substr(${text}, 1, 1), '') WHEN '' THEN NULL WHEN '"' THEN ${fromText(this.f.jsonStringValue(v.sql))}` +
                    ` WHEN 't' THEN NULL WHEN 'f' THEN NULL WHEN 'n' THEN NULL WHEN '{' THEN NULL WHEN '[' THEN NULL` +
                    ` ELSE CAST(${v.sql} AS DOUBLE) END)`;
                return `COALESCE(${numeric} ${sqlOp} ${literal}, FALSE)`;
            }
        }
    }
}

/**
 * Translates a parsed filter pattern into a SQL predicate that is true exactly for the records the
 * evaluator matches. `record` is the SQL expression of the record (a JSON value) for
 * `json-records`; the table's columns are used for `cloudtrail-table`.
 *
 * @throws {@link SqlTranslationError} for what cannot be translated faithfully.
 */
export function translateFilterPattern(ast: FilterPatternAst, dialect: SqlDialect, record = "record"): string {
    if (ast.kind !== "json") {
        throw new SqlTranslationError(
            1,
            `only JSON patterns ({ ... }) are translated to SQL; a ${ast.kind} pattern matches the event's text as CloudWatch Logs receives it`,
        );
    }
    return new Translator(dialect, record).expression(ast.expression);
}
