// What the AWS provider checks of `aws:region` before it creates anything, done offline: `trailwatch check` runs the
// program under mocks, without the provider, and would otherwise pass a Region `pulumi up` refuses.
//
// The provider (the Terraform AWS provider, bridged) can validate the Region name against the Regions it knows and
// stop with "Invalid AWS Region: <name>" (hashicorp/aws-sdk-go-base, validation.go, `ValidateRegion`), but Pulumi's
// AWS provider skips that by default: `aws:skipRegionValidation` "Default value is `true`" (Pulumi AWS provider,
// "Installation & Configuration"; pulumi/pulumi-aws provider/resources.go sets `skip_region_validation` to `true`;
// the installed @pulumi/aws, config/vars.js, reads it as `?? true`). So by default a name the provider does not know
// is sent to AWS, where a Region that AWS opened after this @pulumi/aws was published works: only
// `aws:skipRegionValidation: false` makes `pulumi up` refuse every unknown name.
//
// By default, then, only a name that cannot be a Region is refused: one that differs from a known Region code only in
// case, spaces or hyphens (`us-east1`, `EU-WEST-1`), which reaches no AWS endpoint. The Regions known are those of
// the `aws.Region` enum of the installed @pulumi/aws, "any valid Amazon region that may be targeted with deployments"
// (@pulumi/aws, types/enums/index.d.ts).
import { Region } from "@pulumi/aws/types/enums";
import type { StackConfigProblem } from "../../../program";

/** The Region codes the installed @pulumi/aws knows, e.g. `eu-west-1`, `us-gov-west-1`. */
export const knownAwsRegions: readonly string[] = Object.values(Region);

/**
 * The problem with the stack's `aws:region`, or undefined when there is none: the Region is known, no Region is set
 * (the provider then reads it from the environment, which only a real run sees), or, unless
 * `aws:skipRegionValidation` is `false`, it is not a misspelling of a known Region (it may be a Region newer than the
 * installed @pulumi/aws, which the provider lets through by default).
 */
export function awsRegionProblem(values: Readonly<Record<string, string>>): StackConfigProblem | undefined {
    const region = values["aws:region"];
    if (region === undefined || knownAwsRegions.includes(region)) return undefined;
    const validated = values["aws:skipRegionValidation"] === "false";
    // A misspelling that only moves hyphens or changes case (`us-east1`, `EU-WEST-1`): name the Region meant.
    const bare = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
    const meant = knownAwsRegions.find((r) => bare(r) === bare(region));
    if (meant !== undefined) {
        return {
            key: "aws:region",
            message: `${JSON.stringify(region)} is not an AWS Region code: did you mean ${meant}?`,
        };
    }
    if (!validated) return undefined;
    return {
        key: "aws:region",
        message:
            `${JSON.stringify(region)} is not an AWS Region the AWS provider knows, and aws:skipRegionValidation is false: ` +
            `\`pulumi up\` would stop with "Invalid AWS Region". Use a Region code such as eu-west-1, or, for a Region ` +
            "newer than the installed @pulumi/aws, remove aws:skipRegionValidation (it defaults to true)",
    };
}
