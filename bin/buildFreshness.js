"use strict";
// Is the compiled CLI (dist/) older than its TypeScript sources? Runs on every start of `trailwatch`, before the
// compiled code is loaded, so it is plain JavaScript and only stats files (about 260, a few milliseconds).
const fs = require("fs");
const path = require("path");

/**
 * Where each source tree compiles to, as the three tsconfig.json files say (rootDir -> outDir): the root project
 * (`index.ts`, `program/`, `cli/`: rootDir ".", outDir "dist"), the components package (`components/src` ->
 * `components/dist`) and the policy pack (`policy/{index.ts,policies,lib}` -> `policy/dist`). `buildInfo` is the
 * project's `.tsbuildinfo`: `tsc -b` rewrites it on every build that looked at the sources, but re-emits only the
 * files whose content changed, so a source saved without a change stays newer than its compiled file.
 */
const trees = [
    {
        sourceRoot: ".",
        outRoot: "dist",
        buildInfo: "dist/tsconfig.tsbuildinfo",
        entries: ["index.ts", "program", "cli"],
    },
    {
        sourceRoot: "components/src",
        outRoot: "components/dist",
        buildInfo: "components/dist/tsconfig.tsbuildinfo",
        entries: ["."],
    },
    {
        sourceRoot: "policy",
        outRoot: "policy/dist",
        buildInfo: "policy/dist/tsconfig.tsbuildinfo",
        entries: ["index.ts", "policies", "lib"],
    },
];

function mtimeMs(file) {
    try {
        return fs.statSync(file).mtimeMs;
    } catch {
        return undefined;
    }
}

/** Every `.ts` file (not `.d.ts`) at or below `entry`, relative to `sourceRoot`. */
function sources(projectDir, sourceRoot, entry, found) {
    const full = path.join(projectDir, sourceRoot, entry);
    let entries;
    try {
        entries = fs.readdirSync(full, { withFileTypes: true });
    } catch (err) {
        if (err.code === "ENOTDIR" && entry.endsWith(".ts")) found.push(entry);
        return found;
    }
    for (const e of entries) {
        const rel = path.join(entry, e.name);
        if (e.isDirectory()) {
            if (e.name !== "node_modules" && e.name !== "dist") sources(projectDir, sourceRoot, rel, found);
        } else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) {
            found.push(rel);
        }
    }
    return found;
}

/**
 * Why the compiled code in `projectDir` cannot be trusted to be the sources' (a sentence), or undefined when it
 * can. Without the sources (an installed package ships only the compiled code) there is nothing to compare.
 */
function staleBuild(projectDir) {
    if (mtimeMs(path.join(projectDir, "cli", "main.ts")) === undefined) return undefined;
    if (mtimeMs(path.join(projectDir, "dist", "cli", "main.js")) === undefined) {
        return "the CLI is not built (dist/cli/main.js is missing)";
    }
    const stale = [];
    for (const { sourceRoot, outRoot, buildInfo, entries } of trees) {
        const built = mtimeMs(path.join(projectDir, buildInfo)) ?? -Infinity;
        for (const entry of entries) {
            for (const rel of sources(projectDir, sourceRoot, entry, [])) {
                const source = mtimeMs(path.join(projectDir, sourceRoot, rel));
                const compiled = mtimeMs(path.join(projectDir, outRoot, rel.replace(/\.ts$/, ".js")));
                if (compiled === undefined || Math.max(compiled, built) < source)
                    stale.push(path.join(sourceRoot, rel));
            }
        }
    }
    if (stale.length === 0) return undefined;
    const more = stale.length > 1 ? ` (and ${stale.length - 1} more)` : "";
    return `the compiled code is older than its source ${stale[0]}${more}`;
}

module.exports = { staleBuild };
