/**
 * A filter pattern CloudWatch Logs would reject (or that trailwatch cannot evaluate faithfully),
 * with the 1-based character column where the problem is and the reason in words.
 *
 * The message is `position <column>: <reason>` so that whoever shows it (SecurityAlarms naming the
 * rule id, the policy pack, `trailwatch test-pattern`) can prefix their own context.
 */
export class FilterPatternError extends Error {
    /** 1-based character column in the pattern text. */
    readonly position: number;
    /** What is wrong, without the position. */
    readonly reason: string;

    constructor(position: number, reason: string) {
        super(`position ${position}: ${reason}`);
        this.name = "FilterPatternError";
        this.position = position;
        this.reason = reason;
    }
}
