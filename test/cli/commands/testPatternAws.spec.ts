import * as assert from "assert";
import { CloudWatchLogsClient, TestMetricFilterCommand } from "@aws-sdk/client-cloudwatch-logs";
import { mockClient } from "aws-sdk-client-mock";
import { runCli } from "../../support/runCli";

// `trailwatch test-pattern --aws`: step 1 of the drill alone. The real CloudWatch Logs client, its `send` stubbed by
// aws-sdk-client-mock; AWS's answers are stand-ins, what is tested is what is asked and how the answer is read.

const pattern = "{ $.eventName = ConsoleLogin }";
const events = [
    { eventName: "ConsoleLogin", sourceIPAddress: "198.51.100.23" },
    { eventName: "GetObject", sourceIPAddress: "198.51.100.24" },
    { eventName: "ConsoleLogin", sourceIPAddress: "198.51.100.25" },
];
const stdin = events.map((e) => JSON.stringify(e)).join("\n");

describe("trailwatch test-pattern --aws", () => {
    const logsMock = mockClient(CloudWatchLogsClient);
    beforeEach(() => logsMock.reset());
    after(() => logsMock.restore());

    it("sends every event to TestMetricFilter as CloudWatch Logs holds it, and reports agreement", async () => {
        logsMock.on(TestMetricFilterCommand).resolves({
            matches: [0, 2].map((i) => ({ eventNumber: i + 1, eventMessage: JSON.stringify(events[i]) })),
        });
        const r = await runCli(["test-pattern", pattern, "--aws", "--region", "eu-west-1"], { stdin });
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(
            logsMock.commandCalls(TestMetricFilterCommand).map((c) => c.args[0].input),
            [{ filterPattern: pattern, logEventMessages: events.map((e) => JSON.stringify(e)) }],
        );
        assert.deepStrictEqual(r.stdout.split("\n").slice(-3), [
            "2 of 3 events matched",
            "AWS TestMetricFilter (eu-west-1) agrees on all 3 events (2 matched)",
            "",
        ]);
    });

    it("reports each event AWS judges differently, exit 1; --json carries the disagreements", async () => {
        logsMock
            .on(TestMetricFilterCommand)
            .resolves({ matches: [{ eventNumber: 1, eventMessage: JSON.stringify(events[0]) }] });
        const r = await runCli(["test-pattern", pattern, "--aws", "--region=eu-west-1", "--json"], { stdin });
        assert.strictEqual(r.code, 1);
        const doc = JSON.parse(r.stdout) as { matched: number; aws: unknown };
        assert.strictEqual(doc.matched, 2);
        assert.deepStrictEqual(doc.aws, {
            region: "eu-west-1",
            matched: 1,
            disagreements: [{ index: 2, local: true, aws: false }],
        });
    });

    it("asks in batches of 50 events, the API's limit", async () => {
        logsMock.on(TestMetricFilterCommand).resolves({ matches: [] });
        const many = Array.from({ length: 120 }, (_, i) => `line ${i}`).join("\n");
        const r = await runCli(["test-pattern", "NOMATCH", "--aws", "--region", "eu-west-1"], {
            stdin: many,
        });
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(
            logsMock.commandCalls(TestMetricFilterCommand).map((c) => c.args[0].input.logEventMessages!.length),
            [50, 50, 20],
        );
    });

    it("a refused call names the IAM action", async () => {
        logsMock.on(TestMetricFilterCommand).rejects(
            Object.assign(new Error("not authorized"), {
                name: "AccessDeniedException",
                $metadata: { httpStatusCode: 400 },
            }),
        );
        const r = await runCli(["test-pattern", pattern, "--aws", "--region", "eu-west-1"], { stdin });
        assert.strictEqual(r.code, 1);
        assert.match(
            r.stderr,
            /^trailwatch test-pattern: --aws: access denied: the credentials may not call logs:TestMetricFilter /,
        );
    });

    it("--region without --aws is a usage error", async () => {
        const r = await runCli(["test-pattern", pattern, "--region", "eu-west-1"], { stdin });
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, /^trailwatch test-pattern: --region is only used with --aws/);
        assert.strictEqual(logsMock.calls().length, 0);
    });
});
