import { UsageError } from "../io";
import { readStackConfig, StackConfigError } from "../../../program";
import { readStackFile, StackFileError } from "../offline/stackFile";
import type { AthenaTarget } from "./athenaBacktest";

/** The stack's Athena settings and AWS region, or a usage error naming what is missing. */
export function athenaTargetOfStack(cwd: string, stack: string): { target: AthenaTarget; region?: string } {
    try {
        const { values, secretKeys } = readStackFile(cwd, stack);
        const config = readStackConfig(values, secretKeys, stack);
        if (config.athena === undefined) {
            throw new UsageError(
                `--engine athena: stack ${stack} sets no trailwatch:athenaWorkgroup (see the README, "Backtests in SQL")`,
            );
        }
        return { target: config.athena, region: values["aws:region"] };
    } catch (err) {
        if (err instanceof StackFileError || err instanceof StackConfigError) {
            throw new UsageError(`--stack ${stack}: ${err.message}`);
        }
        throw err;
    }
}
