#!/usr/bin/env node
// `claimlint --stdio` starts the language server; anything else is the command line.
'use strict';
if (process.argv.includes('--stdio') || process.argv.includes('--node-ipc')) {
  require('../dist/server.js');
} else {
  process.exitCode = require('../dist/cli.js').run(process.argv.slice(2));
}
