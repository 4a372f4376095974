import { AuditTrail } from "@trailwatch/components";
import { loadStackConfig } from "./src/config";

// Validated as a whole before anything is registered: a bad key fails the program with every problem named.
const config = loadStackConfig();

const audit = new AuditTrail("audit", config.trail);

export const trailArn = audit.trailArn;
export const bucketName = audit.bucketName;
export const bucketArn = audit.bucketArn;
export const logGroupName = audit.logGroupName;
export const logGroupArn = audit.logGroupArn;
export const cloudWatchLogsRoleArn = audit.roleArn;
