import { FilterPatternError } from "./filterPatternError";
import { MAX_REGEXES_PER_FILTER_PATTERN } from "./limits";

/**
 * A cursor over the pattern text shared by the three parsers, plus what the whole pattern has
 * used so far (regexes, wildcard selectors) because CloudWatch's quotas count per pattern.
 * Indexes are 0-based inside; every error and AST position is reported 1-based.
 */
export class PatternScanner {
    index = 0;
    regexCount = 0;
    wildcardSelectorCount = 0;
    readonly warnings: string[] = [];

    constructor(readonly text: string) {}

    get atEnd(): boolean {
        return this.index >= this.text.length;
    }

    peek(offset = 0): string {
        return this.text.charAt(this.index + offset);
    }

    startsWith(s: string): boolean {
        return this.text.startsWith(s, this.index);
    }

    skipWhitespace(): void {
        while (this.index < this.text.length && isWhitespace(this.text.charAt(this.index))) this.index++;
    }

    /** Throws a {@link FilterPatternError} at a 0-based index. */
    fail(index: number, reason: string): never {
        throw new FilterPatternError(index + 1, reason);
    }

    /** A short quote of what is at `index`, for "found ..." in error messages. */
    describeAt(index: number): string {
        if (index >= this.text.length) return "the end of the pattern";
        let end = index;
        while (end < this.text.length && !isWhitespace(this.text.charAt(end)) && end - index < 20) end++;
        if (end === index) end = index + 1;
        return JSON.stringify(this.text.slice(index, end));
    }

    /**
     * Reads a double-quoted string starting at the current `"`. `\"` and `\\` are escapes; any
     * other backslash is kept literally, since patterns quote Windows paths and regex-like text.
     */
    readQuoted(): { text: string; start: number } {
        const start = this.index;
        let text = "";
        let i = start + 1;
        while (i < this.text.length) {
            const c = this.text.charAt(i);
            if (c === '"') {
                this.index = i + 1;
                return { text, start };
            }
            if (c === "\\" && (this.text.charAt(i + 1) === '"' || this.text.charAt(i + 1) === "\\")) {
                text += this.text.charAt(i + 1);
                i += 2;
                continue;
            }
            text += c;
            i++;
        }
        return this.fail(start, 'unbalanced quotes: this " is never closed');
    }

    /** Reads `%...%` starting at the current `%`, counting it against the per-pattern quota. */
    readRegexSource(): { source: string; start: number } {
        const start = this.index;
        const end = this.text.indexOf("%", start + 1);
        if (end < 0) this.fail(start, "unbalanced %: this regular expression is never closed with %");
        if (end === start + 1) this.fail(start, "empty regular expression %%");
        this.regexCount++;
        if (this.regexCount > MAX_REGEXES_PER_FILTER_PATTERN) {
            this.fail(
                start,
                `too many regular expressions: CloudWatch Logs allows at most ${MAX_REGEXES_PER_FILTER_PATTERN} in one filter pattern`,
            );
        }
        this.index = end + 1;
        return { source: this.text.slice(start + 1, end), start };
    }
}

export function isWhitespace(c: string): boolean {
    return c === " " || c === "\t" || c === "\n" || c === "\r";
}

export function isAsciiAlphanumeric(c: string): boolean {
    return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9");
}
