// `npm run bench`: every benchmark of the project, one after another. Figures are printed, never asserted.
import { BENCH_ARCHIVES, benchBacktest, printBacktestBench } from "./backtest";
import { benchCheck, printCheckBench } from "./check";
import { benchTestPattern, printTestPatternBench } from "./testPattern";

async function main(): Promise<void> {
    // --backtest-only: skip the shorter benchmarks (check, test-pattern) when only the backtest's figures are wanted.
    if (!process.argv.includes("--backtest-only")) {
        printCheckBench(benchCheck());
        printTestPatternBench(await benchTestPattern());
    }
    for (const archive of BENCH_ARCHIVES) printBacktestBench(await benchBacktest(archive));
}

main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
});
