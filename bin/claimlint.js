#!/usr/bin/env node
// `claimlint --stdio` starts the language server; anything else is the command line.
'use strict';
if (process.argv.includes('--stdio') || process.argv.includes('--node-ipc')) {
  require('../dist/server.js');
} else {
  // `claimlint … | head`: when the reader goes away, stop quietly as other CLIs do.
  process.stdout.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw err;
  });
  const cli = require('../dist/cli.js');
  // V8 tuned for a run of seconds (src/node/burstTiering.ts), before the engine's code loads.
  cli.tuneForShortRun();
  // A subcommand may finish asynchronously: the exit code is set when it resolves.
  Promise.resolve(cli.run(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
