import { resolveAlertRules } from "@trailwatch/components/catalogue";

/**
 * The rule catalogue of docs/rules.md (its `rule-catalogue` section, written by `npm run docs`): one row per built-in
 * rule, in catalogue order, from the rule data itself.
 */
export function ruleCatalogueTable(): string {
    const escape = (text: string) => text.replace(/\|/g, "\\|");
    return [
        "| id | severity | control | title |",
        "| --- | --- | --- | --- |",
        ...resolveAlertRules().rules.map(
            (r) => `| \`${r.id}\` | ${r.severity} | ${escape(r.control)} | ${escape(r.title)} |`,
        ),
    ].join("\n");
}
