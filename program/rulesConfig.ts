import {
    AlertRule,
    AlertRuleOverride,
    AlertRuleSelection,
    MAX_METRIC_FILTERS_PER_LOG_GROUP,
    MAX_FILTER_PATTERN_LENGTH,
    SelectedAlertRule,
    builtInRuleIds,
    consoleLoginOutsideOfficePattern,
    defaultLargeInstanceTypes,
    defaultMetricNamespace,
    largeInstanceLaunchPattern,
    metricNamespaceProblem,
    resolveAlertRules,
} from "@trailwatch/components/catalogue";
import { ConfigKeyDoc, StackConfigReader } from "./stackConfigReader";

/** The stack configuration keys that choose and tune the alert rules (the `SecurityAlarms` component's rules). */
export const rulesConfigKeys: ConfigKeyDoc[] = [
    {
        key: "officeIpAddresses",
        type: "string[]",
        default: "none (console-login-outside-office is off)",
        description:
            "Addresses console sign-ins are expected from: IPv4, IPv6 as CloudTrail writes it (lowercase, shortest form), or whole leading octets/groups followed by a wildcard (`203.0.113.*`, `2001:db8:1:*`). No CIDR: filter patterns compare text.",
    },
    {
        key: "largeInstanceTypes",
        type: "string[]",
        default: defaultLargeInstanceTypes.join(", "),
        description:
            "Instance sizes (`16xlarge`, any family) or full types (`p4d.24xlarge`) whose launch large-instance-launch reports. An empty list turns the rule off.",
    },
    {
        key: "disabledRules",
        type: "string[]",
        default: "none",
        description:
            "Ids of rules (built-in or custom) to leave out; an unknown id is an error that lists the valid ids.",
    },
    {
        key: "ruleOverrides",
        type: "map",
        default: "none",
        description:
            "Per rule id: `threshold` (matches per period, above 0), `period` (seconds, a multiple of 60), `evaluationPeriods` (1 or more) and `severity` (`P1`-`P5`).",
    },
    {
        key: "customRules",
        type: "list of maps",
        default: "none",
        description:
            "The team's own rules: `id`, `title`, `pattern`, `severity`, `rationale`, optional `control` (default `team`), `threshold`, `period`, `evaluationPeriods`. Checked like the built-in rules (a bad pattern names its position).",
    },
    {
        key: "metricNamespace",
        type: "string",
        default: "Trailwatch",
        description:
            "CloudWatch namespace of the rules' metrics; stacks sharing an account and region need different namespaces.",
    },
];

/** The stack's alert rules: every rule with its status, and what `SecurityAlarms` deploys. */
export interface RulesConfig {
    /** CloudWatch namespace of the rules' metrics. */
    metricNamespace: string;
    /** What the stack chose, as given (after type checks): what `resolveAlertRules` resolves. */
    selection: AlertRuleSelection;
    /** Every rule (built-in and custom), resolved, with `enabled` and, when off, why. */
    rules: SelectedAlertRule[];
    /** The enabled rules, as `SecurityAlarms` takes them. */
    enabledRules: AlertRule[];
}

const overrideKeys = ["threshold", "period", "evaluationPeriods", "severity"] as const;
const customRuleKeys = [
    "id",
    "title",
    "pattern",
    "severity",
    "rationale",
    "control",
    "threshold",
    "period",
    "evaluationPeriods",
] as const;
const requiredCustomRuleKeys = ["id", "title", "pattern", "severity", "rationale"] as const;
const numberKeys: readonly string[] = ["threshold", "period", "evaluationPeriods"];

/*
 * How long each list may be, checked before any entry is: a stack file with 500,000 custom rules
 * or 300,000 office addresses is refused in milliseconds instead of being resolved for minutes.
 * The bounds come from CloudWatch Logs' own quotas: "CloudWatch Logs quotas"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html) and the
 * PutMetricFilter API reference: "The maximum number of metric filters that can be associated
 * with a log group is 100."; MetricFilter `filterPattern`: "Maximum length of 1024".
 */

/** One metric filter per rule, so at most this many custom rules fit beside no built-in rule at all. */
const MAX_CUSTOM_RULES = MAX_METRIC_FILTERS_PER_LOG_GROUP;

/**
 * The most entries a generated pattern can hold within 1024 characters: each entry adds at least
 * what the shortest valid one adds (`0.*` for an address, a one-character size for an instance type).
 */
function maxEntries(pattern: (entries: string[]) => string, shortest: string): number {
    const base = pattern([shortest]).length;
    const perEntry = pattern([shortest, shortest]).length - base;
    return 1 + Math.floor((MAX_FILTER_PATTERN_LENGTH - base) / perEntry);
}
const MAX_OFFICE_ADDRESSES = maxEntries(consoleLoginOutsideOfficePattern, "0.*");
const MAX_LARGE_INSTANCE_TYPES = maxEntries(largeInstanceLaunchPattern, "a");

/** Every rule a stack can name (built-in and custom) once; more ids than that cannot all be valid and distinct. */
const MAX_RULE_IDS = builtInRuleIds.length + MAX_CUSTOM_RULES;

/** Reports a list or map longer than `max` (naming why there is a bound) and says whether it is. */
function tooMany(reader: StackConfigReader, key: string, count: number, max: number, why: string): boolean {
    if (count <= max) return false;
    reader.fail(key, `has ${count.toLocaleString("en-US")} entries; at most ${max} (${why})`);
    return true;
}

/** A list of strings of at most `max` entries; a longer one is reported without checking its entries. */
function boundedStringList(reader: StackConfigReader, key: string, max: number, why: string): string[] | undefined {
    const value = reader.json(key);
    if (value === undefined) return undefined;
    if (Array.isArray(value) && tooMany(reader, key, value.length, max, why)) return undefined;
    return reader.asStringList(key, value);
}

function isMap(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks the keys and value types of one map (`numberKeys` must be numbers, the rest strings), reporting each
 * problem at `path.<key>`. True when the map is usable.
 */
function checkMap(
    reader: StackConfigReader,
    path: string,
    value: Record<string, unknown>,
    allowed: readonly string[],
    required: readonly string[],
): boolean {
    let ok = true;
    for (const [k, v] of Object.entries(value)) {
        if (!allowed.includes(k)) {
            reader.fail(`${path}.${k}`, `unknown key; accepted keys: ${allowed.join(", ")}`);
            ok = false;
        } else if (numberKeys.includes(k) ? typeof v !== "number" : typeof v !== "string") {
            reader.fail(
                `${path}.${k}`,
                `${JSON.stringify(v)} is not a ${numberKeys.includes(k) ? "number" : "string"}`,
            );
            ok = false;
        }
    }
    for (const k of required) {
        if (value[k] === undefined) {
            reader.fail(`${path}.${k}`, "is required");
            ok = false;
        }
    }
    return ok;
}

function readOverrides(reader: StackConfigReader): Record<string, AlertRuleOverride> | undefined {
    const value = reader.json("ruleOverrides");
    if (value === undefined) return undefined;
    if (!isMap(value)) {
        reader.fail(
            "ruleOverrides",
            "must be a map of rule ids to maps of threshold, period, evaluationPeriods, severity",
        );
        return undefined;
    }
    const entries = Object.entries(value);
    if (tooMany(reader, "ruleOverrides", entries.length, MAX_RULE_IDS, "one per rule, built-in or custom")) {
        return undefined;
    }
    const overrides: [string, AlertRuleOverride][] = [];
    for (const [id, override] of entries) {
        if (!isMap(override)) {
            reader.fail(`ruleOverrides.${id}`, `must be a map with the keys ${overrideKeys.join(", ")}`);
        } else if (checkMap(reader, `ruleOverrides.${id}`, override, overrideKeys, [])) {
            overrides.push([id, override]);
        }
    }
    // fromEntries defines each key as an own property: assigning `overrides["__proto__"]` would set
    // the object's prototype instead, and the override would vanish without a word.
    return Object.fromEntries(overrides);
}

/** The custom rules that are well-typed, with their index in the stack file's list. */
function readCustomRules(reader: StackConfigReader): { rule: AlertRule; index: number }[] | undefined {
    const value = reader.json("customRules");
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
        reader.fail("customRules", "must be a list of rules (maps with id, title, pattern, severity, rationale, …)");
        return undefined;
    }
    const why = `each rule is a metric filter, and CloudWatch Logs allows ${MAX_METRIC_FILTERS_PER_LOG_GROUP} per log group`;
    if (tooMany(reader, "customRules", value.length, MAX_CUSTOM_RULES, why)) return undefined;
    const rules: { rule: AlertRule; index: number }[] = [];
    value.forEach((rule, index) => {
        const path = `customRules[${index}]`;
        if (!isMap(rule)) {
            reader.fail(path, `must be a map with the keys ${customRuleKeys.join(", ")}`);
        } else if (checkMap(reader, path, rule, customRuleKeys, requiredCustomRuleKeys)) {
            rules.push({ rule: { control: "team", ...rule } as AlertRule, index });
        }
    });
    return rules;
}

/**
 * Reads the rules' keys and resolves the stack's rules, reporting every problem against its key
 * (`trailwatch:customRules[1].pattern: position 14: …`, `trailwatch:disabledRules[0]: "x" is not a rule id; …`).
 */
export function readRulesConfig(reader: StackConfigReader): RulesConfig {
    const metricNamespace = reader.string("metricNamespace", defaultMetricNamespace);
    const namespaceProblem = metricNamespaceProblem(metricNamespace);
    if (namespaceProblem !== undefined) reader.fail("metricNamespace", namespaceProblem);

    const custom = readCustomRules(reader);
    const selection: AlertRuleSelection = {
        officeIpAddresses: boundedStringList(
            reader,
            "officeIpAddresses",
            MAX_OFFICE_ADDRESSES,
            `more cannot fit in the ${MAX_FILTER_PATTERN_LENGTH} characters of the console-login-outside-office filter pattern`,
        ),
        largeInstanceTypes: boundedStringList(
            reader,
            "largeInstanceTypes",
            MAX_LARGE_INSTANCE_TYPES,
            `more cannot fit in the ${MAX_FILTER_PATTERN_LENGTH} characters of the large-instance-launch filter pattern`,
        ),
        disabledRules: boundedStringList(reader, "disabledRules", MAX_RULE_IDS, "one per rule, built-in or custom"),
        ruleOverrides: readOverrides(reader),
        customRules: custom?.map((c) => c.rule),
    };
    const resolution = resolveAlertRules(selection);
    for (const problem of resolution.problems) {
        // Custom rules with type errors were left out: give the rest their index in the stack file.
        const path = problem.path.replace(
            /^customRules\[(\d+)\]/,
            (_, i: string) => `customRules[${custom![Number(i)].index}]`,
        );
        reader.fail(path, problem.reason);
    }
    const enabled = resolution.rules.filter((r) => r.enabled);
    return {
        metricNamespace,
        selection,
        rules: resolution.rules,
        enabledRules: enabled.map((r) => ({
            id: r.id,
            title: r.title,
            pattern: r.pattern,
            severity: r.severity,
            rationale: r.rationale,
            control: r.control,
            threshold: r.threshold,
            period: r.period,
            evaluationPeriods: r.evaluationPeriods,
        })),
    };
}
