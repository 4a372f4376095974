/**
 * The retention periods, in days, that CloudWatch Logs accepts for a log group (`PutRetentionPolicy`);
 * any other value is rejected by the API at deploy time, so trailwatch rejects it before.
 */
export const cloudWatchLogsRetentionDays: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
