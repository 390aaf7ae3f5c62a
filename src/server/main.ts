/**
 * The bundled language server (dist/serverMain.js, loaded by the launcher dist/server.js:
 * ./launch.ts). The transport comes from
 * the command line: --stdio, --node-ipc, --socket=<port> or --pipe=<name>
 * (bin/claimlint-language-server.js adds --stdio when none is given). Over stdio the
 * messages are written by ./messageJson.ts (a big file's diagnostics reused from the publish
 * before), and console output goes to the client's log, never into the protocol stream.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { routeProcessWarnings } from '../node/warnings';
import { serverMessageWriter } from './messageJson';
import { startServer } from './server';

/** The transport the command line names first (as vscode-languageserver reads it). */
function transport(argv: readonly string[]): string | undefined {
  return argv.map((a) => a.split('=')[0]).find((a) => ['--node-ipc', '--stdio', '--socket', '--pipe'].includes(a));
}

/** What vscode-languageserver does for --stdio: console output to the client's log (stdout is the protocol's). */
function consoleToLog(connection: Connection): void {
  const log = (...args: unknown[]): void => connection.console.log(format(...args));
  Object.assign(console, {
    log,
    info: (...args: unknown[]) => connection.console.info(format(...args)),
    debug: log,
    trace: log,
    dir: (value: unknown) => log(value),
    table: (value: unknown) => log(value),
    warn: (...args: unknown[]) => connection.console.warn(format(...args)),
    error: (...args: unknown[]) => connection.console.error(format(...args)),
  });
}

const stdio = transport(process.argv.slice(2)) === '--stdio';
// stdin as a stream (the library then exits when it ends, as with --stdio), our writer for
// stdout: the library takes either kind for each side; its typings only name the pairs.
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, serverMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
if (stdio) consoleToLog(connection);
routeProcessWarnings((line) => connection.console.warn(line));
startServer(connection);
