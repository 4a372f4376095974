#!/usr/bin/env node
"use strict";
// The CLI is compiled ahead of time (`npm run build`): no type-checking at run time.
const { main } = require("../dist/cli/main.js");
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
