import { CloudWatchLogsClient, TestMetricFilterCommand } from "@aws-sdk/client-cloudwatch-logs";
import { MAX_TEST_EVENT_MESSAGES } from "./drillPlan";

/** One event on which AWS's verdict and the project's evaluator differ. */
export interface PatternDisagreement {
    /** Position of the event among those judged (0-based). */
    index: number;
    /** What the project's evaluator says. */
    local: boolean;
    /** What `TestMetricFilter` says. */
    aws: boolean;
}

/** AWS's verdict on every message, and where it differs from the project's evaluator. */
export interface PatternJudgement {
    aws: boolean[];
    disagreements: PatternDisagreement[];
}

/**
 * Has AWS's own engine judge a filter pattern: `logs:TestMetricFilter` over the messages, in batches of at most 50
 * (the API's limit), and compares each verdict with `local` (the project's evaluator). A match is recognised by its
 * `eventMessage`, which TestMetricFilter returns as given; identical messages share one verdict.
 */
export async function judgePattern(
    logs: CloudWatchLogsClient,
    filterPattern: string,
    messages: readonly string[],
    local: readonly boolean[],
    signal?: AbortSignal,
): Promise<PatternJudgement> {
    const aws: boolean[] = [];
    for (let start = 0; start < messages.length; start += MAX_TEST_EVENT_MESSAGES) {
        const batch = messages.slice(start, start + MAX_TEST_EVENT_MESSAGES);
        const output = await logs.send(new TestMetricFilterCommand({ filterPattern, logEventMessages: batch }), {
            abortSignal: signal,
        });
        const matched = new Set((output.matches ?? []).map((m) => m.eventMessage));
        aws.push(...batch.map((m) => matched.has(m)));
    }
    const disagreements = aws
        .map((verdict, index) => ({ index, local: local[index], aws: verdict }))
        .filter((d) => d.local !== d.aws);
    return { aws, disagreements };
}
