import * as assert from "assert";
import { execFile } from "child_process";
import * as path from "path";
import { promisify } from "util";
import { defaultReportWidth, reportWidth, wrapLine } from "../../../../cli/commands/check/lineWrap";
import { projectDir } from "../../../support/repositoryPaths";
import { runCli } from "../../../support/runCli";

const execFileAsync = promisify(execFile);

/**
 * The characters of a report, whatever the line breaks, indentation, tree branches and headings' underlines: what
 * wrapping must keep (a word longer than the line is cut, so words alone would not do).
 */
const content = (text: string) =>
    text
        .split("\n")
        .filter((line) => !/^-+$/.test(line))
        .join("")
        .replace(/[\s│├└─]/g, "");

/**
 * The prod stack's report on a terminal too wide to wrap anything: one run (the program and the policy pack, a few
 * seconds) that the width tests compare against and the counts test reads.
 */
let unwrapped: ReturnType<typeof runCli> | undefined;
const unwrappedProdReport = () => (unwrapped ??= runCli(["check", "--stack", "prod"], { stdoutColumns: 10_000 }));

describe("trailwatch check's report fits the terminal", () => {
    it("wraps at the terminal's width, or at 100 columns when stdout is not a terminal", () => {
        assert.strictEqual(reportWidth({ isTTY: true, columns: 132 }), 132);
        assert.strictEqual(reportWidth({ isTTY: false, columns: 132 }), defaultReportWidth);
        assert.strictEqual(reportWidth({}), 100);
        assert.strictEqual(reportWidth({}, {}), 100);
        assert.strictEqual(reportWidth({ isTTY: true, columns: 10 }), 40);
    });

    it("COLUMNS, when a whole number above 0, overrides the terminal's width and the default (POSIX)", () => {
        assert.strictEqual(reportWidth({}, { COLUMNS: "60" }), 60);
        assert.strictEqual(reportWidth({ isTTY: true, columns: 132 }, { COLUMNS: "72" }), 72);
        assert.strictEqual(reportWidth({}, { COLUMNS: "12" }), 40);
        for (const ignored of ["", "0", "-5", "wide", "80px", undefined]) {
            assert.strictEqual(reportWidth({ isTTY: true, columns: 132 }, { COLUMNS: ignored }), 132, String(ignored));
            assert.strictEqual(reportWidth({}, { COLUMNS: ignored }), 100, String(ignored));
        }
    });

    it("continues a tree line under its branch, a label's value under the value, cuts only a word too long", () => {
        assert.deepStrictEqual(wrapLine("│  ├─ aws:kms/key:Key  alerts-key  name=a kmsKeyId=arn:aws:kms:x", 39), [
            "│  ├─ aws:kms/key:Key  alerts-key",
            "│  │      name=a kmsKeyId=arn:aws:kms:x",
        ]);
        assert.deepStrictEqual(wrapLine("   └─ aws:sns/topic:Topic  alerts-topic  a=1 b=2", 32), [
            "   └─ aws:sns/topic:Topic",
            "          alerts-topic  a=1 b=2",
        ]);
        assert.deepStrictEqual(wrapLine("  description   one two three four five six", 34), [
            "  description   one two three four",
            "                five six",
        ]);
        assert.deepStrictEqual(
            wrapLine("│  ├─ aws:cloudwatch/logGroup:LogGroup  kmsKeyId=arn:aws:kms:eu-west-1:111122223333:key/1", 40),
            [
                "│  ├─ aws:cloudwatch/logGroup:LogGroup",
                "│  │      kmsKeyId=arn:aws:kms:eu-west-1",
                "│  │      :111122223333:key/1",
            ],
        );
        assert.deepStrictEqual(wrapLine("x".repeat(25), 10), [
            "x".repeat(10),
            `    ${"x".repeat(6)}`,
            `    ${"x".repeat(6)}`,
            `    ${"xxx"}`,
        ]);
        assert.deepStrictEqual(wrapLine("short", 10), ["short"]);
        // A resource type longer than the line is cut after its branch, never leaves the branch alone on a line.
        const type = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
        assert.deepStrictEqual(wrapLine(`│  ├─ ${type}  audit-bucket-encryption  sseAlgorithm=AES256`, 60), [
            `│  ├─ ${type.slice(0, 54)}`,
            `│  │      ${type.slice(54)}`,
            "│  │      audit-bucket-encryption  sseAlgorithm=AES256",
        ]);
    });

    for (const columns of [undefined, 60]) {
        it(`check --stack prod: every line within ${columns ?? "100 (not a terminal)"} columns, nothing lost`, async () => {
            const wide = await unwrappedProdReport();
            const narrow = await runCli(["check", "--stack", "prod"], { stdoutColumns: columns });
            assert.strictEqual(narrow.code, 0, narrow.stdout + narrow.stderr);
            const longest = Math.max(...narrow.stdout.split("\n").map((l) => [...l].length));
            assert.ok(longest <= (columns ?? 100), `a line of ${longest} characters`);
            assert.ok(
                wide.stdout.split("\n").some((l) => [...l].length > (columns ?? 100)),
                "nothing to wrap",
            );
            assert.strictEqual(content(narrow.stdout), content(wide.stdout));
        });
    }

    it("the binary wraps at COLUMNS when stdout is a pipe: `COLUMNS=60 trailwatch check | less`", async () => {
        const { stdout } = await execFileAsync(
            process.execPath,
            [path.join(projectDir, "bin", "trailwatch.js"), "check"],
            {
                cwd: projectDir,
                env: { ...process.env, COLUMNS: "60" },
            },
        );
        const longest = Math.max(...stdout.split("\n").map((l) => [...l].length));
        assert.ok(longest <= 60 && longest > 40, `the longest line has ${longest} characters`);
    });

    it("--json keeps every value whole (the alert description on one line)", async () => {
        const { stdout } = await runCli(["check", "--stack", "prod", "--json"], { stdoutColumns: 60 });
        const doc = JSON.parse(stdout);
        assert.match(doc.alertPreview.firing.description, /^\[P1\] Root user activity \| Why: .{200,}/);
    });
});

describe("trailwatch check's resource counts agree between sections", () => {
    it("the tree's total, the policy pack's and the summary's are the number of registrations", async () => {
        const { stdout, code } = await unwrappedProdReport();
        assert.strictEqual(code, 0, stdout);
        const json = JSON.parse((await runCli(["check", "--stack", "prod", "--json"])).stdout);
        const total = json.resources.length as number;
        const custom = (json.resources as { custom: boolean; type: string }[]).filter((r) => r.custom);
        const providers = custom.filter((r) => r.type.startsWith("pulumi:providers:")).length;
        const components = total - custom.length - 1;
        assert.match(
            stdout,
            new RegExp(
                `^Resources \\(${total} resources: ${custom.length - providers} cloud resources, ${providers} providers?, ` +
                    `${components} components, the stack\\)$`,
                "m",
            ),
        );
        assert.match(stdout, new RegExp(`^Pack trailwatch .* over all ${total} resources, `, "m"));
        assert.match(stdout, new RegExp(`\\nOK: stack prod passes the offline check \\(${total} resources\\)\\.\\n$`));
        // The tree has one line per resource.
        const tree = stdout.slice(stdout.indexOf("pulumi:pulumi:Stack"), stdout.indexOf("\n\nRules"));
        assert.strictEqual(tree.split("\n").length, total);
    });
});
