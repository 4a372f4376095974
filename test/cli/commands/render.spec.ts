import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cloudWatchAlarmNotification } from "@trailwatch/components";
import { renderCommand } from "../../../cli/commands/render";
import { rootUsageAlarm } from "../../fixtures/alarmNotifications";
import { projectWithStack } from "../../support/projectWithStack";
import { corpusDir, projectDir, skipWithoutShared } from "../../support/repositoryPaths";
import { runCli } from "../../support/runCli";

/** Runs `trailwatch render <argv>` in-process; `stdin` is the notification it reads when given no file. */
function render(argv: string[], stdin = "", cwd = projectDir) {
    return runCli(["render", ...argv], { stdin, cwd });
}

/** A real SNS alarm notification of the corpus, read in place; skips the test where ../shared is absent. */
function corpus(context: Mocha.Context, file: string): string {
    const full = path.join(corpusDir, "sns-alarm-messages", file);
    skipWithoutShared(context, full);
    return full;
}

/** A generated notification of the dev stack's root-usage alarm, written to a temporary file. */
function devNotification(overrides: Partial<typeof rootUsageAlarm> = {}): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-render-")), "notification.json");
    const notification = cloudWatchAlarmNotification({
        ...rootUsageAlarm,
        alarmName: "trailwatch-dev-cis-cloudwatch-1-root-usage",
        topicArn: "arn:aws:sns:eu-west-1:111122223333:trailwatch-dev-alerts",
        ...overrides,
    });
    fs.writeFileSync(file, JSON.stringify(notification, null, 2));
    return file;
}

describe("trailwatch render TEMPLATE", () => {
    it("renders a template for a notification file (the HTTPS body Opsgenie receives)", async function () {
        const file = corpus(this, "2020-09-23_http_qurd-test-etcd0.json");
        const result = await render([
            'Region: {{Message.extract(/"Region":"([^"]*)"/)}} | {{Subject.substringBefore(":").toLowerCase()}}',
            file,
        ]);
        assert.deepStrictEqual(result, { code: 0, stdout: "Region: US West (Oregon) | alarm\n", stderr: "" });
    });

    it("reads a Lambda event from stdin, and prints JSON escapes as Opsgenie shows them", async function () {
        const text = fs.readFileSync(
            corpus(this, "2019-02-12_lambda_notify-slack-DBMigrationRequired-logmetric.json"),
            "utf8",
        );
        const template = '{{Message.extract(/"AlarmDescription":"?((?:(?<=:")(?:[^"\\\\]|\\\\.)*)?)(?:"|null)/)}}';
        const result = await render([template], text);
        assert.deepStrictEqual(result, {
            code: 0,
            stdout: 'App is reporting \\"A JPA error occurred (Unable to build EntityManagerFactory)\\"\n',
            stderr: "",
        });
        assert.deepStrictEqual(await render([template, "-"], text), result);
    });

    it("prints {text, warnings} under --json", async function () {
        const file = corpus(this, "2014-12-15_http_alerta-cpu-alarm2.json");
        const result = await render(["{{Timestamp.toDate()}}", file, "--json"]);
        assert.strictEqual(result.code, 0);
        assert.deepStrictEqual(JSON.parse(result.stdout), { text: "2014-12-15 22:40:14 +0000", warnings: [] });
    });

    it("renders what it can, warns on stderr and exits 1 where Opsgenie documents nothing (extract without a match)", async function () {
        const file = corpus(this, "2014-12-15_http_alerta-cpu-alarm2.json");
        const result = await render(['Region: {{Message.extract(/Region":"(.+)","AlarmArn"/)}}', file]);
        assert.deepStrictEqual(result, {
            code: 1,
            stdout: "Region: \n",
            stderr: 'warning: line 1, column 19: extract(/Region":"(.+)","AlarmArn"/) matched nothing: rendered as empty text\n',
        });
    });

    it("exits 2 on a malformed template, naming the line and column under the template", async () => {
        const result = await render(["Alarm {{Subject.substringAfter('x')}}"], "{}");
        assert.deepStrictEqual(result, {
            code: 2,
            stdout: "",
            stderr:
                'trailwatch render: template error at line 1, column 32: strings are written in double quotes: "text"\n' +
                "  Alarm {{Subject.substringAfter('x')}}\n" +
                "                                 ^\n",
        });
    });

    it("exits 2 for input that is not an SNS notification, saying what it is", async () => {
        const cases: [string, string][] = [
            ["not json", "trailwatch render: stdin: not JSON: Unexpected token 'o', \"not json\" is not valid JSON\n"],
            [
                '{"eventName":"ConsoleLogin"}',
                "trailwatch render: stdin: not an SNS notification: no Type, MessageId, TopicArn, Message, Timestamp (expected the JSON body SNS sends to an HTTPS subscriber, or a Lambda event from SNS)\n",
            ],
            [
                '{"AlarmName":"x","NewStateValue":"ALARM"}',
                "trailwatch render: stdin: a bare CloudWatch alarm message without the SNS envelope (raw message delivery): Opsgenie's SNS integration reads the envelope's Message field, so give the whole HTTPS body\n",
            ],
        ];
        for (const [input, stderr] of cases) {
            assert.deepStrictEqual(await render(["{{Subject}}"], input), { code: 2, stdout: "", stderr }, input);
        }
        const missing = await render(["{{Subject}}", "no-such-file.json"]);
        assert.deepStrictEqual(missing, {
            code: 2,
            stdout: "",
            stderr: "trailwatch render: cannot read no-such-file.json: no such file or directory (ENOENT)\n",
        });
    });

    it("exits 2 without a template, with the reason and then the usage text", async () => {
        assert.deepStrictEqual(await render([]), {
            code: 2,
            stdout: "",
            stderr: `trailwatch render: missing TEMPLATE (or --stack NAME)\n\n${renderCommand.usage}\n`,
        });
    });
});

describe("trailwatch render --stack", () => {
    it("shows the alert the stack's integration creates for a firing alarm: action, priority, message, alias, tags, description", async () => {
        const result = await render(["--stack", "prod", devNotification()]);
        assert.strictEqual(result.stderr, "");
        assert.strictEqual(result.code, 0);
        assert.strictEqual(
            result.stdout,
            [
                'action       create: "Create a P1 alert for a firing alarm marked [P1]"',
                "priority     P1",
                "message      trailwatch-dev-cis-cloudwatch-1-root-usage",
                "alias        trailwatch-dev-cis-cloudwatch-1-root-usage",
                "tags         trailwatch, prod",
                `description  ${rootUsageAlarm.alarmDescription}`,
                "",
                "             AWS account ID: 111122223333",
                "",
                "             AWS region: EU (Ireland)",
                "",
            ].join("\n"),
        );
    });

    it("prints the alert as JSON, with the stack", async () => {
        const result = await render([
            "--stack",
            "prod",
            devNotification({ alarmDescription: "[P4] Route changed" }),
            "--json",
        ]);
        assert.strictEqual(result.code, 0);
        const doc = JSON.parse(result.stdout);
        assert.deepStrictEqual(
            [doc.stack, doc.action, doc.priority, doc.description],
            ["prod", "create", "P4", "[P4] Route changed\n\nAWS account ID: 111122223333\n\nAWS region: EU (Ireland)"],
        );
    });

    it("shows the close for an alarm back to OK", async () => {
        const result = await render([
            "--stack",
            "dev",
            devNotification({ newState: "OK", oldState: "ALARM", datapointValue: 0 }),
        ]);
        assert.strictEqual(result.code, 0);
        assert.match(
            result.stdout,
            /^action {7}close: "Close the alert when the alarm is back to OK"\nalias {8}trailwatch-dev-cis-cloudwatch-1-root-usage\nnote {9}Back to OK: Threshold Crossed: 1 out of the last 1 datapoints \[0\.0 \(15\/01\/26 09:25:00\)\] was not greater than or equal to/,
        );
    });

    it("exits 1 when no action runs (a subscription confirmation)", async function () {
        const result = await render([
            "--stack",
            "dev",
            corpus(this, "2018-07-08_http_alerta-SubscriptionConfirmation.json"),
        ]);
        assert.deepStrictEqual(result, {
            code: 1,
            stdout: "action       none (no action's filter matches: Opsgenie does nothing)\n",
            stderr: "",
        });
    });

    it("exits 2 for an unknown stack, and for a stack without an alert destination", async () => {
        const unknown = await render(["--stack", "nonexistent", devNotification()]);
        assert.strictEqual(unknown.code, 2);
        assert.match(
            unknown.stderr,
            /^trailwatch render: no stack "nonexistent": stacks\/Pulumi\.nonexistent\.yaml does not exist; stacks: /,
        );

        const dir = projectWithStack("quiet", "config:\n  aws:region: eu-west-1\n");
        const off = await render(["--stack", "quiet", devNotification()], "", dir);
        assert.deepStrictEqual(off, {
            code: 2,
            stdout: "",
            stderr: "trailwatch render: stack quiet has no alert destination (trailwatch:opsgenieEnabled and trailwatch:jsmEnabled are not true)\n",
        });
    });
});

describe("trailwatch render: a template regex that backtracks for ever", () => {
    it("node bin/trailwatch.js render '{{Message.extract(/(a+)+$/)}}' on a 31-character message: exit 2, took too long, at its column", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-render-")), "notification.json");
        // Generated: a notification whose Message is 30 a and a !, on which /(a+)+$/ tries 2^30 ways.
        fs.writeFileSync(
            file,
            JSON.stringify({
                Type: "Notification",
                MessageId: "00000000-0000-4000-8000-000000000000",
                TopicArn: "arn:aws:sns:eu-west-1:111122223333:trailwatch-dev-alerts",
                Subject: "ALARM",
                Message: `${"a".repeat(30)}!`,
                Timestamp: "2026-01-15T09:30:12.345Z",
            }),
        );
        const template = "{{Message.extract(/(a+)+$/)}}";
        const started = Date.now();
        const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
            execFile(
                process.execPath,
                [path.join(projectDir, "bin/trailwatch.js"), "render", template, file],
                { timeout: 20_000 },
                (err, stdout, stderr) =>
                    resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
            ),
        );
        const ms = Date.now() - started;
        assert.deepStrictEqual(result, {
            code: 2,
            stdout: "",
            stderr: [
                'trailwatch render: template error at line 1, column 19: extract(/(a+)+$/) took too long: stopped after 1 s (Opsgenie stops a regex after 10 s and renders "null")',
                `  ${template}`,
                `  ${" ".repeat(18)}^`,
                "",
            ].join("\n"),
        });
        // The budget is 1 s; the rest is starting node. Well under mocha's 30 s.
        assert.ok(ms < 10_000, `took ${ms} ms`);
    });
});
