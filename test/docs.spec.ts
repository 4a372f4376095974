import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { projectDir } from "./support/repositoryPaths";

// The documentation is one README (the front door), one file per topic in docs/, and the packages' own READMEs.
// Every relative link among them must lead somewhere: the file exists and the #anchor is a heading of it, named
// as GitHub names heading anchors.

/** The documentation's markdown files, relative to the repository root. */
function documentationFiles(): string[] {
    const docs = fs
        .readdirSync(path.join(projectDir, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`);
    return ["README.md", ...docs.sort(), "components/README.md", "policy/README.md"];
}

/** The markdown without fenced code blocks and inline code, where `[x](y)` is text, not a link. */
function proseOf(markdown: string): string {
    return markdown.replace(/^[ \t]*(```|~~~)[\s\S]*?^[ \t]*\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/**
 * The anchor GitHub gives a heading, as github-slugger (the package GitHub's renderer and most markdown tools
 * follow) computes it: the rendered text in lower case, every character that is not a letter, mark, number,
 * connector (`_`), hyphen or space removed, spaces turned into hyphens; a repeated anchor gets `-1`, `-2`, ...
 */
function githubAnchor(heading: string): string {
    const rendered = heading
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link shows its text
        .replace(/<[^>]+>/g, "") // inline HTML shows nothing
        .replace(/[`*]/g, "") // code and emphasis show their text
        .replace(/(^|\s)_+(?=\S)|(?<=\S)_+(?=\s|$)/g, "$1"); // emphasis with _, but not snake_case
    return rendered
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
        .replace(/ /g, "-");
}

/** The anchors of a markdown file's headings (ATX headings outside code blocks), with GitHub's numbering of repeats. */
function anchorsOf(markdown: string): Set<string> {
    const seen = new Map<string, number>();
    const anchors = new Set<string>();
    const withoutCode = markdown.replace(/^[ \t]*(```|~~~)[\s\S]*?^[ \t]*\1[^\n]*$/gm, "");
    for (const m of withoutCode.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
        const base = githubAnchor(m[1]);
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    return anchors;
}

/** The relative links of a markdown file: inline links and images whose target has no URL scheme. */
function relativeLinks(markdown: string): string[] {
    const links: string[] = [];
    for (const m of proseOf(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        if (!/^[a-z][a-z0-9+.-]*:/i.test(m[1])) links.push(m[1]);
    }
    return links;
}

/** Why a relative link from `file` leads nowhere, or undefined when it resolves. */
function brokenReason(file: string, link: string): string | undefined {
    const [target, anchor] = link.split("#", 2) as [string, string | undefined];
    const targetFile = target === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
    let absolute = path.join(projectDir, targetFile);
    if (targetFile === cliReference && !fs.existsSync(absolute)) absolute = path.join(projectDir, "README.md");
    if (!fs.existsSync(absolute)) return `${targetFile} does not exist`;
    if (anchor === undefined || anchor === "") return undefined;
    if (fs.statSync(absolute).isDirectory() || !targetFile.endsWith(".md"))
        return `#${anchor} on a file that is not markdown`;
    const anchors = anchorsOf(fs.readFileSync(absolute, "utf8"));
    return anchors.has(decodeURIComponent(anchor)) ? undefined : `${targetFile} has no heading #${anchor}`;
}

/**
 * The CLI reference. Until README.md's `## CLI` and `## Backtests in SQL` sections move there (a change of their own,
 * which keeps the headings), links to its anchors are checked against README.md, where those headings still are.
 */
const cliReference = "docs/cli.md";

/**
 * Links of README.md's `## CLI` and `## Backtests in SQL` sections to anchors that moved to docs/: those sections move
 * to docs/cli.md in a change of their own, which rewrites these links. Remove this list with that change (the last
 * test below fails until then, so it cannot outlive it).
 */
describe("documentation links: every relative link of README.md, docs/ and the packages' READMEs resolves", () => {
    it("names anchors as GitHub does", () => {
        assert.deepStrictEqual(
            [
                "A customer-managed key (`kmsKeyArn`)",
                "`trailwatch check`",
                "Backtests in SQL: DuckDB and Amazon Athena",
                "Deleting a stack, and really deleting the audit data",
                "`trailwatch backtest --engine duckdb|athena`",
                "From Python, Go, .NET, Java or YAML",
                "Use it in [your organisation](x.md)",
                "snake_case and *emphasis*",
            ].map(githubAnchor),
            [
                "a-customer-managed-key-kmskeyarn",
                "trailwatch-check",
                "backtests-in-sql-duckdb-and-amazon-athena",
                "deleting-a-stack-and-really-deleting-the-audit-data",
                "trailwatch-backtest---engine-duckdbathena",
                "from-python-go-net-java-or-yaml",
                "use-it-in-your-organisation",
                "snake_case-and-emphasis",
            ],
        );
        assert.deepStrictEqual(
            [...anchorsOf("# A\n\n```sh\n# not a heading\n```\n\n## A\n### B ###\n")],
            ["a", "a-1", "b"],
        );
    });

    it("finds the links: inline links outside code, with or without an anchor, no URLs", () => {
        assert.deepStrictEqual(
            relativeLinks(
                'See [a](docs/a.md), [b](#b), ![c](img/c.png "t") and [d](https://example.com).\n' +
                    "`[e](e.md)`\n```\n[f](f.md)\n```\n",
            ),
            ["docs/a.md", "#b", "img/c.png"],
        );
    });

    for (const file of documentationFiles()) {
        it(file, () => {
            const markdown = fs.readFileSync(path.join(projectDir, file), "utf8");
            const broken = relativeLinks(markdown)
                .map((link) => ({ link, reason: brokenReason(file, link) }))
                .filter((b) => b.reason !== undefined)
                .map((b) => `${b.link}: ${b.reason}`);
            assert.deepStrictEqual(broken, []);
        });
    }

    it("keeps README.md a front door: at most 250 lines", () => {
        const lines = fs.readFileSync(path.join(projectDir, "README.md"), "utf8").split("\n");
        assert.ok(lines.length <= 250, `README.md has ${lines.length} lines; the reference belongs in docs/`);
    });

    it("reaches every file of docs/ from README.md", () => {
        const linked = new Set(
            relativeLinks(fs.readFileSync(path.join(projectDir, "README.md"), "utf8")).map((l) => l.split("#")[0]),
        );
        const unlinked = documentationFiles()
            .filter((f) => f.startsWith("docs/"))
            .filter((f) => !linked.has(f));
        assert.deepStrictEqual(unlinked, []);
    });
});

describe("documentation of the org-wide install", () => {
    const version = (
        JSON.parse(fs.readFileSync(path.join(projectDir, "components", "package.json"), "utf8")) as {
            version: string;
        }
    ).version;

    it("README.md and components/README.md install and enable the version the packages carry", () => {
        for (const file of ["README.md", "components/README.md"]) {
            const text = fs.readFileSync(path.join(projectDir, file), "utf8");
            // The install lines (the Releases section's example of a later version is prose, not one of them).
            const pinned = [...text.matchAll(/^npm install --save-exact @trailwatch\/components@(\S+) /gm)].map(
                (m) => m[1],
            );
            assert.ok(pinned.length > 0, `${file} shows no install command`);
            assert.deepStrictEqual(new Set(pinned), new Set([version]), file);
        }
        const readme = fs.readFileSync(path.join(projectDir, "README.md"), "utf8");
        assert.match(readme, new RegExp(`pulumi policy enable <org>/trailwatch ${version.replace(/\./g, "\\.")} `));
        assert.match(readme, /npm install --save-exact /, "a team pins the exact version");
    });
});
