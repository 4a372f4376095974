import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { athenaWorkgroupEncryptedResults } from "./athenaWorkgroupEncryptedResults";
import { cloudtrailBucketPolicySourceArn } from "./cloudtrailBucketPolicySourceArn";
import { cloudtrailBucketPublicAccessBlocked } from "./cloudtrailBucketPublicAccessBlocked";
import { cloudtrailBucketTlsOnly } from "./cloudtrailBucketTlsOnly";
import { cloudtrailBucketVersioned } from "./cloudtrailBucketVersioned";
import { cloudtrailCloudWatchLogs } from "./cloudtrailCloudWatchLogs";
import { cloudtrailInsights } from "./cloudtrailInsights";
import { cloudtrailLogFileValidation } from "./cloudtrailLogFileValidation";
import { cloudtrailLoggingEnabled } from "./cloudtrailLoggingEnabled";
import { cloudtrailManagementEvents } from "./cloudtrailManagementEvents";
import { cloudtrailMultiRegion } from "./cloudtrailMultiRegion";
import { logGroupRetention } from "./logGroupRetention";
import { metricAlarmHasAction } from "./metricAlarmHasAction";
import { metricFilterHasAlarm } from "./metricFilterHasAlarm";
import { metricFilterPatternValid } from "./metricFilterPatternValid";
import { snsTopicCustomerManagedKey } from "./snsTopicCustomerManagedKey";
import { snsTopicNotPublic } from "./snsTopicNotPublic";
import { stackHasCompliantTrail } from "./stackHasCompliantTrail";

export {
    athenaWorkgroupEncryptedResults,
    cloudtrailBucketPolicySourceArn,
    cloudtrailBucketPublicAccessBlocked,
    cloudtrailBucketTlsOnly,
    cloudtrailBucketVersioned,
    cloudtrailCloudWatchLogs,
    cloudtrailInsights,
    cloudtrailLogFileValidation,
    cloudtrailLoggingEnabled,
    cloudtrailManagementEvents,
    cloudtrailMultiRegion,
    logGroupRetention,
    metricAlarmHasAction,
    metricFilterHasAlarm,
    metricFilterPatternValid,
    snsTopicCustomerManagedKey,
    snsTopicNotPublic,
    stackHasCompliantTrail,
};

/** Every policy of the pack, in the order the README lists them. Importing this does not start the pack. */
export const trailwatchPolicies: (ResourceValidationPolicy | StackValidationPolicy)[] = [
    cloudtrailMultiRegion,
    cloudtrailManagementEvents,
    cloudtrailInsights,
    cloudtrailLoggingEnabled,
    cloudtrailLogFileValidation,
    cloudtrailCloudWatchLogs,
    cloudtrailBucketPublicAccessBlocked,
    cloudtrailBucketTlsOnly,
    cloudtrailBucketPolicySourceArn,
    cloudtrailBucketVersioned,
    logGroupRetention,
    snsTopicCustomerManagedKey,
    snsTopicNotPublic,
    metricAlarmHasAction,
    metricFilterHasAlarm,
    metricFilterPatternValid,
    athenaWorkgroupEncryptedResults,
    stackHasCompliantTrail,
];
