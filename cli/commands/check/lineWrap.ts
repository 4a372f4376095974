/** Width of the human report when stdout is not a terminal (a CI log, a file, a pipe): readable in any viewer. */
export const defaultReportWidth = 100;

/** The narrowest width wrapped to: below it a tree's indentation alone would fill the line. */
const minimumWidth = 40;

/**
 * The width to wrap the report at: `COLUMNS` of `env` (the binary passes `process.env`) when it is a whole number
 * above 0, else the terminal's (`columns`), else {@link defaultReportWidth}. POSIX, Base Definitions, chapter 8 "Environment Variables": COLUMNS is "the
 * user's preferred width in column positions for the terminal screen or window", and when set it overrides what
 * the implementation would determine; so `COLUMNS=60 trailwatch check | less` gets a report 60 columns wide.
 */
export function reportWidth(
    stream: { isTTY?: boolean; columns?: number },
    env: Record<string, string | undefined> = {},
): number {
    const preferred = /^\s*[0-9]+\s*$/.test(env.COLUMNS ?? "") ? Number(env.COLUMNS) : 0;
    const columns = preferred > 0 ? preferred : stream.isTTY ? stream.columns : undefined;
    return typeof columns === "number" && columns > 0 ? Math.max(columns, minimumWidth) : defaultReportWidth;
}

/**
 * Where a line's continuation lines start: under a tree line (`│  ├─ type  name  key=value …`) the tree's own
 * indentation with the branch continued, four spaces in; under a `label   value` line (the alert preview) the
 * value's column; otherwise four spaces in from the line's indentation.
 */
function continuationIndent(line: string): string {
    const tree = /^[ │├└─]*[├└]─ /.exec(line);
    if (tree !== null) return `${tree[0].replace(/├─ /g, "│  ").replace(/└─ /g, "   ")}    `;
    const label = /^( *[a-z][a-zA-Z ]*?\S {2,})\S/.exec(line);
    if (label !== null) return " ".repeat(label[1].length);
    return `${/^ */.exec(line)![0]}    `;
}

/**
 * `line` as lines of at most `width` characters, broken at spaces (a word longer than a line is cut), continuation
 * lines indented by {@link continuationIndent}. Nothing is dropped: joining the pieces' words gives the line back.
 */
export function wrapLine(line: string, width: number): string[] {
    if (line.length <= width) return [line];
    // An indentation that would leave less than half the line is given up for four spaces.
    const wanted = continuationIndent(line);
    const indent = wanted.length <= width / 2 ? wanted : "    ";
    const lines: string[] = [];
    // The first piece keeps the line's own indentation, a tree line its branch (`│  ├─ `): a type too long for the
    // line is then cut after its branch, not left to a line of its own with the branch alone above it.
    const start = (/^[ │├└─]*[├└]─ /.exec(line) ?? /^ */.exec(line)!)[0];
    const words = line.slice(start.length).match(/\S+ */g) ?? []; // with their spaces: runs of spaces survive
    let current = start;
    let empty = true; // nothing but indentation in `current` yet
    for (let word of words) {
        while (word.trimEnd().length > 0) {
            const room = width - current.length;
            if (word.trimEnd().length <= room) {
                current += word;
                word = "";
                empty = false;
            } else if (empty) {
                // Not even one word fits on a line of its own: cut it.
                const cut = Math.max(room, 1);
                lines.push(current + word.slice(0, cut));
                word = word.slice(cut);
                current = indent;
            } else {
                lines.push(current.trimEnd());
                current = indent;
                empty = true;
            }
        }
    }
    if (!empty) lines.push(current.trimEnd());
    return lines;
}
