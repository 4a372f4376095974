import { FilterPatternError } from "./filterPatternError";
import { parseFilterPattern } from "./parseFilterPattern";

/**
 * Why CloudWatch Logs would reject `text`, or undefined when it is a valid filter pattern: the
 * non-throwing form of {@link parseFilterPattern} for checks that collect every problem (the policy
 * pack, stack-config validation).
 */
export function validateFilterPattern(text: string): FilterPatternError | undefined {
    try {
        parseFilterPattern(text);
        return undefined;
    } catch (err) {
        if (err instanceof FilterPatternError) return err;
        throw err;
    }
}
