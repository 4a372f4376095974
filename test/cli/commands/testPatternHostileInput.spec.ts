import * as assert from "assert";
import { MAX_RECORD_DEPTH } from "../../../cli/engines/backtest/logFileReader";
import { nestedJson } from "../../support/hostileInput";
import { runCli } from "../../support/runCli";

describe("trailwatch test-pattern on hostile input", function () {
    const deep = `{"eventName":"ConsoleLogin","x":${nestedJson(20_000)}}`;
    const cases: [string, string, string][] = [
        ["a JSON line", `{"eventName":"A"}\n${deep}\n`, "line 2: the event"],
        ["a CloudTrail file", `{"Records":[{"eventName":"A"},${deep}]}`, "line 1: the event"],
        ["a pretty-printed document", `[\n{"eventName":"A"},\n${deep}\n]\n`, "line 1: the JSON document starting here"],
    ];
    for (const [what, input, where] of cases) {
        it(`an event nested 20,000 levels deep in ${what} is refused with its line, not a crash`, async function () {
            this.timeout(5000);
            const started = Date.now();
            const { code, stdout, stderr } = await runCli(["test-pattern", "{ $.eventName = ConsoleLogin }"], {
                stdin: input,
            });
            assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
            assert.strictEqual(
                stderr,
                `trailwatch test-pattern: <stdin>: ${where} is nested deeper than ${MAX_RECORD_DEPTH} levels of objects and arrays\n`,
            );
            assert.strictEqual(stdout, "");
            assert.strictEqual(code, 2);
        });
    }

    it(`an event ${MAX_RECORD_DEPTH} levels deep is tested and printed`, async () => {
        const event = `{"eventName":"ConsoleLogin","x":${nestedJson(MAX_RECORD_DEPTH - 1)}}`;
        const { code, stdout } = await runCli(["test-pattern", "{ $.eventName = ConsoleLogin }"], { stdin: event });
        assert.strictEqual(code, 0);
        assert.strictEqual(stdout, `${event}\n1 of 1 events matched\n`);
    });
});
