import * as fs from "fs";
import * as path from "path";

function newestSourceTime(dir: string): number {
    let newest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === "node_modules" || entry.name === "dist") continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(full));
        else if (entry.name.endsWith(".ts") || entry.name === "package.json" || entry.name === "tsconfig.json") {
            newest = Math.max(newest, fs.statSync(full).mtimeMs);
        }
    }
    return newest;
}

/**
 * The pack's compiled entry (`dist/index.js`, from `npm run build`) when it is at least as new as every source
 * file of the pack; `undefined` when it is missing or stale. Starting it skips ts-node's type-check (seconds per
 * start); a stale one is never used, so what runs is always what the sources say.
 */
export function compiledPackEntry(packDir: string): string | undefined {
    const entry = path.join(packDir, "dist", "index.js");
    if (!fs.existsSync(entry)) return undefined;
    return fs.statSync(entry).mtimeMs >= newestSourceTime(packDir) ? entry : undefined;
}
