#!/usr/bin/env node
"use strict";
// The CLI is compiled ahead of time (`npm run build`): no type-checking at run time.
const { main } = require("../dist/cli/main.js");
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
