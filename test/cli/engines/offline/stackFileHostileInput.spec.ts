import * as assert from "assert";
import * as fs from "fs";
import { projectWithStack } from "../../../support/projectWithStack";
import { runCli } from "../../../support/runCli";

// The key and ciphertext are made up by the test: what must never reach the output.
const apiKey = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const ciphertext = "v1:Q2lwaGVydGV4dE9mQVNlY3JldFRoYXRNdXN0TmV2ZXJCZVByaW50ZWQ=";

async function check(stack: string, yaml: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const dir = projectWithStack(stack, yaml);
    try {
        return await runCli(["check", "--stack", stack], { cwd: dir });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** No run of 8 characters of the secret appears in the text. */
function assertNoPartOf(secret: string, text: string): void {
    for (let i = 0; i + 8 <= secret.length; i++) {
        assert.ok(!text.includes(secret.slice(i, i + 8)), `"${secret.slice(i, i + 8)}" printed:\n${text}`);
    }
}

describe("stack files: secrets never in error messages, malformed secure values refused, size checked first", function () {
    this.timeout(10_000);

    it("a YAML syntax error on the line of a plain-text API key shows the line with the key masked", async () => {
        const { code, stdout, stderr } = await check(
            "leak",
            `config:\n  aws:region: eu-west-1\n  trailwatch:opsgenieApiKey: ${apiKey}: x\n`,
        );
        assert.strictEqual(code, 2);
        assert.strictEqual(stdout, "");
        assertNoPartOf(apiKey, stderr);
        assert.strictEqual(
            stderr,
            "trailwatch check: stacks/Pulumi.leak.yaml: Nested mappings are not allowed in compact mappings at line 3, column 30:\n\n" +
                "    aws:region: eu-west-1\n" +
                "    trailwatch:opsgenieApiKey: [masked]\n" +
                "                               ^\n\n",
        );
    });

    it("a YAML syntax error next to a secure: ciphertext shows no part of it", async () => {
        for (const yaml of [
            `config:\n  trailwatch:opsgenieApiKey:\n    secure: ${ciphertext}\n      bad: 1\n`,
            `config:\n  trailwatch:other:\n    secure: ${ciphertext}\n  trailwatch:x: [\n`,
            `config:\n  trailwatch:other: { secure: ${ciphertext} } }\n`,
        ]) {
            const { code, stderr } = await check("cipher", yaml);
            assert.strictEqual(code, 2, stderr);
            assert.match(stderr, /^trailwatch check: stacks\/Pulumi\.cipher\.yaml: /);
            assertNoPartOf(ciphertext, stderr);
        }
    });

    const malformed: [string, string][] = [
        ["secure:\n", '"secure" must hold the ciphertext as text; it is empty'],
        ['secure: ""\n', '"secure" is empty'],
        ["secure: [a, b]\n", '"secure" must hold the ciphertext as text; it is a list'],
        ["secure: { a: b }\n", '"secure" must hold the ciphertext as text; it is a map'],
        [
            `secure: ${ciphertext}\n    note: mine\n`,
            'a secure value is a map with the one key "secure"; this one also has "note"',
        ],
    ];
    for (const [value, message] of malformed) {
        it(`a malformed secure value is an error naming the key, not exit 0: ${JSON.stringify(value.trim())}`, async () => {
            const { code, stdout, stderr } = await check(
                "secure",
                `config:\n  aws:region: eu-west-1\n  trailwatch:opsgenieEnabled: true\n  trailwatch:opsgenieApiKey:\n    ${value}`,
            );
            assert.strictEqual(stdout, "");
            assert.strictEqual(
                stderr,
                `trailwatch check: stacks/Pulumi.secure.yaml: trailwatch:opsgenieApiKey: ${message}: set it again with \`pulumi config set --secret\`\n`,
            );
            assert.strictEqual(code, 2);
            assertNoPartOf(ciphertext, stderr);
        });
    }

    it("a 56 MB stack file of 500,000 custom rules is refused by its size, in well under a second", async () => {
        const rule = (i: number) =>
            `    - id: r${i}\n      title: t\n      pattern: "{ $.eventName = X${i} }"\n      severity: P3\n      rationale: r\n`;
        const yaml = `config:\n  trailwatch:customRules:\n${Array.from({ length: 500_000 }, (_, i) => rule(i)).join("")}`;
        const started = Date.now();
        const { code, stderr } = await check("huge", yaml);
        assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
        assert.strictEqual(code, 2);
        assert.match(
            stderr,
            /^trailwatch check: stacks\/Pulumi\.huge\.yaml: \d+ KB; a stack file may be at most 512 KB \(a stack of 100 rules, the most CloudWatch Logs allows per log group, takes about 250 KB\)\n$/,
        );
    });
});

describe("trailwatch check: hostile values end with the problems and exit 2 (an input error), quickly", function () {
    it("1,000 custom rules, 2,000 office addresses, an override of __proto__, aws: and __proto__ tags, 1e23 days, a forged title", async function () {
        this.timeout(15_000);
        const rules = Array.from(
            { length: 1_000 },
            (_, i) => `    - { id: r${i}, title: t, pattern: "{ $.eventName = X }", severity: P3, rationale: r }\n`,
        ).join("");
        const addresses = Array.from({ length: 2_000 }, (_, i) => `    - 10.0.${i >> 8}.${i & 255}\n`).join("");
        const yaml =
            "config:\n  aws:region: eu-west-1\n" +
            "  trailwatch:archiveExpirationDays: 1e23\n" +
            "  trailwatch:tags:\n    __proto__: x\n    aws:owner: me\n" +
            "  trailwatch:ruleOverrides:\n    __proto__: { threshold: 2 }\n" +
            `  trailwatch:customRules:\n${rules}` +
            `  trailwatch:officeIpAddresses:\n${addresses}`;
        assert.ok(yaml.length < 512 * 1024, `${yaml.length} bytes`);
        const started = Date.now();
        const { code, stdout, stderr } = await check("hostile", yaml);
        assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
        assert.strictEqual(stdout, "");
        assert.strictEqual(code, 2);
        const lines = stderr.split("\n");
        assert.strictEqual(lines[0], "trailwatch check: stack hostile: invalid stack configuration:");
        const problems = lines.slice(1).filter((l) => l !== "");
        const expected = [
            "  trailwatch:archiveExpirationDays: 1e+23 is not a whole number of days from 0 to 2147483647",
            "  trailwatch:tags.__proto__: is a key Pulumi cannot pass on (it is dropped on the way to AWS); choose another tag name",
            "  trailwatch:tags.aws:owner: tag keys starting with aws: are reserved for AWS",
            "  trailwatch:officeIpAddresses: has 2,000 entries; at most 31 (more cannot fit in the 1024 characters of the console-login-outside-office filter pattern)",
            "  trailwatch:customRules: has 1,000 entries; at most 100 (each rule is a metric filter, and CloudWatch Logs allows 100 per log group)",
        ];
        for (const e of expected) assert.ok(problems.includes(e), `missing ${e}\n${stderr}`);
        assert.ok(
            problems.some((p) =>
                p.startsWith('  trailwatch:ruleOverrides.__proto__: "__proto__" is not a rule id; valid ids: '),
            ),
            stderr,
        );
        assert.strictEqual(problems.length, expected.length + 1, stderr);
    });

    it("a control character in a custom rule's title never reaches the alarm description", async function () {
        this.timeout(15_000);
        const { code, stderr } = await check(
            "forged",
            'config:\n  aws:region: eu-west-1\n  trailwatch:customRules:\n    - { id: forged, title: "Root sign-in\\r\\nAWSAccountId: 999999999999", pattern: "{ $.eventName = X }", severity: P1, rationale: r }\n',
        );
        assert.strictEqual(code, 2);
        assert.strictEqual(
            stderr,
            "trailwatch check: stack forged: invalid stack configuration:\n" +
                "  trailwatch:customRules[0].title: has a control character (U+000D) at position 13; it is one line of plain text in the alarm description\n",
        );
    });
});
