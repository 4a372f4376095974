// Preloaded (`node --require`) into a benchmarked process: when it exits, writes its peak resident
// memory to the file named by BENCH_PEAK_MEMORY_FILE. getrusage counts the whole process, worker
// threads included, so the CLI is measured exactly as a user runs it, unmodified.
import * as fs from "fs";

const target = process.env.BENCH_PEAK_MEMORY_FILE;
if (target !== undefined) {
    process.on("exit", () => {
        // maxRSS is in kilobytes.
        fs.writeFileSync(target, JSON.stringify({ peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
    });
}
