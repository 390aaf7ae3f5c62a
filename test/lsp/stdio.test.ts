/**
 * The bundled server as a real process over stdio (bin/claimlint-language-server.js,
 * built by the test runner's esbuild step).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { claimFile } from './support/fixtures';
import { stopServer } from '../support/lspServer';
import { IMPORT_CLAIMS_REQUEST, type ImportClaimsResult } from '../../src/protocol';
import { ROOT } from '../support/paths';

const BINS: [string, string][] = [
  ['claimlint-language-server --stdio', join(ROOT, 'bin', 'claimlint-language-server.js')],
  ['claimlint --stdio', join(ROOT, 'bin', 'claimlint.js')],
];

describe('lsp: the bundled server over stdio', () => {
  let child: ChildProcess;
  let connection: MessageConnection;

  before(() => assert.ok(existsSync(join(ROOT, 'dist', 'server.js')), 'dist/server.js is built by the test runner'));

  afterEach(async () => {
    if (child) await stopServer(child, connection);
  });

  for (const [name, bin] of BINS) it(`${name}: initializes and publishes diagnostics`, async () => {
    child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (b) => (stderr += String(b)));
    connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.diagnostics.length) resolve(p);
      });
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const init = await connection.sendRequest<{ serverInfo?: { name: string } }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
    });
    assert.equal(init.serverInfo?.name, 'claimlint-language-server');
    await connection.sendNotification('initialized', {});
    const uri = 'file:///tmp/stdio.claim.yaml';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: claimFile({ units530: 2 }) } });
    const p = await published;
    assert.equal(p.uri, uri);
    const d = p.diagnostics.find((x) => x.code === 'timed-units-total');
    assert.ok(d, `${p.diagnostics.map((x) => x.code)} ${stderr}`);
    assert.equal(d.codeDescription?.href, 'https://github.com/claimlint/claimlint/blob/main/docs/rules/timed-units-total.md');
    if (name.startsWith('claimlint-language-server')) {
      // The editor's import: dist/server.js loads the importers from dist/importers.js on the first request.
      const text = readFileSync(join(ROOT, 'examples', 'import', 'riverside.837'), 'utf8');
      const imported = await connection.sendRequest<ImportClaimsResult>(IMPORT_CLAIMS_REQUEST, { name: 'riverside.837', text });
      assert.ok(imported.ok && imported.count > 0 && imported.yaml.includes('claims:'), `${JSON.stringify(imported).slice(0, 200)} ${stderr}`);
    }
  });
});
