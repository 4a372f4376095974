// TEMPORARY stand-in for @trailwatch/components' parseFilterPattern until it lands: JSON patterns
// with =, !=, NOT EXISTS, &&, ||, parentheses and * wildcards only. Deleted when the real one lands.

export interface FilterPattern {
    readonly text: string;
    readonly kind: "term" | "json" | "space-delimited";
    matches(event: string | object): boolean;
}

export class FilterPatternError extends Error {
    constructor(
        readonly position: number,
        readonly reason: string,
    ) {
        super(`${reason} at position ${position}`);
    }
}

type Node = (e: object) => boolean;

export function parseFilterPattern(text: string): FilterPattern {
    const tokens =
        text.match(/\$\.[\w.[\]-]+|"(?:[^"\\]|\\.)*"|&&|\|\||!=|=|\(|\)|\{|\}|NOT EXISTS|[^\s(){}=!&|"]+/g) ?? [];
    let i = 0;
    const peek = (): string | undefined => tokens[i];
    const next = (): string => {
        if (i >= tokens.length) throw new FilterPatternError(text.length, "unexpected end");
        return tokens[i++];
    };
    const expect = (t: string): void => {
        if (next() !== t) throw new FilterPatternError(0, `expected ${t}`);
    };
    function or(): Node {
        let left = and();
        while (peek() === "||") {
            next();
            const l = left;
            const r = and();
            left = (e) => l(e) || r(e);
        }
        return left;
    }
    function and(): Node {
        let left = primary();
        while (peek() === "&&") {
            next();
            const l = left;
            const r = primary();
            left = (e) => l(e) && r(e);
        }
        return left;
    }
    function primary(): Node {
        if (peek() === "(") {
            next();
            const n = or();
            expect(")");
            return n;
        }
        const sel = next();
        if (!sel.startsWith("$.")) throw new FilterPatternError(0, `expected a selector, got ${sel}`);
        const keys = sel.slice(2).split(".");
        const get = (e: object): unknown => {
            let v: unknown = e;
            for (const k of keys) {
                if (typeof v !== "object" || v === null) return undefined;
                v = (v as Record<string, unknown>)[k];
            }
            return v;
        };
        const op = next();
        if (op === "NOT EXISTS") return (e) => get(e) === undefined;
        let raw = next();
        if (raw.startsWith('"')) raw = JSON.parse(raw) as string;
        const re = new RegExp(
            `^${raw
                .split("*")
                .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
                .join(".*")}$`,
        );
        const eq = (e: object): boolean => {
            const v = get(e);
            return (typeof v === "string" || typeof v === "number" || typeof v === "boolean") && re.test(String(v));
        };
        if (op === "=") return eq;
        if (op === "!=")
            return (e) => {
                const v = get(e);
                return (typeof v === "string" || typeof v === "number" || typeof v === "boolean") && !eq(e);
            };
        throw new FilterPatternError(0, `unsupported operator ${op}`);
    }
    expect("{");
    const node = or();
    expect("}");
    return {
        text,
        kind: "json",
        matches: (event) => node(typeof event === "string" ? (JSON.parse(event) as object) : event),
    };
}
