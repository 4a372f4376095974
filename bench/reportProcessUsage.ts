// Preloaded (`node --require`) into a benchmarked process: when it exits, writes its peak resident
// memory and CPU time to the file named by BENCH_PROCESS_USAGE_FILE. getrusage counts the whole
// process, worker threads included, so the CLI is measured exactly as a user runs it, unmodified.
import * as fs from "fs";

const target = process.env.BENCH_PROCESS_USAGE_FILE;
if (target !== undefined) {
    process.on("exit", () => {
        const usage = process.resourceUsage();
        fs.writeFileSync(
            target,
            JSON.stringify({
                // maxRSS is in kilobytes, CPU times in microseconds.
                peakRssBytes: usage.maxRSS * 1024,
                cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
            }),
        );
    });
}
