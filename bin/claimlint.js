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
  // A subcommand may finish asynchronously: the exit code is set when it resolves.
  Promise.resolve(require('../dist/cli.js').run(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
