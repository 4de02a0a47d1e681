#!/usr/bin/env node
/** The `prodbook` command: all logic is in run.ts and the modules it calls, which take an io. */
import { runCli } from "./run";

runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`prodbook: internal error: ${String(e)}\n`);
    process.exitCode = 70;
  },
);
