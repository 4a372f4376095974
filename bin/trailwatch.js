#!/usr/bin/env node
"use strict";
const fs = require("fs");
const path = require("path");
const { staleBuild } = require("./buildFreshness");

// The CLI is compiled ahead of time (`npm run build`): no type-checking at run time. A build older than a source
// file would run old code without a word, and a missing one would end in a stack trace: say how to rebuild instead.
const projectDir = path.resolve(__dirname, "..");
// With --json (before a `--` that ends the options) an error is a JSON document on stdout, as in every command
// (docs/cli.md: "With `--json`, an error is a JSON document on stdout instead ... and nothing is written to stderr").
const argv = process.argv.slice(2);
const options = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
const rebuild = (why) => {
    // A fresh clone has no node_modules yet, so `npm run build` would fail on a missing tsc: `npm ci` installs and
    // then builds (the root package's `prepare` script).
    const installed = fs.existsSync(path.join(projectDir, "node_modules", "typescript", "package.json"));
    const command = installed ? "npm run build" : "npm ci";
    const message = `${why}: run \`${command}\` in ${projectDir}, then try again.`;
    if (options.includes("--json")) {
        process.stdout.write(`${JSON.stringify({ error: { code: 2, message } }, null, 2)}\n`);
    } else {
        process.stderr.write(`trailwatch: ${message}\n`);
    }
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
    main(argv, {
        stdout: process.stdout,
        stderr: process.stderr,
        stdin: process.stdin,
        cwd: process.cwd(),
        env: process.env,
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
