// `npm run bench`: every benchmark of the project, one after another. Figures are printed, never asserted.
import { benchBacktest, printBacktestBench } from "./backtest";
import { benchCheck, printCheckBench } from "./check";
import { benchTestPattern, printTestPatternBench } from "./testPattern";

async function main(): Promise<void> {
    printCheckBench(benchCheck());
    printTestPatternBench(await benchTestPattern());
    printBacktestBench(await benchBacktest());
}

main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
});
