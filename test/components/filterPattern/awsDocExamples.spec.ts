import * as assert from "assert";
import { FilterPattern, FilterPatternError, parseFilterPattern } from "@trailwatch/components";
import { corpusDir, skipWithoutShared } from "../../support/repositoryPaths";
import { readCorpusJson } from "./corpus";

/** One entry of ../shared/corpus/filter-patterns/aws-doc-examples.json (see its sources.md). */
interface DocExample {
    pattern: string;
    events: string[];
    /** Indexes of the events the docs say match; [] = docs say none; null = docs give no per-event verdict. */
    matches: number[] | null;
    kind: string;
    notes: string;
    /** The docs' multi-line JSON event on one line, as the console's tester needs it. */
    events_single_line?: string[];
    expect?: "rejected";
    doc_statement?: string;
    confidence?: "low";
}

/**
 * Examples whose documented verdicts cannot be an oracle, with the behaviour trailwatch has
 * instead. Each is explained by the corpus itself; the list is asserted, so it cannot grow silently.
 */
const NOT_AN_ORACLE: Record<string, { why: string; rejectedWith: string }> = {
    "%abcc|ab[^c]$": {
        why: "the docs print it without its closing %, and its stated verdicts contradict its own $ anchor (aws-doc-examples.json notes: do not rely on it as an oracle)",
        rejectedWith: "position 1: unbalanced %: this regular expression is never closed with %",
    },
};

describe("filter patterns: every documented verdict in aws-doc-examples.json", function () {
    let examples: DocExample[];
    before(function () {
        skipWithoutShared(this, corpusDir);
        examples = readCorpusJson<DocExample[]>("filter-patterns/aws-doc-examples.json");
    });

    it("agrees with the documentation on every pattern and event (all disagreements listed)", () => {
        const allEvents = examples.flatMap((e) => e.events_single_line ?? e.events);
        const disagreements: string[] = [];
        let verdicts = 0;
        for (const example of examples) {
            const where = `pattern ${JSON.stringify(example.pattern)}`;
            if (example.pattern in NOT_AN_ORACLE) continue;
            let pattern: FilterPattern;
            try {
                pattern = parseFilterPattern(example.pattern);
            } catch (err) {
                if (example.expect !== "rejected") disagreements.push(`${where}: rejected (${(err as Error).message})`);
                else if (!(err instanceof FilterPatternError)) disagreements.push(`${where}: threw ${String(err)}`);
                else verdicts++;
                continue;
            }
            if (example.expect === "rejected") {
                disagreements.push(`${where}: accepted, but the docs say CloudWatch rejects it`);
                continue;
            }
            if (example.doc_statement === "returns all log events") {
                for (const event of allEvents) {
                    verdicts++;
                    if (!pattern.matches(event))
                        disagreements.push(
                            `${where} on ${JSON.stringify(event)}: documented to match every event, got no match`,
                        );
                }
                continue;
            }
            if (example.matches === null || example.confidence === "low") continue; // no verdict to check
            // The event as the docs print it and, for JSON, on one line as the console's tester needs it.
            const forms = [example.events, ...(example.events_single_line ? [example.events_single_line] : [])];
            for (const events of forms) {
                events.forEach((event, i) => {
                    verdicts++;
                    const documented = example.matches!.includes(i);
                    const got = pattern.matches(event);
                    if (got !== documented) {
                        disagreements.push(
                            `${where} on event #${i} ${JSON.stringify(event)}: documented ${documented ? "match" : "no match"}, got ${got ? "match" : "no match"}`,
                        );
                    }
                });
            }
        }
        assert.deepStrictEqual(disagreements, []);
        // Guards against a corpus change that leaves nothing to check.
        assert.ok(verdicts >= 100, `only ${verdicts} documented verdicts checked`);
    });

    it("parses every documented pattern that has no per-event verdict", () => {
        const failures = examples
            .filter((e) => e.matches === null && e.expect !== "rejected")
            .flatMap((e) => {
                try {
                    parseFilterPattern(e.pattern);
                    return [];
                } catch (err) {
                    return [`${JSON.stringify(e.pattern)}: ${(err as Error).message}`];
                }
            });
        assert.deepStrictEqual(failures, []);
    });

    for (const [text, { why, rejectedWith }] of Object.entries(NOT_AN_ORACLE)) {
        it(`rejects ${text} as printed (not an oracle: ${why})`, () => {
            assert.ok(
                examples.some((e) => e.pattern === text),
                "no longer in the corpus: drop it from NOT_AN_ORACLE",
            );
            assert.throws(() => parseFilterPattern(text), { name: "FilterPatternError", message: rejectedWith });
        });
    }
});
