/**
 * Entry point of the bundled language server (dist/server.js). The transport comes from
 * the command line: --stdio, --node-ipc, --socket=<port> or --pipe=<name>
 * (bin/claimlint-language-server.js adds --stdio when none is given).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { routeProcessWarnings } from '../node/warnings';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
routeProcessWarnings((line) => connection.console.warn(line));
startServer(connection);
