import type { FilterPattern, JsonExpressionAst } from "@trailwatch/components/catalogue";

/**
 * The event names a JSON pattern can only match, when its syntax says so: a pattern that requires
 * `$.eventName = X` (or one of several such, under `||`), possibly among other conditions under
 * `&&`. Undefined when the pattern does not pin the event name down (then it must see every
 * event). Only exact names count: a value with a leading or trailing `*` wildcard, a number or a
 * regex gives no constraint.
 */
export function requiredEventNames(pattern: FilterPattern): ReadonlySet<string> | undefined {
    return pattern.ast.kind === "json" ? namesOf(pattern.ast.expression) : undefined;
}

function namesOf(e: JsonExpressionAst): Set<string> | undefined {
    switch (e.type) {
        case "group":
            return namesOf(e.expression);
        case "comparison": {
            const steps = e.selector.steps;
            const v = e.value;
            if (
                e.operator === "=" &&
                steps.length === 1 &&
                steps[0].type === "property" &&
                steps[0].name === "eventName" &&
                v.type === "string" &&
                !v.text.startsWith("*") &&
                !v.text.endsWith("*")
            ) {
                return new Set([v.text]);
            }
            return undefined;
        }
        case "and": {
            // Every operand must hold: any operand's constraint holds, and so does their intersection.
            let names: Set<string> | undefined;
            for (const operand of e.operands) {
                const n = namesOf(operand);
                if (n === undefined) continue;
                names = names === undefined ? n : new Set([...names].filter((x) => n.has(x)));
            }
            return names;
        }
        case "or": {
            // One operand must hold: a constraint only if every operand has one.
            const names = new Set<string>();
            for (const operand of e.operands) {
                const n = namesOf(operand);
                if (n === undefined) return undefined;
                for (const x of n) names.add(x);
            }
            return names;
        }
        default:
            return undefined;
    }
}

/**
 * Which rules can match an event with a given `eventName`. Most CloudTrail events (reads, data
 * events) have names no rule mentions; for them only the few rules that do not pin the event name
 * down (root activity, denied calls...) are evaluated instead of the whole catalogue. Results are
 * the same as evaluating every rule: a skipped rule is one whose pattern requires another name.
 */
export class EventNameIndex {
    private readonly byName = new Map<string, readonly number[]>();
    /** Rules that must see every event (no event-name constraint). */
    private readonly unconstrained: readonly number[];
    private readonly all: readonly number[];

    constructor(patterns: readonly FilterPattern[]) {
        const constraints = patterns.map(requiredEventNames);
        this.all = patterns.map((_, i) => i);
        this.unconstrained = this.all.filter((i) => constraints[i] === undefined);
        const names = new Set(constraints.flatMap((c) => (c === undefined ? [] : [...c])));
        for (const name of names) {
            this.byName.set(
                name,
                this.all.filter((i) => constraints[i] === undefined || constraints[i].has(name)),
            );
        }
    }

    /** Indices (in rule order) of the rules to evaluate for an event with this `eventName` value. */
    candidates(eventName: unknown): readonly number[] {
        // A constraint compares text: for a non-string eventName, leave every decision to the evaluator.
        if (typeof eventName !== "string") return this.all;
        return this.byName.get(eventName) ?? this.unconstrained;
    }
}
