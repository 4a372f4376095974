import { JsonExpressionAst, JsonSelectorStepAst } from "./ast";
import { compileGetter, compileSelection } from "./jsonSelector";
import { compileJsonValueTest, MISSING, scalarText } from "./valueTests";

/** Compiles a JSON pattern's expression into one closure over the parsed event. */
export function compileJsonExpression(e: JsonExpressionAst): (root: unknown) => boolean {
    switch (e.type) {
        case "or": {
            const ops = compileEqualitySets(e.operands);
            if (ops.length === 2) {
                const [a, b] = ops;
                return (root) => a(root) || b(root);
            }
            return (root) => {
                for (let i = 0; i < ops.length; i++) if (ops[i](root)) return true;
                return false;
            };
        }
        case "and": {
            const ops = e.operands.map(compileJsonExpression);
            if (ops.length === 2) {
                const [a, b] = ops;
                return (root) => a(root) && b(root);
            }
            return (root) => {
                for (let i = 0; i < ops.length; i++) if (!ops[i](root)) return false;
                return true;
            };
        }
        case "group":
            return compileJsonExpression(e.expression);
        case "comparison":
            return compileSelection(e.selector.steps, compileJsonValueTest(e.operator, e.value));
        case "is": {
            const expected = e.literal === "NULL" ? null : e.literal === "TRUE";
            return compileSelection(e.selector.steps, (v) => v === expected);
        }
        case "notExists": {
            const exists = compileSelection(e.selector.steps, (v) => v !== MISSING);
            return (root) => !exists(root);
        }
    }
}

/**
 * `($.eventName = A) || ($.eventName = B) || ...` — the shape of most CIS rules — becomes one
 * property lookup and one Set lookup instead of one lookup and comparison per alternative. Only
 * exact string values (no `*` at either end) on selectors without wildcards are merged; the
 * result is the same as evaluating the alternatives one by one.
 */
function compileEqualitySets(operands: readonly JsonExpressionAst[]): ((root: unknown) => boolean)[] {
    const sets = new Map<string, { steps: JsonSelectorStepAst[]; values: Set<string> }>();
    const rest: JsonExpressionAst[] = [];
    for (const operand of operands) {
        let e = operand;
        while (e.type === "group") e = e.expression;
        const exact =
            e.type === "comparison" &&
            e.operator === "=" &&
            e.value.type === "string" &&
            !e.value.text.startsWith("*") &&
            !e.value.text.endsWith("*") &&
            e.selector.steps.every((s) => s.type !== "wildcard");
        if (!exact || e.type !== "comparison" || e.value.type !== "string") {
            rest.push(operand);
            continue;
        }
        const key = JSON.stringify(e.selector.steps);
        const entry = sets.get(key) ?? { steps: [...e.selector.steps], values: new Set<string>() };
        entry.values.add(e.value.text);
        sets.set(key, entry);
    }
    const merged = [...sets.values()].map(({ steps, values }) => {
        const get = compileGetter(steps);
        return (root: unknown): boolean => {
            const s = scalarText(get(root));
            return s !== undefined && values.has(s);
        };
    });
    return [...merged, ...rest.map(compileJsonExpression)];
}
