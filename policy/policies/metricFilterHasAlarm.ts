import { StackValidationPolicy } from "@pulumi/policy";
import { containsUnknown, knownArray, knownObject, knownString } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";
import { StackResource, stackResources } from "../lib/stackResources";

/** `Trailwatch/RootUsage`: a metric's namespace and name, the way CloudWatch shows them. */
function metricKey(namespace: string, name: string): string {
    return `${namespace}/${name}`;
}

/** The metrics an alarm watches: its own metric, or the metrics of its metric math queries. */
function watchedMetrics(alarm: StackResource): string[] {
    const metrics: string[] = [];
    const namespace = knownString(alarm.props.namespace);
    const name = knownString(alarm.props.metricName);
    if (namespace !== undefined && name !== undefined) metrics.push(metricKey(namespace, name));
    for (const query of knownArray(alarm.props.metricQueries) ?? []) {
        const metric = knownObject(knownObject(query)?.metric);
        const queryNamespace = knownString(metric?.namespace);
        const queryName = knownString(metric?.metricName);
        if (queryNamespace !== undefined && queryName !== undefined) {
            metrics.push(metricKey(queryNamespace, queryName));
        }
    }
    return metrics;
}

/** A metric filter nobody alarms on counts matches that nobody sees: the alert it was written for never fires. */
export const metricFilterHasAlarm: StackValidationPolicy = {
    name: "metric-filter-has-alarm",
    description: "Every CloudWatch Logs metric filter's metric must be watched by a CloudWatch metric alarm.",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: ["cloudwatch"],
    validateStack: (args, reportViolation) => {
        const resources = stackResources(args.resources);
        const alarms = resources.filter((r) => r.type === resourceTypes.metricAlarm);
        // An alarm whose metric is not known yet might watch any filter's metric: decide after the update.
        const undecided = alarms.some(
            (a) =>
                containsUnknown(a.props.namespace) ||
                containsUnknown(a.props.metricName) ||
                containsUnknown(a.props.metricQueries),
        );
        if (undecided) return;
        const watched = new Set(alarms.flatMap(watchedMetrics));
        for (const filter of resources.filter((r) => r.type === resourceTypes.logMetricFilter)) {
            const transformation = knownObject(filter.props.metricTransformation);
            const namespace = knownString(transformation?.namespace);
            const name = knownString(transformation?.name);
            if (namespace === undefined || name === undefined) continue;
            if (watched.has(metricKey(namespace, name))) continue;
            reportViolation(
                `Metric filter "${filter.name}" publishes the metric ${metricKey(namespace, name)}, which no alarm ` +
                    `watches: add an aws.cloudwatch.MetricAlarm with namespace "${namespace}" and metricName ` +
                    `"${name}" (SecurityAlarms creates one per rule).`,
                filter.urn,
            );
        }
    },
};
