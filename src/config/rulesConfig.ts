import {
    AlertRule,
    AlertRuleOverride,
    AlertRuleSelection,
    SelectedAlertRule,
    defaultLargeInstanceTypes,
    defaultMetricNamespace,
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
    const overrides: Record<string, AlertRuleOverride> = {};
    for (const [id, override] of Object.entries(value)) {
        if (!isMap(override)) {
            reader.fail(`ruleOverrides.${id}`, `must be a map with the keys ${overrideKeys.join(", ")}`);
        } else if (checkMap(reader, `ruleOverrides.${id}`, override, overrideKeys, [])) {
            overrides[id] = override as AlertRuleOverride;
        }
    }
    return overrides;
}

/** The custom rules that are well-typed, with their index in the stack file's list. */
function readCustomRules(reader: StackConfigReader): { rule: AlertRule; index: number }[] | undefined {
    const value = reader.json("customRules");
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
        reader.fail("customRules", "must be a list of rules (maps with id, title, pattern, severity, rationale, …)");
        return undefined;
    }
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
        officeIpAddresses: reader.stringList("officeIpAddresses"),
        largeInstanceTypes: reader.stringList("largeInstanceTypes"),
        disabledRules: reader.stringList("disabledRules"),
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
