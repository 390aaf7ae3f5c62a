/**
 * The bundled server as a real process over stdio (bin/claimlint-language-server.js,
 * built by the test runner's esbuild step).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimFile } from './support/fixtures';
import { startStdioServer, type StdioServer } from '../support/lspServer';
import { IMPORT_CLAIMS_REQUEST, type ImportClaimsResult } from '../../src/protocol';
import { BIN, EXAMPLES, ROOT, SERVER_BIN } from '../support/paths';

const BINS: [string, string][] = [
  ['claimlint-language-server --stdio', SERVER_BIN],
  ['claimlint --stdio', BIN],
];

describe('lsp: the bundled server over stdio', () => {
  let server: StdioServer | undefined;

  before(() => assert.ok(existsSync(join(ROOT, 'dist', 'server.js')), 'dist/server.js is built by the test runner'));

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  for (const [name, bin] of BINS) it(`${name}: initializes and publishes diagnostics`, async () => {
    let stderr = '';
    server = await startStdioServer(bin, { onStderr: (t) => (stderr += t) });
    const { connection } = server;
    assert.equal(server.initialized.serverInfo?.name, 'claimlint-language-server');
    const published = server.publishedWhere((p) => p.diagnostics.length > 0);
    const uri = 'file:///tmp/stdio.claim.yaml';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: claimFile({ units530: 2 }) } });
    const p = await published;
    assert.equal(p.uri, uri);
    const d = p.diagnostics.find((x) => x.code === 'timed-units-total');
    assert.ok(d, `${p.diagnostics.map((x) => x.code)} ${stderr}`);
    assert.equal(d.codeDescription?.href, 'https://github.com/claimlint/claimlint/blob/main/docs/rules/timed-units-total.md');
    if (name.startsWith('claimlint-language-server')) {
      // A client that links the rule itself (as claimlint's VS Code extension does) is sent no link:
      // the same diagnostics otherwise, and the publish is that much smaller.
      const other = await startStdioServer(bin, { initializationOptions: { ruleLinks: 'client' } });
      try {
        const linkless = other.publishedWhere((q) => q.diagnostics.length > 0);
        await other.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: claimFile({ units530: 2 }) } });
        const q = await linkless;
        assert.ok(q.diagnostics.every((x) => !('codeDescription' in x)), 'no codeDescription');
        assert.deepEqual(q.diagnostics, p.diagnostics.map(({ codeDescription, ...rest }) => (assert.ok(codeDescription), rest)));
      } finally {
        await other.stop();
      }
      // The editor's import: dist/server.js loads the importers from dist/importers.js on the first request.
      const text = readFileSync(join(EXAMPLES, 'import', 'riverside.837'), 'utf8');
      const imported = await connection.sendRequest<ImportClaimsResult>(IMPORT_CLAIMS_REQUEST, { name: 'riverside.837', text });
      assert.ok(imported.ok && imported.count > 0 && imported.yaml.includes('claims:'), `${JSON.stringify(imported).slice(0, 200)} ${stderr}`);
    }
  });
});
