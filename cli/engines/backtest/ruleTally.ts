/**
 * What one rule needs to replay: the fields of a catalogue rule (or a team's own rule) that decide
 * whether, and how often, its alarm fires. Plain data, so it crosses to worker threads as is.
 */
export interface BacktestRule {
    id: string;
    title: string;
    /** CloudWatch Logs filter pattern, evaluated with the project's own evaluator. */
    pattern: string;
    severity: string;
    /** The alarm fires when the matches in one period reach this number (`>=`). */
    threshold: number;
    /** Alarm period in seconds; periods are aligned to the epoch like CloudWatch's. */
    period: number;
    /** Consecutive breaching periods needed before the alarm goes to ALARM. */
    evaluationPeriods: number;
}

/** How many sample events each rule keeps: the earliest ones, so any run picks the same. */
export const SAMPLES_PER_RULE = 3;

/** One matching event kept as an example. */
export interface SampleEvent {
    /** Event time, epoch ms (NaN when the record has no valid `eventTime`). */
    time: number;
    eventID: string;
    file: string;
    /** Position of the record in the file's `Records` array. */
    index: number;
    record: Record<string, unknown>;
}

/**
 * The running totals of one rule. Every field merges by sum, min, max or "keep the N smallest",
 * so totals built by any number of workers in any file order merge into exactly the same result
 * as one thread reading the files in order.
 */
export interface RuleTally {
    matched: number;
    /** Earliest / latest matching event time, epoch ms (undefined until a timed match). */
    first?: number;
    last?: number;
    /** Matches per alarm period: period start / period length (epoch-aligned) -> count. */
    periods: Map<number, number>;
    principals: Map<string, number>;
    sourceIPs: Map<string, number>;
    samples: SampleEvent[];
}

export function newRuleTally(): RuleTally {
    return { matched: 0, periods: new Map(), principals: new Map(), sourceIPs: new Map(), samples: [] };
}

/** Sample order: time, then eventID, then file and position: a total order, so merges are stable. */
export function compareSamples(a: SampleEvent, b: SampleEvent): number {
    const at = Number.isNaN(a.time) ? Infinity : a.time;
    const bt = Number.isNaN(b.time) ? Infinity : b.time;
    if (at !== bt) return at < bt ? -1 : 1;
    if (a.eventID !== b.eventID) return a.eventID < b.eventID ? -1 : 1;
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    return a.index - b.index;
}

/** Keeps `sample` if it is among the {@link SAMPLES_PER_RULE} earliest; `samples` stays sorted. */
export function offerSample(samples: SampleEvent[], sample: SampleEvent): void {
    if (samples.length === SAMPLES_PER_RULE && compareSamples(sample, samples[samples.length - 1]) >= 0) {
        return;
    }
    let i = samples.length;
    while (i > 0 && compareSamples(sample, samples[i - 1]) < 0) {
        i--;
    }
    samples.splice(i, 0, sample);
    if (samples.length > SAMPLES_PER_RULE) {
        samples.pop();
    }
}

function addCounts(into: Map<string | number, number>, from: Map<string | number, number>): void {
    for (const [key, n] of from) {
        into.set(key, (into.get(key) ?? 0) + n);
    }
}

/** Adds `from` into `into`. */
export function mergeRuleTally(into: RuleTally, from: RuleTally): void {
    into.matched += from.matched;
    if (from.first !== undefined && (into.first === undefined || from.first < into.first)) into.first = from.first;
    if (from.last !== undefined && (into.last === undefined || from.last > into.last)) into.last = from.last;
    addCounts(into.periods, from.periods);
    addCounts(into.principals, from.principals);
    addCounts(into.sourceIPs, from.sourceIPs);
    for (const s of from.samples) {
        offerSample(into.samples, s);
    }
}

/**
 * Totals of a whole run (or of one worker's share of it), besides the per-rule tallies.
 */
export interface ArchiveTally {
    /** Per rule, in the order of the rules given. */
    rules: RuleTally[];
    /** Records read (all, whatever their time). */
    events: number;
    /** Records inside `--since` / `--until` (all records when neither is given): the ones evaluated. */
    eventsInRange: number;
    /** Records without a valid `eventTime`: evaluated, but in no alarm period. */
    untimedEvents: number;
    /** Earliest / latest event time among the evaluated records, epoch ms. */
    first?: number;
    last?: number;
}

export function newArchiveTally(ruleCount: number): ArchiveTally {
    return { rules: Array.from({ length: ruleCount }, newRuleTally), events: 0, eventsInRange: 0, untimedEvents: 0 };
}

export function mergeArchiveTally(into: ArchiveTally, from: ArchiveTally): void {
    into.events += from.events;
    into.eventsInRange += from.eventsInRange;
    into.untimedEvents += from.untimedEvents;
    if (from.first !== undefined && (into.first === undefined || from.first < into.first)) into.first = from.first;
    if (from.last !== undefined && (into.last === undefined || from.last > into.last)) into.last = from.last;
    from.rules.forEach((t, i) => mergeRuleTally(into.rules[i], t));
}
