/**
 * The syntax tree of a parsed filter pattern. Every node keeps the 1-based column where it starts
 * (`position`) so that later checks (the policy pack, SecurityAlarms) can point at the exact place.
 */

/** The three pattern forms CloudWatch Logs accepts. */
export type FilterPatternKind = "term" | "json" | "space-delimited";

/** The operators of a JSON or space-delimited comparison. */
export type FilterComparisonOperator = "=" | "!=" | "<" | ">" | "<=" | ">=";

/**
 * A string to compare with: quoted (`"Failed authentication"`) or bare (`ConsoleLogin`,
 * `s3.amazonaws.com`). A `*` at its start or end is a wildcard; one inside is a literal `*`.
 */
export interface FilterStringValueAst {
    readonly type: "string";
    /** The text, unquoted and unescaped. */
    readonly text: string;
    readonly quoted: boolean;
    readonly position: number;
}

/** A bare number (`400`, `-1.5`, `1e+3`): compared numerically. */
export interface FilterNumberValueAst {
    readonly type: "number";
    /** As written, so formatting keeps `1e+3` rather than `1000`. */
    readonly text: string;
    readonly value: number;
    readonly position: number;
}

/** A regular expression written between `%` signs. */
export interface FilterRegexValueAst {
    readonly type: "regex";
    /** The text between the `%` signs, as written. */
    readonly source: string;
    readonly position: number;
}

export type FilterValueAst = FilterStringValueAst | FilterNumberValueAst | FilterRegexValueAst;

/** One step of a JSON property selector after `$`. */
export type JsonSelectorStepAst =
    | { readonly type: "property"; readonly name: string; /** written `.['name']` */ readonly bracket: boolean }
    | { readonly type: "index"; readonly index: number }
    | { readonly type: "wildcard"; readonly form: ".*" | "[*]" };

/** `$.a.b[0]`, `$.*`, `$.['cluster.name']`. */
export interface JsonSelectorAst {
    /** The selector as written in the pattern. */
    readonly text: string;
    readonly steps: readonly JsonSelectorStepAst[];
    readonly position: number;
}

export type JsonExpressionAst =
    | { readonly type: "or"; readonly operands: readonly JsonExpressionAst[] }
    | { readonly type: "and"; readonly operands: readonly JsonExpressionAst[] }
    | { readonly type: "group"; readonly expression: JsonExpressionAst; readonly position: number }
    | {
          readonly type: "comparison";
          readonly selector: JsonSelectorAst;
          readonly operator: FilterComparisonOperator;
          readonly value: FilterValueAst;
      }
    | { readonly type: "is"; readonly selector: JsonSelectorAst; readonly literal: "NULL" | "TRUE" | "FALSE" }
    | { readonly type: "notExists"; readonly selector: JsonSelectorAst };

/** One term of a term pattern: `ERROR`, `"exact phrase"`, `?optional`, `-excluded`, or a `%regex%`. */
export interface FilterTermAst {
    readonly mode: "include" | "exclude" | "optional";
    readonly value: FilterStringValueAst | FilterRegexValueAst;
    readonly position: number;
}

/** A condition inside one field of a space-delimited pattern: `status_code = 404 || status_code = 410`. */
export type SpaceDelimitedConditionAst =
    | { readonly type: "or"; readonly operands: readonly SpaceDelimitedConditionAst[] }
    | { readonly type: "and"; readonly operands: readonly SpaceDelimitedConditionAst[] }
    | {
          readonly type: "comparison";
          /** The field the comparison reads; any field named in the pattern. */
          readonly field: string;
          readonly operator: FilterComparisonOperator;
          readonly value: FilterValueAst;
          readonly position: number;
      };

export type SpaceDelimitedFieldAst =
    | { readonly type: "ellipsis"; readonly position: number }
    | {
          readonly type: "field";
          /** The field's name; empty for the unnamed last field that a trailing comma (`[a, b,]`) adds. */
          readonly name: string;
          readonly condition?: SpaceDelimitedConditionAst;
          readonly position: number;
      };

export interface TermPatternAst {
    readonly kind: "term";
    /** Empty for the empty pattern, which matches every event. */
    readonly terms: readonly FilterTermAst[];
}

export interface JsonPatternAst {
    readonly kind: "json";
    readonly expression: JsonExpressionAst;
}

export interface SpaceDelimitedPatternAst {
    readonly kind: "space-delimited";
    readonly fields: readonly SpaceDelimitedFieldAst[];
}

export type FilterPatternAst = TermPatternAst | JsonPatternAst | SpaceDelimitedPatternAst;
