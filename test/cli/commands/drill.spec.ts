import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import {
    CloudWatchClient,
    DescribeAlarmsCommand,
    DescribeAlarmsCommandInput,
    GetMetricDataCommand,
    SetAlarmStateCommand,
    SetAlarmStateCommandInput,
} from "@aws-sdk/client-cloudwatch";
import {
    CloudWatchLogsClient,
    CreateLogStreamCommand,
    PutLogEventsCommand,
    TestMetricFilterCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { mockClient } from "aws-sdk-client-mock";
import { headerControlCharacter, parseDuration, runDrillCommand } from "../../../cli/commands/drill";
import { PlannedCall } from "../../../cli/engines/drill/drillCalls";
import { planDrill } from "../../../cli/engines/drill/drillPlan";
import { listStacks } from "../../../cli/engines/offline/stackFile";
import { projectWithStack } from "../../support/projectWithStack";
import { projectDir } from "../../support/repositoryPaths";
import { runCli, runWithBuffers } from "../../support/runCli";

describe("trailwatch drill", () => {
    describe("--dry-run", () => {
        for (const stack of listStacks(projectDir)) {
            const opsgenie = planDrill(projectDir, stack).opsgenie !== undefined;
            const argv = ["drill", "--stack", stack, "--dry-run", "--json", ...(opsgenie ? ["--verify-opsgenie"] : [])];

            it(`lists every step for every enabled rule of stack ${stack}, with no credentials (${argv.slice(3).join(" ")})`, async () => {
                const saved = { ...process.env };
                // No credentials anywhere: the dry run makes no call and needs none.
                for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
                process.env.AWS_CONFIG_FILE = "/nonexistent";
                process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent";
                let result;
                try {
                    result = await runCli(argv);
                } finally {
                    for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
                    for (const [key, value] of Object.entries(saved))
                        if (key.startsWith("AWS_")) process.env[key] = value;
                }
                assert.strictEqual(result.code, 0, result.stderr);
                const doc = JSON.parse(result.stdout) as { calls: PlannedCall[]; logGroupName: string };
                const plan = planDrill(projectDir, stack);
                assert.ok(plan.rules.length > 0);
                const opsOf = (ruleId?: string) =>
                    doc.calls
                        .filter((c) => c.ruleId === ruleId)
                        .map(
                            (c) =>
                                `${c.step} ${c.call.service}:${c.call.operation}${c.call.params.StateValue ? ` ${c.call.params.StateValue}` : ""}`,
                        );
                for (const rule of plan.rules) {
                    assert.deepStrictEqual(
                        opsOf(rule.id),
                        [
                            "pattern logs:TestMetricFilter",
                            "alarm cloudwatch:SetAlarmState ALARM",
                            ...(opsgenie ? ["opsgenie opsgenie:GetAlert"] : []),
                            "alarm cloudwatch:SetAlarmState OK",
                            ...(opsgenie ? ["opsgenie opsgenie:GetAlert"] : []),
                            "metric logs:PutLogEvents",
                            "metric cloudwatch:GetMetricData",
                        ],
                        rule.id,
                    );
                    const alarm = doc.calls.find((c) => c.ruleId === rule.id && c.call.operation === "SetAlarmState")!;
                    assert.strictEqual(alarm.call.params.AlarmName, `trailwatch-${stack}-${rule.id}`);
                }
                assert.deepStrictEqual(opsOf(undefined), [
                    "alarm cloudwatch:DescribeAlarms",
                    "alarm cloudwatch:DescribeAlarms",
                    "metric logs:CreateLogStream",
                ]);
                // Read before the first ALARM, and again before the first OK.
                const order = doc.calls.map((c) => `${c.call.operation}${c.call.params.StateValue ?? ""}`);
                assert.strictEqual(order.indexOf("DescribeAlarms"), order.indexOf("SetAlarmStateALARM") - 1);
                assert.strictEqual(order.lastIndexOf("DescribeAlarms"), order.indexOf("SetAlarmStateOK") - 1);
                assert.strictEqual(doc.logGroupName, plan.logGroupName);
                // No ALARM without its OK, and every OK after every ALARM.
                const states = doc.calls.filter((c) => c.call.operation === "SetAlarmState");
                const lastAlarm = states.map((c) => c.call.params.StateValue).lastIndexOf("ALARM");
                assert.ok(states.slice(lastAlarm + 1).every((c) => c.call.params.StateValue === "OK"));
                assert.strictEqual(states.length, 2 * plan.rules.length);
            });
        }

        it("prints the calls for people: service:operation, key parameters, the waits and the cleanup", async () => {
            const result = await runCli([
                "drill",
                "--stack",
                "dev",
                "--dry-run",
                "--rule",
                "console-login-root",
                "--timeout",
                "2m",
            ]);
            assert.strictEqual(result.code, 0, result.stderr);
            const lines = result.stdout.split("\n");
            assert.strictEqual(lines[0], "trailwatch drill — stack dev, region eu-west-1 (dry run: no call is made)");
            assert.ok(
                lines.some((l) =>
                    /^ {2}console-login-root {2}cloudwatch:GetMetricData .*\(until the datapoint shows, every 15s, for at most 2m\)$/.test(
                        l,
                    ),
                ),
            );
            assert.ok(
                lines.some((l) =>
                    /^ {2}console-login-root {2}cloudwatch:SetAlarmState AlarmName="trailwatch-dev-console-login-root" StateValue="OK" .*\(after a pause, also on error or Ctrl-C\)$/.test(
                        l,
                    ),
                ),
            );
            assert.ok(
                lines.includes(
                    "                      cloudwatch:DescribeAlarms AlarmNames=[1 alarm name] MaxRecords=100  (an alarm missing or already in ALARM is left alone)",
                ),
                result.stdout,
            );
            assert.strictEqual(lines.at(-2), "8 calls.");
        });

        it("loads neither the AWS SDK nor the Pulumi SDK (a fresh process)", async () => {
            const script = `
                const { main } = require(${JSON.stringify(path.join(projectDir, "dist/cli/main.js"))});
                const sink = { write: () => true };
                main(["drill", "--stack", "prod", "--dry-run"], { stdout: sink, stderr: sink, stdin: process.stdin, cwd: ${JSON.stringify(projectDir)} })
                    .then((code) => console.log(JSON.stringify({ code, loaded: Object.keys(require.cache).filter((f) => /@aws-sdk|@pulumi[\\/]pulumi/.test(f)).length })));`;
            const out = await new Promise<string>((resolve, reject) =>
                execFile(process.execPath, ["-e", script], (err: Error | null, stdout: string) =>
                    err === null ? resolve(stdout) : reject(err),
                ),
            );
            assert.deepStrictEqual(JSON.parse(out), { code: 0, loaded: 0 });
        });

        it("says whether the Opsgenie key is set, never what it is", async () => {
            const key = "f3e2d1c0-secret-opsgenie-key";
            const result = await runWithBuffers(
                (io) =>
                    runDrillCommand(["--stack", "dev", "--dry-run", "--verify-opsgenie"], io, {
                        env: { TRAILWATCH_OPSGENIE_API_KEY: key },
                    }),
                {},
            );
            assert.strictEqual(result.code, 0);
            assert.match(result.stdout, /^Opsgenie API key: set in TRAILWATCH_OPSGENIE_API_KEY\.$/m);
            assert.ok(!result.stdout.includes(key) && !result.stderr.includes(key));
            assert.match(
                result.stdout,
                /opsgenie:GetAlert method="GET" url="https:\/\/api\.eu\.opsgenie\.com\/v2\/alerts\/trailwatch-dev-/,
            );
        });
    });

    describe("usage errors (exit 2)", () => {
        const cases: [string[], string][] = [
            [["--dry-run"], "--stack NAME is required: the drill runs against a deployed stack"],
            [["--stack", "nope", "--dry-run"], 'no stack "nope": stacks/Pulumi.nope.yaml does not exist; stacks: '],
            [
                ["--stack", "dev", "--timeout", "soon"],
                '--timeout: expected a duration such as 90s, 5m or 1m30s, got "soon"',
            ],
            [["--stack", "dev", "--rule", "no-such-rule"], 'stack dev has no rule "no-such-rule"; its rules: '],
            [["--stack", "dev", "--bogus"], "unknown option --bogus"],
        ];
        for (const [argv, message] of cases) {
            it(`drill ${argv.join(" ")}`, async () => {
                const result = await runCli(["drill", ...argv]);
                assert.strictEqual(result.code, 2);
                assert.strictEqual(result.stdout, "");
                assert.ok(result.stderr.startsWith(`trailwatch drill: ${message}`), result.stderr);
            });
        }

        it("--verify-opsgenie on a stack that sends no alarms to Opsgenie", async () => {
            const yaml = fs
                .readFileSync(path.join(projectDir, "stacks", "Pulumi.dev.yaml"), "utf8")
                .split("\n")
                .filter(
                    (l) =>
                        !/opsgenie|secure:|^ {4}- (AlarmDescription|AWSAccountId|Region|NewStateReason|StateChangeTime)$/.test(
                            l,
                        ),
                )
                .join("\n");
            const cwd = projectWithStack("quiet", yaml);
            const result = await runCli(["drill", "--stack", "quiet", "--dry-run", "--verify-opsgenie"], { cwd });
            assert.strictEqual(result.code, 2, result.stderr);
            assert.strictEqual(
                result.stderr,
                "trailwatch drill: --verify-opsgenie: stack quiet sends no alarms to Opsgenie (trailwatch:opsgenieEnabled is not true)\n",
            );
        });

        it("--verify-opsgenie without TRAILWATCH_OPSGENIE_API_KEY, before any AWS call", async () => {
            await assert.rejects(
                runWithBuffers((io) => runDrillCommand(["--stack", "dev", "--verify-opsgenie"], io, { env: {} }), {}),
                /^UsageError: --verify-opsgenie needs the key of an Opsgenie API integration with read access in TRAILWATCH_OPSGENIE_API_KEY/,
            );
        });
    });

    describe("a TRAILWATCH_OPSGENIE_API_KEY with a control character inside it", () => {
        const key = "3f1c9a52-7d4e-4b1a\n9c2e-5a6b7c8d9e0f";

        it("is a usage error naming the variable and the character, never the key, before any AWS call", async () => {
            const failed = runWithBuffers(
                (io) =>
                    runDrillCommand(["--stack", "dev", "--verify-opsgenie"], io, {
                        env: { TRAILWATCH_OPSGENIE_API_KEY: key },
                        opsgenieBaseUrl: "http://127.0.0.1:9",
                    }),
                {},
            );
            await assert.rejects(failed, (err: Error) => {
                assert.strictEqual(err.name, "UsageError");
                assert.strictEqual(
                    err.message,
                    "TRAILWATCH_OPSGENIE_API_KEY has a control character (U+000A) inside it, e.g. a line break pasted with the key; set it to the key alone",
                );
                return true;
            });
        });

        it("what fetch strips (a line break or spaces around the key) is no problem", () => {
            assert.strictEqual(headerControlCharacter(" 3f1c9a52-7d4e-4b1a-9c2e-5a6b7c8d9e0f\r\n"), undefined);
            assert.strictEqual(headerControlCharacter(key), "U+000A");
            assert.strictEqual(headerControlCharacter("a\u0000b"), "U+0000");
            assert.strictEqual(headerControlCharacter("a\tb"), "U+0009");
        });
    });

    it("parses durations", () => {
        assert.deepStrictEqual(
            ["90", "90s", "5m", "1m30s", "1h"].map((d) => parseDuration("--timeout", d)),
            [90_000, 90_000, 300_000, 90_000, 3_600_000],
        );
        assert.throws(() => parseDuration("--timeout", "0s"), /expected a duration/);
    });

    describe("a real drill, through the command (AWS SDK v3 clients under aws-sdk-client-mock)", () => {
        const logsMock = mockClient(CloudWatchLogsClient);
        const cloudwatchMock = mockClient(CloudWatchClient);
        // The SDK's default chain resolves these (its environment provider) before the drill starts; the calls
        // themselves go to the mocks. AWS's documented example key pair (IAM User Guide, "Managing access keys").
        const savedEnv = { ...process.env };
        const withCredentials = (): void => {
            for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
            process.env.AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
            process.env.AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        };
        const restoreEnv = (): void => {
            for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
            for (const [key, value] of Object.entries(savedEnv)) if (key.startsWith("AWS_")) process.env[key] = value;
        };
        beforeEach(() => {
            withCredentials();
            logsMock.reset();
            cloudwatchMock.reset();
            logsMock.on(TestMetricFilterCommand).callsFake((input: { logEventMessages: string[] }) => ({
                matches: [{ eventNumber: 1, eventMessage: input.logEventMessages[0] }],
            }));
            logsMock.on(CreateLogStreamCommand).resolves({});
            logsMock.on(PutLogEventsCommand).resolves({});
            cloudwatchMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: "drill", Values: [1] }] });
            // Every alarm exists; after a SetAlarmState, it is in the state and reason set (as in runDrill.spec.ts).
            alarms.clear();
            cloudwatchMock.on(DescribeAlarmsCommand).callsFake((input: DescribeAlarmsCommandInput) => ({
                MetricAlarms: input.AlarmNames!.map((name) => ({
                    AlarmName: name,
                    ActionsEnabled: true,
                    AlarmActions: ["arn:aws:sns:eu-west-1:111122223333:trailwatch-dev-alerts"],
                    ...(alarms.get(name) ?? { StateValue: "OK", StateReason: "Threshold Crossed" }),
                })),
            }));
            cloudwatchMock.on(SetAlarmStateCommand).callsFake((input: SetAlarmStateCommandInput) => {
                alarms.set(input.AlarmName!, input);
                return {};
            });
        });
        const alarms = new Map<string, { StateValue?: string; StateReason?: string }>();
        afterEach(restoreEnv);
        after(() => {
            logsMock.restore();
            cloudwatchMock.restore();
        });

        it("without AWS credentials: exit 2 at once, JSON under --json, no call made and no alarm touched", async () => {
            for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
            process.env.AWS_CONFIG_FILE = "/nonexistent";
            process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent";
            process.env.AWS_EC2_METADATA_DISABLED = "true"; // no instance role to ask for on this machine
            const started = Date.now();
            const result = await runWithBuffers(
                (io) => runDrillCommand(["--stack", "dev", "--rule", "console-login-root", "--json"], io, {}),
                {},
            );
            assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
            assert.strictEqual(result.code, 2, result.stdout + result.stderr);
            const error = (JSON.parse(result.stdout) as { error: { code: number; message: string } }).error;
            assert.strictEqual(error.code, 2);
            assert.match(
                error.message,
                /^no AWS credentials: .+ \(the drill uses the AWS SDK's default credentials: .*nothing was changed\)$/,
            );
            assert.strictEqual(logsMock.calls().length + cloudwatchMock.calls().length, 0);
            assert.ok(!result.stdout.includes("ALARM LEFT"));
        });

        it("prints the summary table and exits 0 when every step passed", async () => {
            const result = await runWithBuffers(
                (io) =>
                    runDrillCommand(
                        ["--stack", "dev", "--rule", "console-login-root", "--rule", "iam-user-created"],
                        io,
                        {
                            pollIntervalMs: 5,
                            holdMs: 1,
                            now: () => new Date("2025-06-02T09:30:15Z"),
                        },
                    ),
                {},
            );
            assert.strictEqual(result.code, 0, result.stdout + result.stderr);
            assert.deepStrictEqual(result.stdout.split("\n"), [
                "trailwatch drill 20250602T093015Z — stack dev, region eu-west-1",
                'Drill events in aws-cloudtrail-logs-trailwatch-dev / trailwatch-drill-20250602T093015Z: 2, marked "trailwatchDrill" (they stay until the log group\'s retention removes them)',
                "",
                "rule                pattern   alarm     metric",
                "console-login-root  passed    passed    passed",
                "iam-user-created    passed    passed    passed",
                "",
                "OK: every step passed for 2 rules.",
                "",
            ]);
            assert.match(result.stderr, /^Judging 2 patterns with logs:TestMetricFilter$/m);
        });

        for (const [signal, code, said] of [
            ["SIGINT", 130, "Ctrl-C"],
            ["SIGTERM", 143, "SIGTERM"],
        ] as const) {
            it(`${signal} during the drill: alarms back to OK first, exit ${code}`, async () => {
                const states: string[] = [];
                cloudwatchMock.on(SetAlarmStateCommand).callsFake((input: SetAlarmStateCommandInput) => {
                    states.push(`${input.AlarmName} ${input.StateValue}`);
                    alarms.set(input.AlarmName!, input);
                    if (input.StateValue === "ALARM") setImmediate(() => process.emit(signal));
                    return {};
                });
                const before = process.listenerCount(signal);
                const result = await runWithBuffers(
                    (io) =>
                        runDrillCommand(["--stack", "dev", "--rule", "console-login-root"], io, {
                            pollIntervalMs: 5,
                            holdMs: 60_000,
                        }),
                    {},
                );
                assert.strictEqual(result.code, code);
                assert.deepStrictEqual(states, [
                    "trailwatch-dev-console-login-root ALARM",
                    "trailwatch-dev-console-login-root OK",
                ]);
                assert.ok(
                    result.stderr.includes(`${said}: stopping the drill; alarms it set to ALARM go back to OK first.`),
                    result.stderr,
                );
                assert.match(
                    result.stdout,
                    /^INTERRUPTED: the drill was stopped \(Ctrl-C or SIGTERM\); the alarms it had set to ALARM were set back to OK\.$/m,
                );
                assert.strictEqual(process.listenerCount(signal), before, "the handler is removed");
                assert.match(result.stdout, /^No drill event was put into aws-cloudtrail-logs-trailwatch-dev\.$/m);
            });
        }

        it("Ctrl-C, and the OK fails: the output names the alarm left in ALARM and does not claim it was set back", async () => {
            cloudwatchMock.on(SetAlarmStateCommand).callsFake((input: SetAlarmStateCommandInput) => {
                if (input.StateValue === "OK") {
                    throw Object.assign(new Error("Rate exceeded"), {
                        name: "Throttling",
                        $metadata: { httpStatusCode: 400 },
                    });
                }
                alarms.set(input.AlarmName!, input);
                setImmediate(() => process.emit("SIGINT"));
                return {};
            });
            const result = await runWithBuffers(
                (io) =>
                    runDrillCommand(["--stack", "dev", "--rule", "console-login-root"], io, {
                        pollIntervalMs: 5,
                        holdMs: 60_000,
                    }),
                {},
            );
            assert.strictEqual(result.code, 130);
            const lines = result.stdout.split("\n");
            assert.ok(
                lines.includes(
                    "ALARM LEFT: trailwatch-dev-console-login-root is still in ALARM (cloudwatch:SetAlarmState failed: Throttling: Rate exceeded). Set it back with:",
                ),
                result.stdout,
            );
            assert.strictEqual(
                lines.at(-2),
                "INTERRUPTED: the drill was stopped (Ctrl-C or SIGTERM); 1 alarm it had set to ALARM could not be set back to OK (above).",
            );
        });

        it("exits 1 when a step fails, and says which and why", async () => {
            cloudwatchMock
                .on(SetAlarmStateCommand)
                .rejects(Object.assign(new Error("no"), { name: "AccessDenied", $metadata: { httpStatusCode: 403 } }));
            const result = await runWithBuffers(
                (io) =>
                    runDrillCommand(["--stack", "dev", "--rule", "console-login-root", "--json"], io, {
                        pollIntervalMs: 5,
                        holdMs: 1,
                    }),
                {},
            );
            assert.strictEqual(result.code, 1);
            const doc = JSON.parse(result.stdout) as {
                ok: boolean;
                rules: { steps: Record<string, { status: string; detail: string }> }[];
            };
            assert.strictEqual(doc.ok, false);
            assert.strictEqual(doc.rules[0].steps.alarm.status, "failed");
            assert.match(doc.rules[0].steps.alarm.detail, /cloudwatch:SetAlarmState/);
        });
    });
});
