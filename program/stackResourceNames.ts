/**
 * The name of what a stack creates once (its trail, its Opsgenie and JSM integrations, its Athena workgroup) and the
 * start of the names of what it creates many of: `trailwatch-<stack>`. The configuration reference writes it as
 * `stackResourceName("<stack>")`.
 */
export function stackResourceName(stack: string): string {
    return `trailwatch-${stack}`;
}

/**
 * The prefix of the metric filter and alarm names of a stack (`trailwatch-<stack>-<rule id>`): the program passes it
 * to `SecurityAlarms`, and `trailwatch drill` finds the alarms of a deployed stack by it. Alarm names must be unique in
 * an account and region, so stacks sharing one differ by their name.
 */
export function stackAlarmNamePrefix(stack: string): string {
    return `${stackResourceName(stack)}-`;
}

/**
 * Pulumi allows `.` in stack names ("Stack names may only contain alphanumeric characters, hyphens, underscores, or
 * periods", Pulumi docs, "Stacks"), but an SNS topic name is "only uppercase and lowercase ASCII letters, numbers,
 * underscores, and hyphens" (SNS API Reference, CreateTopic, Name) and a KMS alias name only "alphanumeric characters,
 * forward slashes (/), underscores (_), and dashes (-)" (KMS API Reference, CreateAlias, AliasName). Unmapped, a stack
 * such as `eu.prod` would register its trail and bucket and then fail on the topic.
 */
function withoutPeriods(name: string): string {
    return name.replace(/\./g, "-");
}

/** The stack's alert topic: `trailwatch-<stack>-alerts`, with any `.` of the stack name as `-`. */
export function stackAlertTopicName(stack: string): string {
    return withoutPeriods(`${stackResourceName(stack)}-alerts`);
}

/** The alias of the stack's alert topic key: `alias/` followed by {@link stackAlertTopicName}. */
export function stackAlertKeyAlias(stack: string): string {
    return `alias/${stackAlertTopicName(stack)}`;
}
