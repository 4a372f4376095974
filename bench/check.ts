import { execFileSync } from "child_process";
import * as os from "os";
import * as path from "path";

const projectDir = path.resolve(__dirname, "../..");

/** Wall time of one run of `args` with node, in milliseconds. */
function timeNode(args: string[]): number {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, args, { cwd: projectDir, stdio: "ignore" });
    return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/** The figures of the check benchmark. */
export interface CheckBenchResult {
    /** Median wall time of `node -e "require('@pulumi/aws')"`, ms. */
    requireAwsMs: number;
    /** Median wall time of `trailwatch check --stack prod`, ms. */
    checkProdMs: number;
    /** checkProdMs / requireAwsMs; the goal is at most 3. */
    ratio: number;
    runs: number;
}

/**
 * Is `trailwatch check` fast enough to run on every save? Compares the prod stack's check with the floor any
 * Pulumi AWS program pays: loading `@pulumi/aws`. Median of `runs` runs each, after one warm-up run each.
 */
export function benchCheck(runs = 7): CheckBenchResult {
    const requireAws = ["-e", "require('@pulumi/aws')"];
    const check = [path.join(projectDir, "bin/trailwatch.js"), "check", "--stack", "prod"];
    timeNode(requireAws);
    timeNode(check);
    const aws: number[] = [];
    const checks: number[] = [];
    for (let i = 0; i < runs; i++) {
        aws.push(timeNode(requireAws));
        checks.push(timeNode(check));
    }
    const requireAwsMs = median(aws);
    const checkProdMs = median(checks);
    return { requireAwsMs, checkProdMs, ratio: checkProdMs / requireAwsMs, runs };
}

/** Prints the check benchmark's figures and the machine they come from. */
export function printCheckBench(result: CheckBenchResult): void {
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(`check: ${os.cpus().length} x ${cpu}, Node.js ${process.version}, median of ${result.runs} runs`);
    console.log(`  node -e "require('@pulumi/aws')"   ${result.requireAwsMs.toFixed(0)} ms`);
    console.log(`  trailwatch check --stack prod       ${result.checkProdMs.toFixed(0)} ms`);
    console.log(`  ratio                               ${result.ratio.toFixed(2)} (goal: <= 3)`);
}

if (require.main === module) printCheckBench(benchCheck());
