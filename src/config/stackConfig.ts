import { AuditTrailArgs } from "@trailwatch/components/catalogue";
import { ConfigKeyDoc, StackConfigReader } from "./stackConfigReader";
import { AthenaConfig, athenaConfigKeys, readAthenaConfig } from "./athenaConfig";
import { OpsgenieConfig, opsgenieConfigKeys, readOpsgenieConfig } from "./opsgenieConfig";
import { RulesConfig, readRulesConfig, rulesConfigKeys } from "./rulesConfig";
import { readTrailConfig, trailConfigKeys } from "./trailConfig";

/** The project's configuration namespace: keys are set as `trailwatch:<key>`. */
export const configNamespace = "trailwatch";

/** A stack's validated configuration: what the program composes its components from. */
export interface StackConfig {
    /** The stack's name (dev, prod, …). */
    stack: string;
    /** Arguments of the `AuditTrail` component. */
    trail: AuditTrailArgs;
    /** The alert rules: every rule with its status, and the enabled ones for `SecurityAlarms`. */
    rules: RulesConfig;
    /** Arguments of the `OpsgenieSnsIntegration` component (all but the topic); undefined when Opsgenie is off. */
    opsgenie?: OpsgenieConfig;
    /** Where `backtest --engine athena` runs; undefined when `athenaWorkgroup` is not set. */
    athena?: AthenaConfig;
}

/** Every key of the `trailwatch:` namespace, in the order the README's configuration reference lists them. */
export const stackConfigKeys: ConfigKeyDoc[] = [
    ...trailConfigKeys,
    ...rulesConfigKeys,
    ...opsgenieConfigKeys,
    ...athenaConfigKeys,
];

/**
 * Validates a stack's configuration, given as the flat map Pulumi hands a program. Throws a
 * `StackConfigError` naming every bad or unknown key before the program registers any resource.
 */
export function readStackConfig(
    values: Readonly<Record<string, string>>,
    secretKeys: ReadonlySet<string>,
    stack: string,
): StackConfig {
    const reader = new StackConfigReader(values, secretKeys, configNamespace);
    const config: StackConfig = {
        stack,
        trail: readTrailConfig(reader, stack),
        rules: readRulesConfig(reader),
        opsgenie: readOpsgenieConfig(reader, stack),
        athena: readAthenaConfig(reader),
    };
    reader.finish();
    return config;
}
