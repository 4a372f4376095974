import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseFilterPattern } from "@trailwatch/components";
import { loadRecordTemplates } from "../../../../bench/syntheticArchive";
import { EventNameIndex, requiredEventNames } from "../../../../cli/engines/backtest/eventNameIndex";
import { corpusDir } from "../../../support/repositoryPaths";
import { catalogueRulesForTemplates } from "./catalogueRulesForTemplates";

const corpusEvents = path.join(corpusDir, "cloudtrail-events");

describe("backtest: which rules an event name can match", () => {
    const table: [string, string[] | undefined][] = [
        ["{ $.eventName = ConsoleLogin }", ["ConsoleLogin"]],
        ['{ ($.eventName = "CreateVpc") || ($.eventName = DeleteVpc) }', ["CreateVpc", "DeleteVpc"]],
        [
            "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }",
            ["DisableKey", "ScheduleKeyDeletion"],
        ],
        ["{ ($.eventName = A) && ($.eventName = B) }", []],
        // Not pinned down: another field in an ||, a wildcard, a negation, a regex, a number, a nested name.
        ["{ ($.eventName = ConsoleLogin) || ($.errorCode = AccessDenied) }", undefined],
        ["{ $.eventName = Create* }", undefined],
        ["{ $.eventName = *Login }", undefined],
        ["{ $.eventName != ConsoleLogin }", undefined],
        ["{ $.eventName = %Console% }", undefined],
        ["{ $.eventName = 5 }", undefined],
        ["{ $.insightDetails.eventName = RunInstances }", undefined],
        ["ConsoleLogin", undefined],
        ['{ $.userIdentity.type = "Root" }', undefined],
    ];
    for (const [pattern, names] of table) {
        it(`${pattern} -> ${names === undefined ? "any event" : `[${names.join(", ")}]`}`, () => {
            const result = requiredEventNames(parseFilterPattern(pattern));
            assert.deepStrictEqual(result === undefined ? undefined : [...result].sort(), names);
        });
    }

    it("never leaves out a rule that matches: every catalogue rule on every template and corpus event", () => {
        const rules = catalogueRulesForTemplates();
        const patterns = rules.map((r) => parseFilterPattern(r.pattern));
        const index = new EventNameIndex(patterns);
        const templates = loadRecordTemplates();
        const events: object[] = [
            ...templates.templates.map((t) => ({
                ...t.record,
                userIdentity: templates.principals[t.principals[0]],
                sourceIPAddress: t.sourceIPs[0],
            })),
            templates.insightTemplate.record,
        ];
        // The templates alone exercise the rules a few dozen times; the shared corpus (absent on a user's clone)
        // adds the real events.
        const withCorpus = fs.existsSync(corpusEvents);
        if (withCorpus) {
            for (const f of fs.readdirSync(corpusEvents).filter((n) => n.endsWith(".json") && n !== "index.json")) {
                events.push(JSON.parse(fs.readFileSync(path.join(corpusEvents, f), "utf8")));
            }
        }
        let matches = 0;
        for (const event of events) {
            const candidates = index.candidates((event as { eventName?: unknown }).eventName);
            patterns.forEach((p, i) => {
                if (!p.matches(event)) return;
                matches++;
                assert.ok(candidates.includes(i), `${rules[i].id} matches ${JSON.stringify(event).slice(0, 120)}`);
            });
        }
        const minimum = withCorpus ? 50 : 20;
        assert.ok(
            matches > minimum,
            `the events exercise the rules (${matches} matches, more than ${minimum} expected)`,
        );
    });
});
