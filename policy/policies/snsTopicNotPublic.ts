import { ResourceValidationPolicy } from "@pulumi/policy";
import { appliesToAction, appliesToEveryone, asList, statementsOf } from "../lib/bucketPolicies";
import { Props, containsUnknown, knownObject, knownString, plainProps } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";

/**
 * How the statement names every principal of every account (or a service acting for every account), for the
 * message; `undefined` when it does not: `"*"`, `{ AWS: "*" }`, a `{ Service: ... }`, or a `NotPrincipal` (with Allow it "allows all principals except the one named": IAM User Guide,
 * "AWS JSON policy elements: NotPrincipal", before the page came to say only that Allow with it is not supported;
 * iam-simulate lets every other account in).
 */
function everyoneIn(statement: Props): string | undefined {
    if (statement.NotPrincipal !== undefined) return "NotPrincipal, everyone but the principals named,";
    if (appliesToEveryone(statement.Principal)) return 'Principal "*"';
    // A service principal acts for every account that uses the service: without a condition naming the source, any
    // account's alarm (or other resource) has the service publish here (IAM User Guide, "The confused deputy
    // problem": "We recommend using the aws:SourceArn, aws:SourceAccount ... global condition context keys in
    // resource-based policies to limit the permissions that the service gives to another service"; iam-simulate
    // lets another account's alarm in).
    const services = asList(knownObject(statement.Principal)?.Service).filter((s) => typeof s === "string");
    if (services.length > 0) return `Principal { Service: ${JSON.stringify(services.join(", "))} }, for any account,`;
    return undefined;
}

/** Global condition keys that bind who may call, or from which resource (IAM User Guide, "AWS global condition
 * context keys"); `aws:SecureTransport` and the like restrict how, not who, and leave the topic public. */
const callerKeys = [
    "aws:sourcearn",
    "aws:sourceaccount",
    "aws:sourceowner",
    "aws:principalaccount",
    "aws:principalorgid",
    "aws:principalarn",
];

/** Of {@link callerKeys}, the ones whose value is an ARN (the others hold an account or organization ID). */
const arnKeys = ["aws:sourcearn", "aws:principalarn"];

/**
 * The condition operators that admit only the callers their values name (IAM User Guide, "IAM JSON policy elements:
 * Condition operators"). Left out, so a statement using them stays public: the negated operators
 * (`StringNotEquals`, `ArnNotLike`: everyone but the named), `Null` (any value), and operators that do not compare
 * text. `ForAnyValue:` keeps an operator's meaning; `...IfExists` and `ForAllValues:` do not, see
 * {@link admitsCallersWithoutKey}.
 */
const namingOperators = ["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike"];

/** Operators whose values may hold the wildcards `*` and `?` (the Like operators; ArnEquals matches as ArnLike). */
const wildcardOperators = ["stringlike", "arnequals", "arnlike"];

/**
 * The one policy variable that names a single account: `aws:ResourceAccount`, the account that owns the resource
 * asked for, here the topic (IAM User Guide, "AWS global condition context keys"). Every other variable is replaced
 * by a value of the request (IAM User Guide, "IAM policy elements: Variables and tags": policy variables work in
 * string comparisons in the Condition element), most of them the caller's own: `"aws:SourceAccount":
 * "${aws:SourceAccount}"` holds for every account, and a default (`${aws:SourceAccount, '111122223333'}`) changes
 * nothing when the key is there. iam-simulate judges it so.
 */
const accountNamingVariables = ["aws:resourceaccount"];

/** True when `value` holds a policy variable (`${...}`) other than {@link accountNamingVariables}. */
function hasCallerVariable(value: string): boolean {
    return [...value.matchAll(/\$\{([^}]*)\}/g)].some(
        ([, name]) => !accountNamingVariables.includes(name.trim().toLowerCase()),
    );
}

/**
 * True when the operator matches a request that has no value for the key at all: `...IfExists` ("If the policy key
 * is not present in the request context, the condition evaluates to true") and `ForAllValues:` (true "if there are no
 * values for the key in the request": IAM User Guide, "Set operators for multivalued context keys"). A publish by an
 * IAM principal carries no `aws:SourceArn`, `aws:SourceAccount` or `aws:SourceOwner` (these are set when a service
 * acts for a resource: "AWS global condition context keys"), so such a condition lets every account in.
 */
function admitsCallersWithoutKey(operator: string): boolean {
    return operator.endsWith("ifexists") || operator.startsWith("forallvalues:");
}

/**
 * True when `value` names one account, organization or resource, not many: without a wildcard in an account or
 * organization ID, and for an ARN, without one in its account field (the fifth, "arn:partition:service:region:
 * account-id:resource", IAM User Guide, "IAM identifiers"), or, for an ARN without an account (an S3 bucket's), in
 * the rest. `*`, `1111*` or `arn:aws:cloudwatch:*:*:alarm:*` let other accounts in; so does a policy variable the
 * caller sets ({@link hasCallerVariable}).
 */
function namesOne(key: string, value: unknown, operator: string): boolean {
    if (typeof value !== "string" || value === "") return false;
    if (hasCallerVariable(value)) return false;
    if (!wildcardOperators.includes(operator)) return true;
    const hasWildcard = (text: string): boolean => /[*?]/.test(text);
    if (!arnKeys.includes(key)) return !hasWildcard(value);
    const fields = value.split(":");
    if (fields.length < 6 || fields[0] !== "arn") return false;
    // ArnLike and ArnEquals check "each of the six colon-delimited components of the ARN ... separately"; StringLike
    // takes wildcards "anywhere in the string" (IAM User Guide, "IAM JSON policy elements: Condition operators"), so
    // its `*` also matches colons: `arn:aws:cloudwatch:*:111122223333:alarm:*` matches another account's alarm named
    // `x:111122223333:alarm:y` (an alarm name may hold any character but ASCII control characters: CloudWatch API
    // Reference, PutMetricAlarm, AlarmName). Under StringLike, only a pattern with no wildcard before the account
    // field pins that field down.
    if (operator === "stringlike" && fields.slice(0, 4).some(hasWildcard)) return false;
    const account = fields[4];
    return account !== "" ? !hasWildcard(account) : !hasWildcard(fields.slice(5).join(":"));
}

/**
 * True when some condition of the statement admits only the callers it names: a naming operator on one of
 * {@link callerKeys}, every one of whose values names one account, organization or resource. Conditions of a
 * statement must all hold, so one such condition is enough.
 */
function scopesCaller(statement: Props): boolean {
    return Object.entries(knownObject(statement.Condition) ?? {}).some(([rawOperator, keys]) => {
        const operator = rawOperator.toLowerCase();
        if (admitsCallersWithoutKey(operator)) return false;
        const base = operator.replace(/^foranyvalue:/, "");
        if (!namingOperators.includes(base)) return false;
        return Object.entries(knownObject(keys) ?? {}).some(([rawKey, values]) => {
            const key = rawKey.toLowerCase();
            const list = asList(values);
            return callerKeys.includes(key) && list.length > 0 && list.every((v) => namesOne(key, v, base));
        });
    });
}

/**
 * The alert topic's policy lets CloudWatch alarms of this account publish and nobody else (DESIGN: "topic policy
 * lets only CloudWatch alarms of this account publish"). A statement allowing everyone (`Principal: "*"`) to
 * publish without a condition on the caller lets any AWS account send fake alerts to the on-call tool. Amazon SNS
 * Developer Guide, "Amazon SNS security best practices", "Ensure topics aren't publicly accessible": unless anyone
 * on the internet must be able to read or write the topic, it should not be accessible by everyone or by any
 * authenticated AWS user; avoid policies with the principal "*" and wildcards, name specific users instead.
 */
export const snsTopicNotPublic: ResourceValidationPolicy = {
    name: "sns-topic-not-public",
    description: "SNS topic policies must not let everyone publish without a condition naming its callers.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["sns"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.snsTopic && args.type !== resourceTypes.snsTopicPolicy) return;
        const policy = plainProps(args.props).policy;
        if (policy === undefined || policy === "" || containsUnknown(policy)) return;
        for (const [index, statement] of (statementsOf(policy) ?? []).entries()) {
            const everyone = everyoneIn(statement);
            if (statement.Effect !== "Allow" || everyone === undefined || !appliesToAction(statement, "sns:Publish")) {
                continue;
            }
            if (scopesCaller(statement)) continue;
            reportViolation(
                `${args.type === resourceTypes.snsTopic ? "Topic" : "Topic policy"} "${args.name}" lets everyone ` +
                    `publish (statement ${knownString(statement.Sid) ?? index + 1}: ${everyone} without a ` +
                    "condition naming its callers), so anyone can send fake alerts: allow cloudwatch.amazonaws.com with an aws:SourceArn " +
                    "condition on this account's alarms instead (AlertTopic's topic policy does).",
            );
        }
    },
};
