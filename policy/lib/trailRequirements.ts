import { PolicyConfigSchema } from "@pulumi/policy";
import { Props, containsUnknown, isUnknown, knownArray, knownObject, knownString } from "./knownValues";

/**
 * The requirements every trail must meet, as pure functions over a trail's properties. Each returns the
 * problems it finds, one violation message per problem, naming the trail and the fix; an empty list means
 * compliant (or not decidable before the update, because a value it needs is unknown).
 *
 * The per-trail policies report these problems; `stack-has-compliant-trail` uses the same functions to decide
 * whether at least one trail meets them all.
 */

/** The CloudTrail Insights types AWS offers. */
export const insightTypes = ["ApiCallRateInsight", "ApiErrorRateInsight"] as const;

/** Configuration of the policies that check Insights. */
export interface InsightsConfig {
    /** Insights types every trail must enable. @default both `ApiCallRateInsight` and `ApiErrorRateInsight` */
    requiredInsightTypes?: string[];
}

/** The config schema of `requiredInsightTypes`, shared by the policies that check Insights. */
export const insightsConfigSchema: PolicyConfigSchema = {
    properties: {
        requiredInsightTypes: {
            type: "array",
            items: { type: "string", enum: [...insightTypes] },
            uniqueItems: true,
            default: [...insightTypes],
            description: "CloudTrail Insights types every trail must enable.",
        },
    },
};

/**
 * The Insights types required by a policy's configuration. The Pulumi CLI fills in schema defaults, but a
 * pack run by other means (or an older CLI) may pass no configuration at all, so the default lives here too.
 */
export function requiredInsightTypes(config: InsightsConfig): readonly string[] {
    return Array.isArray(config.requiredInsightTypes) ? config.requiredInsightTypes : insightTypes;
}

/** The trail must record every region, and global service events with them. */
export function multiRegionProblems(trailName: string, props: Props): string[] {
    const problems: string[] = [];
    const multiRegion = props.isMultiRegionTrail;
    if (!isUnknown(multiRegion) && multiRegion !== true) {
        problems.push(
            `Trail "${trailName}" records only the region it is created in: set isMultiRegionTrail to true so that ` +
                "API activity in every region, including regions nobody uses, is recorded.",
        );
    }
    if (props.includeGlobalServiceEvents === false) {
        problems.push(
            `Trail "${trailName}" leaves out global service events (IAM, STS, CloudFront): set ` +
                "includeGlobalServiceEvents to true (its default).",
        );
    }
    return problems;
}

/** The trail must be logging: `enableLogging: false` stops it. */
export function loggingProblems(trailName: string, props: Props): string[] {
    if (props.enableLogging !== false) return [];
    return [
        `Trail "${trailName}" is stopped (enableLogging is false) and records nothing: set enableLogging to true ` +
            "(its default).",
    ];
}

type Direction = "read" | "write";

/** What one selector contributes to management-event coverage. */
interface SelectorCoverage {
    /** Read (or write) management events pass the selector's read/write restriction. */
    read: boolean;
    write: boolean;
    /** The selector drops some management events of both kinds (by event source, name, …). */
    narrowed: boolean;
    /** Why this selector falls short of recording every management event, if it does. */
    shortfall?: string;
}

/** Management events of the trail must be recorded in full, read and write. */
export function managementEventProblems(trailName: string, props: Props): string[] {
    const advanced = props.advancedEventSelectors;
    const basic = props.eventSelectors;
    if (isUnknown(advanced) || isUnknown(basic)) return [];
    const advancedList = knownArray(advanced) ?? [];
    const basicList = knownArray(basic) ?? [];
    // AWS rejects a trail with both kinds; the advanced selectors are the ones that would apply.
    if (advancedList.length > 0) return advancedSelectorProblems(trailName, advancedList);
    // With no selector at all, CloudTrail records every management event, read and write.
    if (basicList.length === 0) return [];
    return basicSelectorProblems(trailName, basicList);
}

function basicSelectorProblems(trailName: string, selectors: unknown[]): string[] {
    const coverages: SelectorCoverage[] = [];
    for (const [index, raw] of selectors.entries()) {
        const selector = knownObject(raw);
        if (selector === undefined) return [];
        const label = `event selector ${index + 1}`;
        const include = selector.includeManagementEvents;
        const exclusions = selector.excludeManagementEventSources;
        const readWriteType = selector.readWriteType;
        if (isUnknown(include) || containsUnknown(exclusions) || isUnknown(readWriteType)) return [];
        // Both default as CloudTrail (and the provider) default them: management events on, read and write.
        if (include === false) continue;
        const type = knownString(readWriteType) ?? "All";
        const excluded = (knownArray(exclusions) ?? []).filter((s): s is string => typeof s === "string");
        coverages.push({
            read: type === "All" || type === "ReadOnly",
            write: type === "All" || type === "WriteOnly",
            narrowed: excluded.length > 0,
            shortfall:
                excluded.length > 0
                    ? `${label} excludes the management events of ${excluded.join(", ")} with excludeManagementEventSources`
                    : type !== "All"
                      ? `${label} has readWriteType "${type}"`
                      : undefined,
        });
    }
    return coverageProblems(
        trailName,
        coverages,
        "every event selector sets includeManagementEvents to false",
        'set includeManagementEvents to true and readWriteType to "All" on an event selector, without ' +
            "excludeManagementEventSources",
    );
}

function advancedSelectorProblems(trailName: string, selectors: unknown[]): string[] {
    const coverages: SelectorCoverage[] = [];
    for (const [index, raw] of selectors.entries()) {
        const selector = knownObject(raw);
        const fieldList = knownArray(selector?.fieldSelectors);
        if (fieldList === undefined) return [];
        const fields = fieldList.map(knownObject).filter((f) => f !== undefined);
        // A data-event selector may hold unknown ARNs; only the management-event selectors must be known.
        if (fields.some((f) => isUnknown(f.field) || (f.field === "eventCategory" && containsUnknown(f)))) return [];
        const category = fields.find((f) => f.field === "eventCategory");
        if (!stringList(category?.equals).includes("Management")) continue;
        if (containsUnknown(selector)) return [];
        const name = knownString(selector?.name);
        const label = name === undefined ? `advanced event selector ${index + 1}` : `advanced event selector "${name}"`;
        const readOnly = stringList(fields.find((f) => f.field === "readOnly")?.equals);
        const restrictsReadOnly = readOnly.length === 1;
        const narrowing = fields
            .filter((f) => f.field !== "eventCategory" && f.field !== "readOnly")
            .map((f) => `${String(f.field)} ${operatorsOf(f)}`);
        coverages.push({
            read: !restrictsReadOnly || readOnly[0] === "true",
            write: !restrictsReadOnly || readOnly[0] === "false",
            narrowed: narrowing.length > 0,
            shortfall:
                narrowing.length > 0
                    ? `${label} also filters on ${narrowing.join(" and ")}`
                    : restrictsReadOnly
                      ? `${label} restricts readOnly to "${readOnly[0]}"`
                      : undefined,
        });
    }
    return coverageProblems(
        trailName,
        coverages,
        'no advanced event selector has eventCategory equals "Management"',
        'add an advanced event selector whose only field selector is eventCategory equals ["Management"]',
    );
}

function coverageProblems(trailName: string, coverages: SelectorCoverage[], noneReason: string, fix: string) {
    const covered = (direction: Direction) => coverages.some((c) => c[direction] && !c.narrowed);
    const missing = (["read", "write"] as const).filter((d) => !covered(d));
    if (missing.length === 0) return [];
    const reasons = coverages.length === 0 ? [noneReason] : coverages.flatMap((c) => c.shortfall ?? []);
    return [
        `Trail "${trailName}" does not record all ${missing.join(" and ")} management events ` +
            `(${reasons.join("; ")}): ${fix}.`,
    ];
}

function stringList(value: unknown): string[] {
    return (knownArray(value) ?? []).filter((v): v is string => typeof v === "string");
}

/** The operators of an advanced field selector, as the provider names them. */
const fieldSelectorOperators = ["equals", "notEquals", "startsWiths", "notStartsWiths", "endsWiths", "notEndsWiths"];

/** `notEquals ["kms.amazonaws.com"]`: how a field selector narrows the events. */
function operatorsOf(fieldSelector: Props): string {
    return fieldSelectorOperators
        .flatMap((op) => {
            const values = stringList(fieldSelector[op]);
            return values.length > 0 ? [`${op} ${JSON.stringify(values)}`] : [];
        })
        .join(", ");
}

/** The trail must enable the required Insights types. */
export function insightProblems(trailName: string, props: Props, required: readonly string[]): string[] {
    const selectors = props.insightSelectors;
    if (isUnknown(selectors)) return [];
    const enabled = new Set<string>();
    for (const raw of knownArray(selectors) ?? []) {
        const type = knownObject(raw)?.insightType;
        if (isUnknown(raw) || isUnknown(type)) return [];
        if (typeof type === "string") enabled.add(type);
    }
    const missing = required.filter((type) => !enabled.has(type));
    if (missing.length === 0) return [];
    const additions = missing.map((type) => `{ insightType: "${type}" }`).join(", ");
    if (enabled.size === 0) {
        return [
            `Trail "${trailName}" has CloudTrail Insights off: set insightSelectors to [${additions}] so that ` +
                "unusual API call and error rates are detected.",
        ];
    }
    return [
        `Trail "${trailName}" does not enable the CloudTrail Insights type${missing.length > 1 ? "s" : ""} ` +
            `${missing.join(", ")}: add ${additions} to insightSelectors.`,
    ];
}

/** The trail must keep digest files that prove its log files were not altered. */
export function logFileValidationProblems(trailName: string, props: Props): string[] {
    const enabled = props.enableLogFileValidation;
    if (isUnknown(enabled) || enabled === true) return [];
    return [
        `Trail "${trailName}" has log file integrity validation off: set enableLogFileValidation to true so that ` +
            "altered or deleted log files can be detected (aws cloudtrail validate-logs).",
    ];
}

/** The trail must deliver to a CloudWatch Logs log group, through a role it can assume. */
export function cloudWatchLogsProblems(trailName: string, props: Props): string[] {
    const isSet = (value: unknown) => isUnknown(value) || (typeof value === "string" && value !== "");
    const group = isSet(props.cloudWatchLogsGroupArn);
    const role = isSet(props.cloudWatchLogsRoleArn);
    if (group && role) return [];
    if (!group && !role) {
        return [
            `Trail "${trailName}" does not deliver to CloudWatch Logs, so no metric filter or alarm sees its events: ` +
                'set cloudWatchLogsGroupArn (the log group\'s ARN followed by ":*") and cloudWatchLogsRoleArn ' +
                "(a role CloudTrail may assume to write there).",
        ];
    }
    if (!role) {
        return [
            `Trail "${trailName}" sets cloudWatchLogsGroupArn without cloudWatchLogsRoleArn: set ` +
                "cloudWatchLogsRoleArn to a role CloudTrail may assume to write to the log group.",
        ];
    }
    return [
        `Trail "${trailName}" sets cloudWatchLogsRoleArn without cloudWatchLogsGroupArn: set cloudWatchLogsGroupArn ` +
            'to the log group\'s ARN followed by ":*".',
    ];
}
