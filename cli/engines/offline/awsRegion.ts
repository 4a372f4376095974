// What the AWS provider checks of `aws:region` before it creates anything, done offline: `trailwatch check` runs the
// program under mocks, without the provider, and would otherwise pass a Region `pulumi up` refuses.
//
// The provider (the Terraform AWS provider, bridged) validates the Region name against the Regions it knows and stops
// with "Invalid AWS Region: <name>" (hashicorp/aws-sdk-go-base, validation.go, `ValidateRegion`), unless
// `skipRegionValidation` is set: "Skip static validation of region name. Used by users of alternative AWS-like APIs or
// users w/ access to regions that are not public (yet)." (@pulumi/aws, config/vars.d.ts). A Region newer than the
// provider fails that validation until the provider is updated ("Adding a Newly Released AWS Region",
// https://hashicorp.github.io/terraform-provider-aws/add-a-new-region/).
//
// The Regions known are those of the `aws.Region` enum of the installed @pulumi/aws, "any valid Amazon region that may
// be targeted with deployments" (@pulumi/aws, types/enums/index.d.ts): the same package version as the provider plugin
// `pulumi up` runs.
import { Region } from "@pulumi/aws/types/enums";
import type { StackConfigProblem } from "../../../program";

/** The Region codes the installed @pulumi/aws knows, e.g. `eu-west-1`, `us-gov-west-1`. */
export const knownAwsRegions: readonly string[] = Object.values(Region);

/**
 * The problem with the stack's `aws:region`, as the AWS provider would refuse it, or undefined when it would not:
 * the Region is known, `aws:skipRegionValidation` is `true`, or no Region is set (the provider then reads it from the
 * environment, which only a real run sees).
 */
export function awsRegionProblem(values: Readonly<Record<string, string>>): StackConfigProblem | undefined {
    const region = values["aws:region"];
    if (region === undefined || knownAwsRegions.includes(region)) return undefined;
    if (values["aws:skipRegionValidation"] === "true") return undefined;
    // A misspelling that only moves hyphens or changes case (`us-east1`, `EU-WEST-1`): name the Region meant.
    const bare = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
    const meant = knownAwsRegions.find((r) => bare(r) === bare(region));
    return {
        key: "aws:region",
        message:
            `${JSON.stringify(region)} is not an AWS Region the AWS provider knows: \`pulumi up\` would stop with ` +
            `"Invalid AWS Region". ` +
            (meant !== undefined ? `Did you mean ${meant}? ` : "Use a Region code such as eu-west-1. ") +
            "For a Region newer than the installed @pulumi/aws, or an AWS-like endpoint, set aws:skipRegionValidation: true",
    };
}
