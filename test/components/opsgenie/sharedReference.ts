import * as fs from "fs";
import * as path from "path";

/**
 * The shared reference data, read in place (never copied into the repository). Compiled specs live in
 * dist/test/components/opsgenie/, four levels below the repository root; ../shared is beside the checkout.
 */
export const sharedDir = path.resolve(__dirname, "../../../..", "../shared");

/** The official Opsgenie provider schema excerpt the binding is written against. */
export const opsgenieSchemaPath = path.join(sharedDir, "reference", "opsgenie-provider-schema.json");

/** Real SNS notifications sent by CloudWatch alarms, 2014-2023. */
export const snsAlarmMessagesDir = path.join(sharedDir, "corpus", "sns-alarm-messages");

/** Skips the calling test or suite with a one-line notice when `file` (under ../shared) is not there. */
export function skipWithoutShared(context: Mocha.Context, file: string): void {
    if (!fs.existsSync(file)) {
        console.log(`    (skipped: ${file} is absent; these tests need ../shared beside the checkout)`);
        context.skip();
    }
}
