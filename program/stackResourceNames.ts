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
