import { JsonSelectorStepAst } from "./ast";
import { MISSING } from "./valueTests";

/*
 * Property selectors compiled once into plain loops over precomputed keys: no string splitting,
 * no allocation per event. A wildcard (`[*]` over array elements, `.*` over an object's own values)
 * selects several values; the comparison holds when it holds for any of them.
 */

type Key = string | number;

/** Walks a selector without wildcards; returns MISSING when a step does not exist. */
export function compileGetter(steps: readonly JsonSelectorStepAst[]): (root: unknown) => unknown {
    const keys: Key[] = steps.map((s) => {
        if (s.type === "wildcard") throw new Error("compileGetter: wildcard step");
        return s.type === "index" ? s.index : s.name;
    });
    // Keys such as "constructor" would otherwise be found on Object.prototype.
    const inherited = keys.map((k) => typeof k === "string" && k in Object.prototype);
    const n = keys.length;
    if (keys.every((k, i) => typeof k === "string" && !inherited[i])) return compilePropertyPath(keys as string[]);
    return (root) => {
        let v: unknown = root;
        for (let i = 0; i < n; i++) {
            const k = keys[i];
            if (typeof k === "number") {
                if (!Array.isArray(v) || k >= v.length) return MISSING;
                v = v[k];
            } else {
                if (v === null || typeof v !== "object" || Array.isArray(v)) return MISSING;
                const o = v as Record<string, unknown>;
                if (inherited[i] && !Object.prototype.hasOwnProperty.call(o, k)) return MISSING;
                v = o[k];
                if (v === undefined) return MISSING;
            }
        }
        return v;
    };
}

function property(v: unknown, key: string): unknown {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return MISSING;
    const x = (v as Record<string, unknown>)[key];
    return x === undefined ? MISSING : x;
}

/** The common case, `$.a.b.c` with plain names: unrolled for short paths, which CloudTrail rules use. */
function compilePropertyPath(keys: string[]): (root: unknown) => unknown {
    const [k0, k1, k2] = keys;
    switch (keys.length) {
        case 1:
            return (root) => property(root, k0);
        case 2:
            return (root) => {
                const a = property(root, k0);
                return a === MISSING ? a : property(a, k1);
            };
        case 3:
            return (root) => {
                const a = property(root, k0);
                if (a === MISSING) return a;
                const b = property(a, k1);
                return b === MISSING ? b : property(b, k2);
            };
        default:
            return (root) => {
                let v: unknown = root;
                for (let i = 0; i < keys.length && v !== MISSING; i++) v = property(v, keys[i]);
                return v;
            };
    }
}

/**
 * Compiles "does `test` hold for a value this selector picks out of the event". `test` receives
 * MISSING when a selector without wildcard finds nothing.
 */
export function compileSelection(
    steps: readonly JsonSelectorStepAst[],
    test: (value: unknown) => boolean,
): (root: unknown) => boolean {
    const w = steps.findIndex((s) => s.type === "wildcard");
    if (w < 0) {
        const get = compileGetter(steps);
        return (root) => test(get(root));
    }
    const before = compileGetter(steps.slice(0, w));
    const rest = compileSelection(steps.slice(w + 1), test);
    const wildcard = steps[w] as Extract<JsonSelectorStepAst, { type: "wildcard" }>;
    if (wildcard.form === "[*]") {
        return (root) => {
            const a = before(root);
            if (!Array.isArray(a)) return false;
            for (let i = 0; i < a.length; i++) if (rest(a[i])) return true;
            return false;
        };
    }
    return (root) => {
        const o = before(root);
        if (o === null || typeof o !== "object" || Array.isArray(o)) return false;
        for (const k in o) {
            if (Object.prototype.hasOwnProperty.call(o, k) && rest((o as Record<string, unknown>)[k])) return true;
        }
        return false;
    };
}
