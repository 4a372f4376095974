import type { BacktestProgress } from "./backtestEngine";
import { formatBytes } from "./reportTable";

function duration(seconds: number): string {
    if (!Number.isFinite(seconds)) return "?";
    const s = Math.max(0, Math.round(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : m > 0 ? `${m}m${String(sec).padStart(2, "0")}s` : `${sec}s`;
}

/**
 * The one-line progress shown on a terminal: files, events, throughput of uncompressed JSON, and
 * the time left (estimated from on-disk bytes once the sizing walk knows the total).
 */
export function formatProgress(p: BacktestProgress): string {
    const seconds = p.elapsedMs / 1000;
    const rate = seconds > 0 ? p.uncompressedBytes / 1e6 / seconds : 0;
    const files = p.filesTotal === undefined ? `${p.filesDone} files` : `${p.filesDone}/${p.filesTotal} files`;
    let left = "time left ?";
    if (p.compressedBytesTotal !== undefined && p.compressedBytes > 0 && seconds > 0) {
        const remaining = Math.max(0, p.compressedBytesTotal - p.compressedBytes);
        left = `time left ${duration(remaining / (p.compressedBytes / seconds))}`;
    }
    return `${files}, ${p.events.toLocaleString("en-US")} events, ${formatBytes(p.uncompressedBytes)}, ${rate.toFixed(1)} MB/s, ${left}`;
}

/** Writes progress in place on a terminal (carriage return + erase line), and erases it at the end. */
export class ProgressLine {
    constructor(private readonly stream: NodeJS.WritableStream) {}

    update(p: BacktestProgress): void {
        this.stream.write(`\r\x1b[2K${formatProgress(p)}`);
    }

    clear(): void {
        this.stream.write("\r\x1b[2K");
    }
}
