import * as path from "path";
import { sharedDir } from "../../support/repositoryPaths";

/** The official Opsgenie provider schema excerpt the binding is written against. */
export const opsgenieSchemaPath = path.join(sharedDir, "reference", "opsgenie-provider-schema.json");

/** Real SNS notifications sent by CloudWatch alarms, 2014-2023. */
export const snsAlarmMessagesDir = path.join(sharedDir, "corpus", "sns-alarm-messages");
