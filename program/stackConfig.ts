import { AuditTrailArgs } from "@trailwatch/components/catalogue";
import { ConfigKeyDoc, MissingSecret, StackConfigReader, StackConfigReaderOptions } from "./stackConfigReader";
import { JsmConfig, jsmConfigKeys, readJsmConfig } from "./jsmConfig";
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
    /** Arguments of the `JsmSnsIntegration` component (all but the topic); undefined when JSM is off. */
    jsm?: JsmConfig;
    /** Where `backtest --engine athena` runs; undefined when `athenaWorkgroup` is not set. */
    athena?: AthenaConfig;
}

/** Every key of the `trailwatch:` namespace, in the order docs/configuration.md lists them. */
export const stackConfigKeys: ConfigKeyDoc[] = [
    ...trailConfigKeys,
    ...rulesConfigKeys,
    ...opsgenieConfigKeys,
    ...jsmConfigKeys,
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
    options: StackConfigReaderOptions = {},
): StackConfig {
    const reader = new StackConfigReader(values, secretKeys, configNamespace, options);
    const config = readWith(reader, stack);
    reader.finish();
    return config;
}

/**
 * The secrets the stack requires that its configuration does not hold (whatever else is wrong with it): what an
 * offline tool, which never decrypts secrets, stands in for, and what `pulumi up` would stop on.
 */
export function findMissingSecrets(
    values: Readonly<Record<string, string>>,
    secretKeys: ReadonlySet<string>,
    stack: string,
): MissingSecret[] {
    const reader = new StackConfigReader(values, secretKeys, configNamespace, { deferMissingSecrets: true });
    readWith(reader, stack);
    return reader.missingSecrets;
}

function readWith(reader: StackConfigReader, stack: string): StackConfig {
    return {
        stack,
        trail: readTrailConfig(reader, stack),
        rules: readRulesConfig(reader),
        opsgenie: readOpsgenieConfig(reader, stack),
        jsm: readJsmConfig(reader, stack),
        athena: readAthenaConfig(reader, stack),
    };
}
