/**
 * The part of Java's `SimpleDateFormat` that Opsgenie's `toDate(format)` documents using ("Time format argument
 * should follow the Java's Simple Date formatting pattern"), always in GMT (Opsgenie's documented default zone).
 */

/** A pattern letter or quoted text `SimpleDateFormat` would reject, or one this renderer does not implement. */
export class JavaDateFormatError extends Error {
    constructor(
        /** 0-based index in the pattern. */
        public readonly index: number,
        public readonly reason: string,
    ) {
        super(reason);
        this.name = "JavaDateFormatError";
    }
}

type FormatToken = { literal: string } | { letter: string; count: number };

/** Opsgenie's default format for `toDate()`. */
export const defaultJavaDateFormat = "yyyy-MM-dd HH:mm:ss ZZZ";

const supportedLetters = "GyYMLdDEuaHkKhmsSzZX";
const monthNames = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Splits a `SimpleDateFormat` pattern into letters and literal text; throws on what Java would reject. */
export function compileJavaDateFormat(pattern: string): FormatToken[] {
    const tokens: FormatToken[] = [];
    let i = 0;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === "'") {
            if (pattern[i + 1] === "'") {
                tokens.push({ literal: "'" });
                i += 2;
                continue;
            }
            const end = pattern.indexOf("'", i + 1);
            if (end < 0) throw new JavaDateFormatError(i, "unterminated quote in the date format");
            // Inside quotes, '' is one quote.
            let text = pattern.slice(i + 1, end);
            let next = end + 1;
            while (pattern[next] === "'") {
                const more = pattern.indexOf("'", next + 1);
                if (more < 0) throw new JavaDateFormatError(i, "unterminated quote in the date format");
                text += `'${pattern.slice(next + 1, more)}`;
                next = more + 1;
            }
            tokens.push({ literal: text });
            i = next;
            continue;
        }
        if (/[A-Za-z]/.test(c)) {
            if (!supportedLetters.includes(c)) {
                throw new JavaDateFormatError(
                    i,
                    `"${c}" is not a date format letter this renderer knows (supported: ${supportedLetters.split("").join(" ")}; quote literal text with '…')`,
                );
            }
            let count = 1;
            while (pattern[i + count] === c) count++;
            tokens.push({ letter: c, count });
            i += count;
            continue;
        }
        tokens.push({ literal: c });
        i++;
    }
    return tokens;
}

function pad(value: number, width: number): string {
    return String(value).padStart(width, "0");
}

/** Formats `date` in GMT with a compiled pattern, as `SimpleDateFormat` with the GMT time zone would. */
export function formatJavaDate(date: Date, tokens: FormatToken[]): string {
    return tokens
        .map((t) => {
            if ("literal" in t) return t.literal;
            const n = t.count;
            switch (t.letter) {
                case "G":
                    return date.getUTCFullYear() > 0 ? "AD" : "BC";
                case "y":
                case "Y":
                    return n === 2 ? pad(date.getUTCFullYear() % 100, 2) : pad(date.getUTCFullYear(), n);
                case "M":
                case "L":
                    if (n >= 4) return monthNames[date.getUTCMonth()];
                    if (n === 3) return monthNames[date.getUTCMonth()].slice(0, 3);
                    return pad(date.getUTCMonth() + 1, n);
                case "d":
                    return pad(date.getUTCDate(), n);
                case "D": {
                    const start = Date.UTC(date.getUTCFullYear(), 0, 1);
                    return pad(Math.floor((date.getTime() - start) / 86400000) + 1, n);
                }
                case "E":
                    return n >= 4 ? dayNames[date.getUTCDay()] : dayNames[date.getUTCDay()].slice(0, 3);
                case "u":
                    return pad(date.getUTCDay() === 0 ? 7 : date.getUTCDay(), n);
                case "a":
                    return date.getUTCHours() < 12 ? "AM" : "PM";
                case "H":
                    return pad(date.getUTCHours(), n);
                case "k":
                    return pad(date.getUTCHours() === 0 ? 24 : date.getUTCHours(), n);
                case "K":
                    return pad(date.getUTCHours() % 12, n);
                case "h":
                    return pad(date.getUTCHours() % 12 === 0 ? 12 : date.getUTCHours() % 12, n);
                case "m":
                    return pad(date.getUTCMinutes(), n);
                case "s":
                    return pad(date.getUTCSeconds(), n);
                case "S":
                    // SimpleDateFormat counts milliseconds, it does not print a fraction: "S" of .205 is "205".
                    return pad(date.getUTCMilliseconds(), n);
                case "z":
                    return n >= 4 ? "Greenwich Mean Time" : "GMT";
                case "Z":
                    return "+0000";
                case "X":
                    return "Z";
                default:
                    // compileJavaDateFormat admits only the letters handled above.
                    throw new Error(`unhandled date format letter ${t.letter}`);
            }
        })
        .join("");
}

/**
 * Reads a timestamp as `toDate()` is given one: epoch milliseconds (how Opsgenie represents times) or an ISO 8601
 * date-time as SNS (`2023-02-18T16:43:21.290Z`) and CloudWatch (`2023-02-18T16:43:21.231+0000`) write them.
 * Returns undefined for anything else.
 */
export function parseTimestamp(text: string): Date | undefined {
    const trimmed = text.trim();
    if (/^\d{1,15}$/.test(trimmed)) return new Date(Number(trimmed));
    const iso = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(Z|[+-]\d{2}:?\d{2})$/.exec(trimmed);
    if (iso === null) return undefined;
    const zone = iso[3] === "Z" ? "Z" : `${iso[3].slice(0, 3)}:${iso[3].slice(-2)}`;
    const date = new Date(`${iso[1]}T${iso[2].replace(/(\.\d{3})\d+$/, "$1")}${zone}`);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
