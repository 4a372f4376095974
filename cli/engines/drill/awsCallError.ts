import { ApiCall, iamActionOf } from "./drillCalls";

/**
 * Error codes AWS answers a request the caller's policies do not allow with: `AccessDeniedException` (CloudWatch
 * Logs, a JSON protocol service), `AccessDenied` (CloudWatch, which keeps its Query error codes) and
 * `UnauthorizedOperation` (EC2 style). See "Troubleshoot access denied error messages" in the IAM User Guide.
 */
const accessDeniedCodes = new Set(["AccessDeniedException", "AccessDenied", "UnauthorizedOperation"]);

/** True when `err` is AWS refusing the request for lack of permission. */
export function isAccessDenied(err: unknown): boolean {
    const e = err as { name?: string; Code?: string } | undefined;
    return accessDeniedCodes.has(e?.name ?? "") || accessDeniedCodes.has(e?.Code ?? "");
}

/**
 * Error codes of a request refused for its rate, not its content: CloudWatch's `Throttling` (Query protocol), CloudWatch
 * Logs' `ThrottlingException` (CloudWatch Logs API Reference, Common Errors: "The request was denied due to request
 * throttling"), and the like; the same codes, with HTTP 429, that the AWS SDK's own retry strategy counts as
 * throttling (`isThrottlingError` in @smithy/core's retry). The SDK has retried such a request already (3 attempts by
 * default); a poll asks again at its next turn instead of giving up.
 */
const throttlingCodes = new Set([
    "Throttling",
    "ThrottlingException",
    "TooManyRequestsException",
    "RequestLimitExceeded",
    "RequestThrottled",
]);

/** True when AWS refused `err`'s request for its rate: asking again later can succeed. */
export function isThrottled(err: unknown): boolean {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
    return throttlingCodes.has(e?.name ?? "") || e?.$metadata?.httpStatusCode === 429;
}

/**
 * What went wrong with a call, for people: AccessDenied names the IAM action that was refused (the action follows
 * from the call, whatever AWS's message says); other errors give the service's code and message.
 */
export function describeCallError(call: ApiCall, err: unknown): string {
    const e = err as { name?: string; message?: string };
    const action = iamActionOf(call);
    if (isAccessDenied(err) && action !== undefined) {
        return `access denied: the credentials may not call ${action} (IAM action refused; see "The IAM policy it needs" in docs/drill.md)`;
    }
    return `${action ?? call.operation} failed: ${e?.name ?? "Error"}: ${e?.message ?? String(err)}`;
}
