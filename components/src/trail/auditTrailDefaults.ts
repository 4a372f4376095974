import type { AuditTrailArgs } from "./auditTrailArgs";

/**
 * The value every optional {@link AuditTrailArgs} argument takes when it is not set, where that is a value (the
 * others default to "none" or to something derived, such as the trail name from the component's name). The one
 * place these are written: `AuditTrail` applies them, the program's configuration reference shows them, and a test
 * holds the `@default` tags of `AuditTrailArgs` (which cannot import a value) equal to them.
 */
export const auditTrailDefaults = {
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    enableInsights: true,
    isOrganizationTrail: false,
    logRetentionDays: 365,
    archiveTransitionDays: 90,
    archiveExpirationDays: 2557,
    noncurrentVersionExpirationDays: 365,
    retainOnDelete: true,
    adoptExistingLogGroup: false,
} as const satisfies Partial<Record<keyof AuditTrailArgs, boolean | number>>;
