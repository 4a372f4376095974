#!/usr/bin/env node
"use strict";
const path = require("path");
const { staleBuild } = require("./buildFreshness");

// The CLI is compiled ahead of time (`npm run build`): no type-checking at run time. A build older than a source
// file would run old code without a word, and a missing one would end in a stack trace: say how to rebuild instead.
const projectDir = path.resolve(__dirname, "..");
const rebuild = (why) => {
    process.stderr.write(`trailwatch: ${why}: run \`npm run build\` in ${projectDir}, then try again.\n`);
    process.exitCode = 2;
};
const stale = staleBuild(projectDir);
let main;
if (stale !== undefined) {
    rebuild(stale);
} else {
    try {
        ({ main } = require("../dist/cli/main.js"));
    } catch (err) {
        if (err && err.code === "MODULE_NOT_FOUND")
            rebuild(`the compiled CLI cannot be loaded (${err.message.split("\n")[0]})`);
        else throw err;
    }
}
if (main !== undefined) {
    // A reader that stops early (`trailwatch check | head`) is not an error.
    for (const stream of [process.stdout, process.stderr]) {
        stream.on("error", (err) => {
            if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
            throw err;
        });
    }
    main(process.argv.slice(2), {
        stdout: process.stdout,
        stderr: process.stderr,
        stdin: process.stdin,
        cwd: process.cwd(),
    }).then(
        (code) => {
            process.exitCode = code;
        },
        (err) => {
            process.stderr.write(`trailwatch: ${err && err.stack ? err.stack : String(err)}\n`);
            process.exitCode = 70;
        },
    );
}
