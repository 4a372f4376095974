// The benchmark's floor (a): read, gunzip and JSON.parse every log file of an archive on one thread,
// evaluating nothing. Run as its own process by bench/backtest.ts; prints one JSON line.
// Usage: node dist/bench/floorWorkload.js ARCHIVE_DIR
import * as fs from "fs";
import { performance } from "perf_hooks";
import * as zlib from "zlib";
import { walkArchive } from "../cli/engines/backtest/archiveWalker";

async function main(): Promise<void> {
    const started = performance.now();
    let files = 0;
    let events = 0;
    let uncompressedBytes = 0;
    // The same walk the backtest makes, so both read exactly the same files.
    for await (const entry of walkArchive([process.argv[2]])) {
        if (entry.type !== "file") continue;
        const data = zlib.gunzipSync(fs.readFileSync(entry.path));
        uncompressedBytes += data.length;
        events += (JSON.parse(data.toString("utf8")) as { Records: unknown[] }).Records.length;
        files++;
    }
    const elapsedMs = performance.now() - started;
    process.stdout.write(`${JSON.stringify({ files, events, uncompressedBytes, elapsedMs })}\n`);
}

void main();
