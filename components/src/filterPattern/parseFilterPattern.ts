import { FilterPatternAst, FilterPatternKind } from "./ast";
import { compileJsonExpression } from "./evaluateJsonPattern";
import { compileSpaceDelimitedPattern } from "./evaluateSpaceDelimitedPattern";
import { compileTermPattern } from "./evaluateTermPattern";
import { eventAsJsonObject, eventAsText } from "./eventInput";
import { FilterPatternError } from "./filterPatternError";
import { MAX_FILTER_PATTERN_LENGTH } from "./limits";
import { parseJsonPattern } from "./parseJsonPattern";
import { parseSpaceDelimitedPattern } from "./parseSpaceDelimitedPattern";
import { parseTermPattern } from "./parseTermPattern";
import { isWhitespace, PatternScanner } from "./patternScanner";

/** A parsed, validated and compiled CloudWatch Logs filter pattern. */
export interface FilterPattern {
    /** The pattern exactly as given. */
    readonly text: string;
    /** `json` for `{...}`, `space-delimited` for `[...]`, `term` otherwise (including a lone `%regex%`). */
    readonly kind: FilterPatternKind;
    /** The syntax tree, for tools that inspect patterns (formatting, policies). */
    readonly ast: FilterPatternAst;
    /**
     * Regular expressions in the pattern. CloudWatch Logs allows at most 5 regex-containing
     * patterns per log group (metric and subscription filters together), a check across patterns.
     */
    readonly regexCount: number;
    /** Property selectors with a wildcard (`.*`, `[*]`); at most 3 per pattern. */
    readonly wildcardSelectorCount: number;
    /** Accepted but probably not what was meant (e.g. ?terms that CloudWatch ignores). */
    readonly warnings: readonly string[];
    /**
     * Whether CloudWatch Logs would count this event. `event` is the raw log event message, or an
     * already-parsed JSON event object (as the backtest has from CloudTrail files); the message text
     * is derived with JSON.stringify only if the pattern needs text. Events are not modified, and
     * must not be modified between calls (the last conversion is cached).
     */
    matches(event: string | object): boolean;
}

/**
 * Parses a CloudWatch Logs filter pattern (metric filters, subscription filters, FilterLogEvents),
 * rejecting what CloudWatch Logs rejects, and compiles it for fast evaluation.
 *
 * @throws {@link FilterPatternError} with the 1-based column and the reason.
 */
export function parseFilterPattern(text: string): FilterPattern {
    if (typeof text !== "string") throw new FilterPatternError(1, "the pattern must be a string");
    if (text.length > MAX_FILTER_PATTERN_LENGTH) {
        throw new FilterPatternError(
            MAX_FILTER_PATTERN_LENGTH + 1,
            `the pattern is ${text.length} characters long; CloudWatch Logs accepts at most ${MAX_FILTER_PATTERN_LENGTH}`,
        );
    }
    const scanner = new PatternScanner(text);
    const first = firstNonBlank(text);
    const ast: FilterPatternAst =
        first === "{"
            ? parseJsonPattern(scanner)
            : first === "["
              ? parseSpaceDelimitedPattern(scanner)
              : parseTermPattern(scanner);
    return new CompiledFilterPattern(text, ast, scanner);
}

function firstNonBlank(text: string): string {
    for (let i = 0; i < text.length; i++) {
        if (!isWhitespace(text.charAt(i))) return text.charAt(i);
    }
    return "";
}

class CompiledFilterPattern implements FilterPattern {
    readonly kind: FilterPatternKind;
    readonly regexCount: number;
    readonly wildcardSelectorCount: number;
    readonly warnings: readonly string[];
    readonly matches: (event: string | object) => boolean;

    constructor(
        readonly text: string,
        readonly ast: FilterPatternAst,
        scanner: PatternScanner,
    ) {
        this.kind = ast.kind;
        this.regexCount = scanner.regexCount;
        this.wildcardSelectorCount = scanner.wildcardSelectorCount;
        this.warnings = Object.freeze([...scanner.warnings]);
        // A closure rather than a method so `events.filter(pattern.matches)` works unbound.
        switch (ast.kind) {
            case "json": {
                const test = compileJsonExpression(ast.expression);
                this.matches = (event) => {
                    // JSON patterns never match an event that is not a JSON object.
                    const root = eventAsJsonObject(event);
                    return root !== undefined && test(root);
                };
                break;
            }
            case "space-delimited": {
                const test = compileSpaceDelimitedPattern(ast);
                this.matches = (event) => test(eventAsText(event));
                break;
            }
            case "term": {
                const test = compileTermPattern(ast);
                this.matches = (event) => test(eventAsText(event));
                break;
            }
        }
    }
}
