import {
    AuditTrailArgs,
    AuditTrailArgsError,
    auditTrailDefaults,
    cloudWatchLogsRetentionDays,
    MAX_LIFECYCLE_DAYS,
    validateAuditTrailArgs,
} from "@trailwatch/components/catalogue";
import { ConfigKeyDoc, StackConfigReader } from "./stackConfigReader";
import { stackResourceName } from "./stackResourceNames";

/** The stack configuration keys that shape the audit trail (the `AuditTrail` component's arguments). */
export const trailConfigKeys: ConfigKeyDoc[] = [
    {
        key: "trailName",
        type: "string",
        default: stackResourceName("<stack>"),
        description:
            "Name of the CloudTrail trail: 3-128 ASCII letters, digits, `.`, `_`, `-`, starting and ending with a letter or digit, no two of `.`, `_`, `-` in a row, not in IP address form (the CloudTrail API's rules).",
    },
    {
        key: "logRetentionDays",
        type: "number",
        default: String(auditTrailDefaults.logRetentionDays),
        description: `Days the CloudWatch Logs log group keeps events; one of the values CloudWatch Logs accepts (${cloudWatchLogsRetentionDays.join(", ")}).`,
    },
    {
        key: "archiveTransitionDays",
        type: "number",
        default: String(auditTrailDefaults.archiveTransitionDays),
        description: `Days before archived log files of 128 KB or more move to S3 Glacier Instant Retrieval (smaller ones stay in S3 Standard, where they cost less); 0 disables. At most ${MAX_LIFECYCLE_DAYS} (S3 lifecycle days are 32-bit integers).`,
    },
    {
        key: "archiveExpirationDays",
        type: "number",
        default: String(auditTrailDefaults.archiveExpirationDays),
        description: `Days before archived log files expire; 0 keeps them forever. Greater than the transition; at most ${MAX_LIFECYCLE_DAYS}.`,
    },
    {
        key: "noncurrentVersionExpirationDays",
        type: "number",
        default: String(auditTrailDefaults.noncurrentVersionExpirationDays),
        description: `Days a deleted or overwritten log file version stays recoverable (1 to ${MAX_LIFECYCLE_DAYS}).`,
    },
    {
        key: "retainOnDelete",
        type: "boolean",
        default: String(auditTrailDefaults.retainOnDelete),
        description:
            "Keep the archive bucket and the log group when the stack is destroyed or the component renamed. When false, `pulumi destroy` deletes the bucket with every log file in it (`forceDestroy`).",
    },
    {
        key: "adoptExistingLogGroup",
        type: "boolean",
        default: String(auditTrailDefaults.adoptExistingLogGroup),
        description:
            'Adopt the existing log group `aws-cloudtrail-logs-<trailName>` (retained by an earlier stack) instead of creating it; see "Deleting a stack". Set back to false after the `pulumi up` that adopted it.',
    },
    {
        key: "kmsKeyArn",
        type: "string",
        default: "none (SSE-S3, CloudWatch Logs' own encryption)",
        description:
            'Key ARN (`arn:aws:kms:<region>:<account>:key/<id>`, not an alias; a key of `aws:region`, as CloudTrail requires) of a customer-managed KMS key that encrypts the trail\'s log files, the archive bucket and the log group. Its key policy must grant CloudTrail and CloudWatch Logs what `auditTrailKeyPolicyStatements()` lists (see "What gets deployed").',
    },
    {
        key: "dataEvents",
        type: "map",
        default: "none",
        description:
            "Data events to record, scoped: `s3ObjectArnPrefixes` (`arn:aws:s3:::bucket/` or `.../prefix/`), `lambdaFunctionArns`, `dynamoDbTableArns`; at most 250 ARNs in all (CloudTrail's limit for a trail). There is no all-buckets option.",
    },
    {
        key: "isOrganizationTrail",
        type: "boolean",
        default: String(auditTrailDefaults.isOrganizationTrail),
        description:
            "Record every account of the AWS Organization (deploy from the management account or a CloudTrail delegated administrator account).",
    },
    {
        key: "organizationManagementAccountId",
        type: "string",
        default: "the management account AWS Organizations reports",
        description:
            "ID (12 digits) of the organization's management account, which owns an organization trail even when a delegated administrator creates it; only with `isOrganizationTrail`.",
    },
    {
        key: "organizationId",
        type: "string",
        default: "none",
        description: "The Organization's ID (`o-...`); required when `isOrganizationTrail` is true.",
    },
    {
        key: "tags",
        type: "map",
        default: "none",
        description:
            "Tags for every taggable resource, as a map of string to string: at most 50; keys 1-128 characters, not starting with `aws:`; values 0-256; letters, digits, spaces and `_ . : / = + - @`.",
    },
];

const dataEventKeys = ["s3ObjectArnPrefixes", "lambdaFunctionArns", "dynamoDbTableArns"] as const;

/** Reads the trail's keys into {@link AuditTrailArgs}, reporting every problem against its config key. */
export function readTrailConfig(reader: StackConfigReader, stack: string): AuditTrailArgs {
    // One key for the trail, the bucket and the log group; AuditTrail checks it (a key ARN, never an alias ARN).
    const kmsKeyArn = reader.string("kmsKeyArn");
    const args: AuditTrailArgs = {
        trailName: reader.string("trailName", stackResourceName(stack)),
        logRetentionDays: reader.number("logRetentionDays"),
        archiveTransitionDays: reader.number("archiveTransitionDays"),
        archiveExpirationDays: reader.number("archiveExpirationDays"),
        noncurrentVersionExpirationDays: reader.number("noncurrentVersionExpirationDays"),
        retainOnDelete: reader.boolean("retainOnDelete", auditTrailDefaults.retainOnDelete),
        isOrganizationTrail: reader.boolean("isOrganizationTrail", auditTrailDefaults.isOrganizationTrail),
        organizationId: reader.string("organizationId"),
        organizationManagementAccountId: reader.string("organizationManagementAccountId"),
        adoptExistingLogGroup: reader.boolean("adoptExistingLogGroup", auditTrailDefaults.adoptExistingLogGroup),
        trailKmsKeyArn: kmsKeyArn,
        bucketKmsKeyArn: kmsKeyArn,
        logGroupKmsKeyArn: kmsKeyArn,
        dataEvents: readDataEvents(reader),
        tags: readTags(reader),
    };
    // The three KMS arguments come from one key: report its problem once.
    const reported = new Set<string>();
    const problems = validateAuditTrailArgs(args);
    for (const problem of problems) {
        const key = configKeyOf(problem);
        if (reported.has(`${key}\n${problem.reason}`)) continue;
        reported.add(`${key}\n${problem.reason}`);
        reader.fail(key, problem.reason);
    }
    // The key encrypts the trail's log files, and the archive bucket and log group, all in aws:region. CloudTrail API
    // Reference, KmsKeyNotFoundException: "thrown when the KMS key does not exist, when the S3 bucket and the KMS key
    // are not in the same Region"; CloudTrail User Guide, "Encrypting CloudTrail log files with AWS KMS keys"
    // (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html):
    // "The key that you choose must be in the same region as the S3 bucket that receives your log files". A
    // multi-Region key is given by the ARN of its replica in aws:region. Checked only for a well-formed key ARN, and
    // only where aws:region is set (otherwise the provider takes the region from the environment).
    const stackRegion = reader.foreign("aws:region");
    const keyRegion = kmsKeyArn?.split(":")[3];
    const keyArnOk = !problems.some((p) => configKeyOf(p) === "kmsKeyArn");
    if (kmsKeyArn !== undefined && keyArnOk && stackRegion !== undefined && keyRegion !== stackRegion) {
        reader.fail(
            "kmsKeyArn",
            `"${kmsKeyArn}" is a key of ${keyRegion}, but the trail's bucket and log group are in aws:region ${stackRegion}; CloudTrail refuses a key of another Region (KmsKeyNotFoundException): give a key of ${stackRegion} (for a multi-Region key, its replica there)`,
        );
    }
    return args;
}

/** The argument names of AuditTrail that are not config keys of the same name. */
function configKeyOf(problem: AuditTrailArgsError): string {
    return problem.arg.replace(/^(trail|bucket|logGroup)KmsKeyArn$/, "kmsKeyArn");
}

function readDataEvents(reader: StackConfigReader): AuditTrailArgs["dataEvents"] {
    const value = reader.object("dataEvents", dataEventKeys);
    if (value === undefined) return undefined;
    const dataEvents: NonNullable<AuditTrailArgs["dataEvents"]> = {};
    for (const k of dataEventKeys) {
        if (value[k] !== undefined) dataEvents[k] = reader.asStringList(`dataEvents.${k}`, value[k]);
    }
    return dataEvents;
}

/*
 * "Tagging AWS resources", Tag naming limits and requirements
 * (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html): at most 50 user-created tags per
 * resource; a key is 1-128 Unicode characters, a value 0-256; letters, numbers and spaces
 * representable in UTF-8 and _ . : / = + - @; the aws: prefix is reserved for AWS and cannot be
 * used in a key.
 */
const MAX_TAGS = 50;
const MAX_TAG_KEY_LENGTH = 128;
const MAX_TAG_VALUE_LENGTH = 256;
const tagCharacters = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Length in Unicode characters (code points), as AWS counts it. */
const characters = (text: string): number => [...text].length;

function tagKeyProblem(key: string): string | undefined {
    if (key === "__proto__") {
        // Pulumi's property serialization (serializeProperty) copies maps by assignment, where this
        // key sets the prototype instead of a property: the tag would silently never be applied.
        return "is a key Pulumi cannot pass on (it is dropped on the way to AWS); choose another tag name";
    }
    if (key.length === 0 || characters(key) > MAX_TAG_KEY_LENGTH) {
        return `a tag key is 1-${MAX_TAG_KEY_LENGTH} characters; this one is ${characters(key)}`;
    }
    if (key.toLowerCase().startsWith("aws:")) return "tag keys starting with aws: are reserved for AWS";
    if (!tagCharacters.test(key)) return "a tag key holds letters, digits, spaces and _ . : / = + - @ only";
    return undefined;
}

function tagValueProblem(value: string): string | undefined {
    if (characters(value) > MAX_TAG_VALUE_LENGTH) {
        return `a tag value is at most ${MAX_TAG_VALUE_LENGTH} characters; this one is ${characters(value)}`;
    }
    if (!tagCharacters.test(value)) return "a tag value holds letters, digits, spaces and _ . : / = + - @ only";
    return undefined;
}

function readTags(reader: StackConfigReader): Record<string, string> | undefined {
    const value = reader.json("tags");
    if (value === undefined) return undefined;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        reader.fail("tags", "must be a map of tag names to string values");
        return undefined;
    }
    const entries = Object.entries(value);
    if (entries.length > MAX_TAGS) {
        reader.fail("tags", `has ${entries.length} tags; AWS allows at most ${MAX_TAGS} per resource`);
        return undefined;
    }
    for (const [k, v] of entries) {
        const problem =
            tagKeyProblem(k) ?? (typeof v === "string" ? tagValueProblem(v) : `${JSON.stringify(v)} is not a string`);
        if (problem !== undefined) reader.fail(`tags.${k}`, problem);
    }
    return value as Record<string, string>;
}
