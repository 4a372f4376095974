// `npm run bench`: every benchmark of the project, one after another. Figures are printed, never asserted.
import { benchBacktest, printBacktestBench } from "./backtest";
import { benchCheck, printCheckBench } from "./check";

async function main(): Promise<void> {
    printCheckBench(benchCheck());
    printBacktestBench(await benchBacktest());
}

main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
});
