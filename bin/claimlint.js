#!/usr/bin/env node
// `claimlint --stdio` starts the language server; anything else is the command line.
'use strict';
if (process.argv.includes('--stdio') || process.argv.includes('--node-ipc')) {
  require('../dist/server.js');
} else {
  // A subcommand may finish asynchronously: the exit code is set when it resolves.
  Promise.resolve(require('../dist/cli.js').run(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
