/**
 * Name of the CloudWatch Logs log group `AuditTrail` creates for a trail: the name the CloudTrail console proposes
 * (`aws-cloudtrail-logs-<trail>`). One function, so that tools that find the log group of a deployed stack
 * (`trailwatch drill`) name it exactly as the component does.
 */
export function trailLogGroupName(trailName: string): string {
    return `aws-cloudtrail-logs-${trailName}`;
}
