import * as assert from "assert";
import * as fs from "fs";
import { InterruptedRun, interruptCli } from "../support/interruptCli";

/*
 * One Ctrl-C stops a long command promptly and it prints what it has. The binary is spawned and sent a real SIGINT.
 *
 * What is still slow once filter-pattern regexes are linear (RE2) and template regexes have a 1 s budget is input
 * that keeps coming or never ends: a pipe into `test-pattern`, a notification `render` waits for on stdin, and the
 * program run of `check`. (`backtest` has its own interruption, tested with it.)
 */

/** Well under mocha's 30 s, and far longer than a prompt exit takes even on a loaded machine. */
const PROMPT_MS = 3000;

/** How long the policy pack's process may take to end after trailwatch has: it ended never before the fix. */
const PACK_EXIT_MS = 20_000;

/** Ended by the signal itself (Node's default for SIGINT, which a shell reports as 130), or exited 130. */
function endedByInterrupt(run: InterruptedRun): boolean {
    return (run.code === null && run.signal === "SIGINT") || (run.code === 130 && run.signal === null);
}

describe("one Ctrl-C (SIGINT) stops a long command promptly", function () {
    it("test-pattern reading a pipe that is still open: prints the matches and the count so far, exits 130", async () => {
        const lines = ["ERROR 1", "ok", "ERROR 2", "a".repeat(1000), "ERROR 3"];
        const run = await interruptCli(["test-pattern", "%ERROR|a*a*a*c%"], {
            stdin: lines.map((l) => `${l}\n`).join(""),
            ready: (stdout) => stdout.includes("ERROR 3\n"),
        });
        assert.deepStrictEqual(
            { code: run.code, signal: run.signal, stdout: run.stdout, stderr: run.stderr },
            {
                code: 130,
                signal: null,
                stdout: "ERROR 1\nERROR 2\nERROR 3\n3 of 5 events matched (interrupted)\n",
                stderr: "",
            },
        );
        assert.ok(run.exitMs < PROMPT_MS, `exited ${run.exitMs} ms after SIGINT`);
    });

    it("test-pattern --json: the document so far, marked interrupted, exit 130", async () => {
        // --json is streamed: the first match is out at once; interrupt once the process has had time to read the rest.
        const run = await interruptCli(["test-pattern", "--json", "ERROR"], {
            stdin: "ERROR 1\nok\n",
            ready: (stdout) => stdout.startsWith('{"matches":[{"index":0,"event":"ERROR 1"}'),
            notBeforeMs: 1500,
        });
        assert.strictEqual(run.code, 130);
        assert.strictEqual(run.stderr, "");
        assert.deepStrictEqual(JSON.parse(run.stdout), {
            matches: [{ index: 0, event: "ERROR 1" }],
            matched: 1,
            total: 2,
            interrupted: true,
        });
        assert.ok(run.exitMs < PROMPT_MS, `exited ${run.exitMs} ms after SIGINT`);
    });

    it("render waiting for a notification on stdin: ends at once (by the signal, which a shell reports as 130)", async () => {
        const run = await interruptCli(["render", "{{Message.extract(/(a+)+$/)}}"], {
            stdin: '{"Type":"Notification",',
            ready: () => true,
            notBeforeMs: 1500,
        });
        // Nothing is rendered before the notification is complete: there is nothing to print.
        assert.ok(endedByInterrupt(run), `code ${run.code}, signal ${run.signal}`);
        assert.deepStrictEqual([run.stdout, run.stderr], ["", ""]);
        assert.ok(run.exitMs < PROMPT_MS, `exited ${run.exitMs} ms after SIGINT`);
    });

    it("check while it runs the stack's program: ends at once, and the policy pack's process with it", async function () {
        // The SIGINT goes to trailwatch alone (as `kill -INT`, `timeout` or a CI runner send it), not to its process
        // group as a terminal's Ctrl-C does: its policy pack's process must not outlive it (it waited forever).
        if (!fs.existsSync("/proc/self/stat")) this.skip(); // the processes are listed from Linux's /proc
        this.timeout(60_000);
        let packs: number[] = [];
        const run = await interruptCli(["check", "--stack", "dev"], {
            ready: () => true,
            notBeforeMs: 1500,
            beforeInterrupt: (pid) => (packs = policyPackChildren(pid)),
        });
        assert.ok(endedByInterrupt(run), `code ${run.code}, signal ${run.signal}; stderr: ${run.stderr}`);
        assert.ok(run.exitMs < PROMPT_MS, `exited ${run.exitMs} ms after SIGINT`);
        assert.strictEqual(packs.length, 1, "check runs its policy pack in a process of its own");
        // The pack notices once its event loop runs: it may still be loading @pulumi/pulumi (seconds on a loaded
        // machine). Before the fix it waited forever.
        const deadline = Date.now() + PACK_EXIT_MS;
        while (packs.some(isRunning) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        const outlived = packs.filter(isRunning);
        for (const pid of outlived) process.kill(pid); // not left behind by a failing run
        assert.deepStrictEqual(outlived, [], `the policy pack's process outlived trailwatch by ${PACK_EXIT_MS} ms`);
    });
});

/** The processes `parent` started that run a policy pack (`@pulumi/pulumi/cmd/run-policy-pack`), from /proc. */
function policyPackChildren(parent: number): number[] {
    return fs
        .readdirSync("/proc")
        .filter((d) => /^\d+$/.test(d))
        .filter((d) => {
            try {
                // Field 4 of /proc/<pid>/stat is the parent's pid; the command name before it may hold spaces.
                const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
                const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
                return ppid === parent && fs.readFileSync(`/proc/${d}/cmdline`, "utf8").includes("run-policy-pack");
            } catch {
                return false; // ended meanwhile
            }
        })
        .map(Number);
}

/** True while the process exists and has not ended (a zombie waiting for its parent counts as ended). */
function isRunning(pid: number): boolean {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
    } catch {
        return false;
    }
}
