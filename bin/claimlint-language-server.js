#!/usr/bin/env node
// The claimlint language server for any LSP editor. Speaks LSP over stdio unless
// --node-ipc, --socket=<port> or --pipe=<name> is given.
'use strict';
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((a) => transports.includes(a.split('=')[0]))) process.argv.push('--stdio');
require('../dist/server.js');
