import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { selectBacktestRules } from "../../../../cli/engines/backtest/ruleSelection";
import { WorkerPool } from "../../../../cli/engines/backtest/workerPool";
import { projectDir } from "../../../support/repositoryPaths";
import { nestedJson } from "../../../support/hostileInput";

/**
 * The pool's last line of defence: a reply that cannot cross from a worker to the main thread.
 * Records are capped in depth when read, so these tests lift the cap to produce such a reply.
 * Without listeners for `messageerror` and a guarded postMessage, 5,000 levels hung the run
 * forever and 20,000 ended it with exit 70.
 */
describe("backtest worker pool: an undeliverable reply ends the run with a clear error, never a hang", function () {
    let dir: string;
    const rules = selectBacktestRules({ cwd: projectDir, ruleIds: ["console-login-root"] });
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-pool-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const levels of [5_000, 20_000]) {
        it(`a sample record ${levels.toLocaleString("en-US")} levels deep, with the depth cap lifted`, async function () {
            this.timeout(10_000);
            const login =
                '{"eventTime":"2024-05-01T00:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",' +
                '"userIdentity":{"type":"Root","arn":"arn:aws:iam::123456789012:root"},' +
                '"responseElements":{"ConsoleLogin":"Success"}';
            const plain = path.join(dir, `plain-${levels}.json`);
            fs.writeFileSync(plain, `{"Records":[${login}}]}`);
            const deep = path.join(dir, `deep-${levels}.json`);
            fs.writeFileSync(deep, `{"Records":[${login},"x":${nestedJson(levels)}}]}`);
            const started = Date.now();
            // The main thread reads the first file and starts a worker, which is handed the second.
            const pool = new WorkerPool(2, rules, {}, () => undefined, {
                maxUncompressedBytes: 1e6,
                maxRecords: 10,
                maxRecordDepth: 1e6,
            });
            await pool.submit(plain);
            await pool.submit(deep);
            assert.deepStrictEqual([pool.filesReadInline, pool.startedWorkers], [1, 1]);
            await assert.rejects(
                pool.finish(),
                /^Error: a backtest worker's totals could not be passed to the main thread: .*(call stack|clone)/i,
            );
            assert.ok(Date.now() - started < 8000, `${Date.now() - started} ms`);
        });
    }
});

describe("backtest worker pool: the main thread reads too; workers start as files come, up to --threads - 1", function () {
    this.timeout(20_000);
    let dir: string;
    const rules = selectBacktestRules({ cwd: projectDir, ruleIds: ["console-login-root"] });
    const login =
        '{"eventTime":"2024-05-01T00:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",' +
        '"userIdentity":{"type":"Root","arn":"arn:aws:iam::123456789012:root"},"responseElements":{"ConsoleLogin":"Success"}}';
    const files = (n: number): string[] =>
        Array.from({ length: n }, (_, i) => {
            const file = path.join(dir, `f${i}.json`);
            fs.writeFileSync(file, `{"Records":[${login}]}`);
            return file;
        });
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-pool-start-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const run = async (
        threads: number,
        paths: string[],
    ): Promise<{ started: number; inline: number; events: number; matched: number; read: number }> => {
        let read = 0;
        const pool = new WorkerPool(threads, rules, {}, (o) => (read += o.error === undefined ? 1 : 0));
        for (const p of paths) await pool.submit(p);
        const tally = await pool.finish();
        return {
            started: pool.startedWorkers,
            inline: pool.filesReadInline,
            events: tally.events,
            matched: tally.rules[0].matched,
            read,
        };
    };

    it("no file starts no worker; the main thread reads a lone file while a worker starts for the next", async () => {
        assert.deepStrictEqual(await run(8, []), { started: 0, inline: 0, events: 0, matched: 0, read: 0 });
        // The worker started for a second file that never came is stopped unused: the run does not wait for it.
        assert.deepStrictEqual(await run(8, files(1)), { started: 1, inline: 1, events: 1, matched: 1, read: 1 });
    });

    it("--threads 1 reads everything on the main thread and starts no worker", async () => {
        assert.deepStrictEqual(await run(1, files(5)), { started: 0, inline: 5, events: 5, matched: 5, read: 5 });
    });

    it("never more workers than --threads - 1; what every thread read is counted once", async () => {
        const three = await run(64, files(3));
        assert.ok(three.started >= 1 && three.started <= 3, `${three.started} workers`);
        assert.deepStrictEqual([three.events, three.matched, three.read], [3, 3, 3]);
        const many = await run(2, files(12));
        assert.strictEqual(many.started, 1);
        assert.ok(many.inline >= 1 && many.inline < 12, `${many.inline} of 12 files read inline`);
        assert.deepStrictEqual([many.events, many.matched, many.read], [12, 12, 12]);
    });
});
