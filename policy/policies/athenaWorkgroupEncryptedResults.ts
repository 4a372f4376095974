import { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown, plainProps, Props } from "../lib/knownValues";
import { resourceTypes } from "../lib/resourceTypes";

/**
 * Athena writes every query's results (here: matched CloudTrail events, with principals and source addresses) to
 * S3. Unless the workgroup enforces its configuration, a client picks the results location and its encryption
 * (Athena User Guide, "Override client-side settings"; API Reference, WorkGroupConfiguration:
 * EnforceWorkGroupConfiguration); the workgroup's own results must be encrypted (EncryptionConfiguration:
 * SSE_S3, SSE_KMS or CSE_KMS).
 */
export const athenaWorkgroupEncryptedResults: ResourceValidationPolicy = {
    name: "athena-workgroup-encrypted-results",
    description: "Athena workgroups must enforce their configuration and encrypt query results.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["athena", "awsconfig:athena-workgroup-encrypted-at-rest"],
    validateResource: (args, reportViolation) => {
        if (args.type !== resourceTypes.athenaWorkgroup) return;
        for (const problem of workgroupProblems(args.name, plainProps(args.props))) reportViolation(problem);
    },
};

/** Encryption options of Athena query results (Athena API Reference, EncryptionConfiguration). */
const encryptionOptions: readonly string[] = ["SSE_S3", "SSE_KMS", "CSE_KMS"];

function objectAt(value: unknown): Props | undefined {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Props) : undefined;
}

function workgroupProblems(name: string, props: Props): string[] {
    if (isUnknown(props.configuration)) return [];
    const problems: string[] = [];
    const configuration = objectAt(props.configuration) ?? {};
    // Omitted, it is true (AWS Control Tower control reference, CT.ATHENA.PR.2: "EnforceWorkGroupConfiguration ...
    // omitted to adopt the default value of true"; @pulumi/aws 7.x, athena.Workgroup configuration
    // enforceWorkgroupConfiguration: "Defaults to `true`"); only an explicit false lets clients override the
    // workgroup, which is also all AWS Config's athena-workgroup-enforce-workgroup-configuration rule flags.
    if (configuration.enforceWorkgroupConfiguration === false) {
        problems.push(
            `Athena workgroup "${name}" lets clients override its settings: set configuration.enforceWorkgroupConfiguration ` +
                "to true so that every query's results go where, and encrypted as, the workgroup says.",
        );
    }
    if (isUnknown(configuration.resultConfiguration)) return problems;
    const encryption = objectAt(objectAt(configuration.resultConfiguration)?.encryptionConfiguration);
    if (isUnknown(objectAt(configuration.resultConfiguration)?.encryptionConfiguration)) return problems;
    const option = encryption?.encryptionOption;
    if (isUnknown(option)) return problems;
    if (typeof option !== "string" || !encryptionOptions.includes(option)) {
        problems.push(
            `Athena workgroup "${name}" does not encrypt query results: set ` +
                "configuration.resultConfiguration.encryptionConfiguration.encryptionOption to SSE_S3, SSE_KMS or CSE_KMS.",
        );
    }
    return problems;
}
