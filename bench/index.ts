// `npm run bench`: every benchmark of the project, one after another. Figures are printed, never asserted.
import { benchCheck, printCheckBench } from "./check";

async function main(): Promise<void> {
    printCheckBench(benchCheck());
}

main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
});
