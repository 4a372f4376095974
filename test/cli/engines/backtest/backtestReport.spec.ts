import * as assert from "assert";
import { replayAlarm, topEntries } from "../../../../cli/engines/backtest/backtestReport";
import { classifyArchivePath, deliveryTimeFromName } from "../../../../cli/engines/backtest/archiveWalker";
import { offerSample, SampleEvent, SAMPLES_PER_RULE } from "../../../../cli/engines/backtest/ruleTally";

describe("backtest: replaying an alarm over per-period counts", () => {
    // Period index -> matches. Period 300 s: index 5,000,000 starts 2017-07-14T02:40:00Z.
    const counts = (entries: [number, number][]): Map<number, number> => new Map(entries);
    const cases: {
        name: string;
        periods: [number, number][];
        threshold: number;
        evaluationPeriods: number;
        periodsAtThreshold: number;
        alarms: number;
    }[] = [
        { name: "no matches", periods: [], threshold: 1, evaluationPeriods: 1, periodsAtThreshold: 0, alarms: 0 },
        {
            name: "threshold 1: each separate breaching period is an alarm",
            periods: [
                [10, 1],
                [12, 3],
                [20, 1],
            ],
            threshold: 1,
            evaluationPeriods: 1,
            periodsAtThreshold: 3,
            alarms: 3,
        },
        {
            name: "consecutive breaching periods keep one alarm in ALARM",
            periods: [
                [10, 1],
                [11, 2],
                [12, 1],
            ],
            threshold: 1,
            evaluationPeriods: 1,
            periodsAtThreshold: 3,
            alarms: 1,
        },
        {
            name: "periods under the threshold do not count",
            periods: [
                [10, 4],
                [11, 5],
                [30, 5],
            ],
            threshold: 5,
            evaluationPeriods: 1,
            periodsAtThreshold: 2,
            alarms: 2,
        },
        {
            name: "evaluationPeriods 3 needs three breaching periods in a row",
            periods: [
                [1, 2],
                [2, 2],
                [4, 2],
                [5, 2],
                [6, 2],
                [7, 2],
                [9, 2],
                [10, 2],
            ],
            threshold: 2,
            evaluationPeriods: 3,
            periodsAtThreshold: 8,
            alarms: 1,
        },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const replay = replayAlarm(counts(c.periods), c.threshold, c.evaluationPeriods, 300);
            assert.strictEqual(replay.periodsAtThreshold, c.periodsAtThreshold);
            assert.strictEqual(replay.alarms, c.alarms);
        });
    }

    it("names the busiest period by its start time (the earliest among equals)", () => {
        const replay = replayAlarm(
            counts([
                [5_000_001, 7],
                [5_000_000, 7],
                [4, 1],
            ]),
            1,
            1,
            300,
        );
        assert.deepStrictEqual(replay.busiestPeriod, { start: "2017-07-14T02:40:00.000Z", events: 7 });
    });

    it("lists top entries by count, ties by name, at most five", () => {
        const m = new Map([
            ["b", 2],
            ["a", 2],
            ["c", 9],
            ["d", 1],
            ["e", 1],
            ["f", 1],
        ]);
        assert.deepStrictEqual(topEntries(m), [
            { key: "c", events: 9 },
            { key: "a", events: 2 },
            { key: "b", events: 2 },
            { key: "d", events: 1 },
            { key: "e", events: 1 },
        ]);
    });

    it("keeps the earliest samples whatever order they are offered in", () => {
        const sample = (time: number, eventID: string): SampleEvent => ({
            time,
            eventID,
            file: "f",
            index: 0,
            record: {},
        });
        const all = [sample(5, "e"), sample(1, "b"), sample(NaN, "z"), sample(1, "a"), sample(3, "c"), sample(9, "d")];
        const forwards: SampleEvent[] = [];
        const backwards: SampleEvent[] = [];
        all.forEach((s) => offerSample(forwards, s));
        [...all].reverse().forEach((s) => offerSample(backwards, s));
        assert.strictEqual(forwards.length, SAMPLES_PER_RULE);
        assert.deepStrictEqual(
            forwards.map((s) => s.eventID),
            ["a", "b", "c"],
        );
        assert.deepStrictEqual(backwards, forwards);
    });
});

describe("backtest: recognising what `aws s3 sync` leaves", () => {
    const table: [string, string | undefined][] = [
        [
            "AWSLogs/111122223333/CloudTrail/eu-west-1/2024/03/04/111122223333_CloudTrail_eu-west-1_20240304T0005Z_abc.json.gz",
            "log",
        ],
        [
            "AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2024/03/04/111122223333_CloudTrail_us-east-1_20240304T0005Z_abc.json.gz",
            "log",
        ],
        [
            "AWSLogs/111122223333/CloudTrail-Insight/eu-west-1/2024/03/04/111122223333_CloudTrail-Insight_eu-west-1_20240304T0010Z_abc.json.gz",
            "insight",
        ],
        [
            "AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2024/03/04/111122223333_CloudTrail-Digest_eu-west-1_trail_eu-west-1_20240304T010000Z.json.gz",
            "digest",
        ],
        [
            "AWSLogs/111122223333/Config/eu-west-1/2024/3/4/ConfigSnapshot/111122223333_Config_eu-west-1_ConfigSnapshot_x.json.gz",
            "other-aws-log",
        ],
        ["AWSLogs/111122223333/Config/ConfigWritabilityCheckFile", undefined],
        ["exports/trail-2024-03.json", "log"],
        ["notes.txt", undefined],
    ];
    for (const [file, kind] of table) {
        it(`${file} -> ${kind ?? "not read"}`, () => assert.strictEqual(classifyArchivePath(file), kind));
    }

    it("reads the delivery time CloudTrail puts in a file name", () => {
        assert.strictEqual(
            deliveryTimeFromName("a/111122223333_CloudTrail_eu-west-1_20240304T2355Z_abc.json.gz"),
            Date.parse("2024-03-04T23:55:00Z"),
        );
        assert.strictEqual(deliveryTimeFromName("a/export.json"), undefined);
    });
});
