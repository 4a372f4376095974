/**
 * A malformed Opsgenie template (or one the renderer cannot evaluate faithfully), with where the problem is and the
 * reason in words. Templates are often several lines (alert descriptions), so the position is a line and a column.
 *
 * The message is `line <line>, column <column>: <reason>` so that whoever shows it (`trailwatch render`, the stack
 * configuration, a test) can prefix their own context.
 */
export class OpsgenieTemplateError extends Error {
    /** 0-based offset of the problem in the template text. */
    readonly offset: number;
    /** 1-based line of the problem. */
    readonly line: number;
    /** 1-based column (in characters) of the problem within its line. */
    readonly column: number;
    /** What is wrong, without the position. */
    readonly reason: string;

    constructor(template: string, offset: number, reason: string) {
        const { line, column } = lineAndColumn(template, offset);
        super(`line ${line}, column ${column}: ${reason}`);
        this.name = "OpsgenieTemplateError";
        this.offset = offset;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }
}

/** The 1-based line and column of a 0-based offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf("\n") + 1;
    return { line: before.split("\n").length, column: offset - lineStart + 1 };
}
