import { RecordedResource } from "../../engines/offline/runProgram";
import { CheckSection } from "./checkSection";

/** The inputs worth seeing at a glance for each resource type; everything else is in `--json`. */
const keySettings: Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>> = {
    "aws:cloudtrail/trail:Trail": (i) => ({
        name: i.name,
        isMultiRegionTrail: i.isMultiRegionTrail,
        includeGlobalServiceEvents: i.includeGlobalServiceEvents,
        enableLogFileValidation: i.enableLogFileValidation,
        isOrganizationTrail: i.isOrganizationTrail,
        events: (i.eventSelectors as { readWriteType?: string; dataResources?: { type: string }[] }[] | undefined)
            ?.map((s) => [`management ${s.readWriteType}`, ...(s.dataResources ?? []).map((d) => d.type)].join(" + "))
            .join("; "),
        insights: (i.insightSelectors as { insightType: string }[] | undefined)?.map((s) => s.insightType).join(", "),
        kmsKeyId: i.kmsKeyId,
    }),
    "aws:cloudwatch/logGroup:LogGroup": (i) => ({
        name: i.name,
        retentionInDays: i.retentionInDays,
        kmsKeyId: i.kmsKeyId,
    }),
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": (i) => ({
        sseAlgorithm: (i.rules as { applyServerSideEncryptionByDefault?: { sseAlgorithm?: string } }[] | undefined)?.[0]
            ?.applyServerSideEncryptionByDefault?.sseAlgorithm,
    }),
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": (i) => ({
        blockPublicAcls: i.blockPublicAcls,
        blockPublicPolicy: i.blockPublicPolicy,
        ignorePublicAcls: i.ignorePublicAcls,
        restrictPublicBuckets: i.restrictPublicBuckets,
    }),
    "aws:s3/bucketVersioning:BucketVersioning": (i) => ({
        status: (i.versioningConfiguration as { status?: string } | undefined)?.status,
    }),
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": (i) => {
        const rule = (
            i.rules as
                { transitions?: { days: number; storageClass: string }[]; expiration?: { days?: number } }[] | undefined
        )?.[0];
        return {
            transition: rule?.transitions?.map((t) => `${t.storageClass} after ${t.days}d`).join(", "),
            expiration: rule?.expiration?.days === undefined ? "never" : `${rule.expiration.days}d`,
        };
    },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": (i) => ({
        objectOwnership: (i.rule as { objectOwnership?: string } | undefined)?.objectOwnership,
    }),
    "pulumi:providers:opsgenie": (i) => ({ apiUrl: i.apiUrl }),
    "opsgenie:index/apiIntegration:ApiIntegration": (i) => ({
        name: i.name,
        type: i.type,
        enabled: i.enabled,
        ownerTeamId: i.ownerTeamId,
    }),
    "opsgenie:index/integrationAction:IntegrationAction": (i) => ({
        creates: (i.creates as unknown[] | undefined)?.length,
        closes: (i.closes as unknown[] | undefined)?.length,
    }),
    // The endpoint is a secret: the recorded input is the placeholder, never the URL with its key.
    "aws:sns/topicSubscription:TopicSubscription": (i) => ({ protocol: i.protocol, endpoint: i.endpoint }),
};

/** The settings shown for a resource in the tree (absent values left out). */
export function resourceKeySettings(resource: RecordedResource): Record<string, unknown> {
    const pick = keySettings[resource.type];
    if (pick === undefined) return {};
    return Object.fromEntries(Object.entries(pick(resource.inputs)).filter(([, v]) => v !== undefined && v !== ""));
}

function formatSettings(settings: Record<string, unknown>): string {
    return Object.entries(settings)
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(" ");
}

/** Renders the resources as a tree by parent: `type  name  key=value …`, marking retained resources. */
export function formatResourceTree(resources: RecordedResource[]): string[] {
    const children = new Map<string | undefined, RecordedResource[]>();
    for (const r of resources) {
        const siblings = children.get(r.parent) ?? [];
        siblings.push(r);
        children.set(r.parent, siblings);
    }
    const lines: string[] = [];
    const walk = (parent: string | undefined, prefix: string) => {
        const list = children.get(parent) ?? [];
        list.forEach((r, i) => {
            const last = i === list.length - 1;
            const settings = formatSettings(resourceKeySettings(r));
            const marks = [r.options.retainOnDelete ? "retained on delete" : "", r.options.protect ? "protected" : ""]
                .filter((m) => m !== "")
                .map((m) => `(${m})`)
                .join(" ");
            const branch = parent === undefined ? "" : last ? "└─ " : "├─ ";
            lines.push(
                `${prefix}${branch}${r.type}  ${r.name}${marks ? `  ${marks}` : ""}${settings ? `  ${settings}` : ""}`,
            );
            walk(r.urn, parent === undefined ? prefix : prefix + (last ? "   " : "│  "));
        });
    };
    walk(undefined, "");
    return lines;
}

/**
 * The resources a program registers, counted once for every section of the report: the stack itself, the
 * components, the provider resources and the cloud resources. The policy pack analyzes all of them (the engine
 * sends it every registration), so the tree's total and the pack's are the same number.
 */
export function describeResourceCount(resources: RecordedResource[]): string {
    const stack = resources.filter((r) => r.type === "pulumi:pulumi:Stack").length;
    const components = resources.filter((r) => !r.custom).length - stack;
    const providers = resources.filter((r) => r.custom && r.type.startsWith("pulumi:providers:")).length;
    const cloud = resources.filter((r) => r.custom).length - providers;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    const parts = [plural(cloud, "cloud resource"), plural(providers, "provider"), plural(components, "component")];
    if (stack > 0) parts.push("the stack");
    return `${plural(resources.length, "resource")}: ${parts.join(", ")}`;
}

/** The resources `pulumi up` would create for the stack, as a tree and as the JSON `resources` array. */
export const resourceTreeSection: CheckSection = {
    name: "resources",
    async run(ctx) {
        const { resources } = ctx.run;
        return {
            title: `Resources (${describeResourceCount(resources)})`,
            lines: formatResourceTree(resources),
            json: {
                resources: resources.map((r) => ({
                    type: r.type,
                    name: r.name,
                    urn: r.urn,
                    parent: r.parent ?? null,
                    custom: r.custom,
                    retainOnDelete: r.options.retainOnDelete,
                    dependencies: r.dependencies,
                    inputs: r.inputs,
                })),
            },
            failed: false,
        };
    },
};
