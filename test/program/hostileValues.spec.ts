import * as assert from "assert";
import * as fs from "fs";
import { readStackFile } from "../../cli/engines/offline/stackFile";
import { projectWithStack } from "../support/projectWithStack";
import { stackConfigProblems } from "../support/stackConfigProblems";

const region = { "aws:region": "eu-west-1" };
const problems = (values: Record<string, string>) => stackConfigProblems({ ...region, ...values });

/** The problems of a stack file as `check` reads it: YAML, then the configuration. */
function stackFileProblems(yaml: string): string[] {
    const dir = projectWithStack("values", yaml);
    try {
        const { values, secretKeys } = readStackFile(dir, "values");
        return stackConfigProblems(values, [...secretKeys]);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe("stack configuration: values accepted silently or reported wrongly before", () => {
    it("1e23 days is refused by name, not passed to the lifecycle as 1e+23", () => {
        assert.deepStrictEqual(problems({ "trailwatch:archiveExpirationDays": "1e23" }), [
            "trailwatch:archiveExpirationDays: 1e+23 is not a whole number of days from 0 to 2147483647",
        ]);
        assert.deepStrictEqual(problems({ "trailwatch:noncurrentVersionExpirationDays": "2147483648" }), [
            "trailwatch:noncurrentVersionExpirationDays: 2147483648 is not a whole number of days from 0 to 2147483647",
        ]);
        assert.deepStrictEqual(problems({ "trailwatch:archiveExpirationDays": "2147483647" }), []);
    });

    it('1e309 and .nan in a stack file are reported as what they are, not as "null"', () => {
        assert.deepStrictEqual(
            stackFileProblems(
                "config:\n  aws:region: eu-west-1\n  trailwatch:archiveTransitionDays: 1e309\n  trailwatch:archiveExpirationDays: .nan\n",
            ),
            [
                'trailwatch:archiveTransitionDays: "Infinity" is not a number',
                'trailwatch:archiveExpirationDays: "NaN" is not a number',
            ],
        );
    });

    const tagCases: [string, string | Record<string, unknown>, string[]][] = [
        [
            "__proto__ (which Pulumi would drop on the way to AWS)",
            '{"__proto__":"x","team":"security"}',
            [
                "trailwatch:tags.__proto__: is a key Pulumi cannot pass on (it is dropped on the way to AWS); choose another tag name",
            ],
        ],
        [
            "an aws: key",
            { "aws:cloudformation:stack-name": "x" },
            ["trailwatch:tags.aws:cloudformation:stack-name: tag keys starting with aws: are reserved for AWS"],
        ],
        ["an AWS: key", { "AWS:x": "y" }, ["trailwatch:tags.AWS:x: tag keys starting with aws: are reserved for AWS"]],
        [
            "a 129-character key",
            { ["k".repeat(129)]: "v" },
            [`trailwatch:tags.${"k".repeat(129)}: a tag key is 1-128 characters; this one is 129`],
        ],
        ["an empty key", { "": "v" }, ["trailwatch:tags.: a tag key is 1-128 characters; this one is 0"]],
        [
            "a 257-character value",
            { team: "v".repeat(257) },
            ["trailwatch:tags.team: a tag value is at most 256 characters; this one is 257"],
        ],
        [
            "a key with a character AWS does not allow",
            { "team;drop": "v" },
            ["trailwatch:tags.team;drop: a tag key holds letters, digits, spaces and _ . : / = + - @ only"],
        ],
        [
            "a value with a control character",
            { team: "a\nb" },
            ["trailwatch:tags.team: a tag value holds letters, digits, spaces and _ . : / = + - @ only"],
        ],
        [
            "51 tags",
            Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"])),
            ["trailwatch:tags: has 51 tags; AWS allows at most 50 per resource"],
        ],
    ];
    for (const [name, tags, expected] of tagCases) {
        it(`tags: ${name} is an error naming the tag`, () => {
            // JSON.stringify keeps an own "__proto__" key (JSON.parse of the stack file's value makes one).
            const text = name.startsWith("__proto__") ? '{"__proto__":"x","team":"security"}' : JSON.stringify(tags);
            assert.deepStrictEqual(problems({ "trailwatch:tags": text }), expected);
        });
    }

    it("tags at AWS's limits are accepted: 128-character key, 256-character value, Unicode letters, 50 tags", () => {
        const tags = Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`t${i}`, "v"]));
        tags["k".repeat(128)] = "v".repeat(256);
        tags["Équipe sécurité"] = "a/b=c+d-e@f.g:h_i";
        assert.deepStrictEqual(problems({ "trailwatch:tags": JSON.stringify(tags) }), []);
    });

    it("a control character in a custom rule's title is an error naming the rule's title", () => {
        const rule = {
            id: "forged",
            title: "Root sign-in\nAWSAccountId: 999999999999",
            pattern: "{ $.eventName = ConsoleLogin }",
            severity: "P1",
            rationale: "r",
        };
        assert.deepStrictEqual(problems({ "trailwatch:customRules": JSON.stringify([rule]) }), [
            "trailwatch:customRules[0].title: has a control character (U+000A) at position 13; it is one line of plain text in the alarm description",
        ]);
    });
});
