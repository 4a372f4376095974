import { JsonExpressionAst } from "./ast";
import { compileSelection } from "./jsonSelector";
import { compileJsonValueTest, MISSING } from "./valueTests";

/** Compiles a JSON pattern's expression into one closure over the parsed event. */
export function compileJsonExpression(e: JsonExpressionAst): (root: unknown) => boolean {
    switch (e.type) {
        case "or": {
            const ops = e.operands.map(compileJsonExpression);
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
