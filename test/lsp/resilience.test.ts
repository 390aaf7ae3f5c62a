/**
 * Server resilience (issue 11): the hostile corpus over stdio to the bundled server — each
 * file opened, then hover at several places, code lens, completion, code actions and two
 * edits — and afterwards a normal file still gets diagnostics, hover and fixes. Before the
 * guard, 5,000 `[` aborted the process (SIGABRT in the regexp compiler).
 */
import assert from 'node:assert/strict';
import type { MessageConnection } from 'vscode-languageserver/node';
import { claimFile } from './support/fixtures';
import { SERVER_BIN } from '../support/paths';
import { startStdioServer, type StdioServer } from '../support/lspServer';

const aliasBomb = (() => {
  let s = 'a: &a [x,x,x,x,x,x,x,x,x,x]\n';
  for (let i = 1; i < 12; i++) s += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]\n`;
  return s;
})();

export const HOSTILE: Record<string, string> = {
  '5,000 [': '['.repeat(5000),
  '10,000 nested -': Array.from({ length: 1500 }, (_, i) => '  '.repeat(i) + '- ').join('\n'),
  'compact - - -': '- '.repeat(10000) + 'x\n',
  '5,000 {': 'claim: ' + '{a: '.repeat(5000),
  'alias bomb': aliasBomb,
  'alias before anchor': 'claim:\n  id: *later\n  date_of_service: &later 2026-01-05\n',
  'units 1e9': 'claim:\n  id: A\n  date_of_service: 2026-03-10\n  payer: {type: medicare}\n  lines:\n    - {code: "97110", modifiers: [GP, CQ], units: 1000000000, minutes: 30, assistant_minutes: 20}\n',
  'bare CR': '\r',
  'CR only': claimFile().replace(/\n/g, '\r'),
  'UTF-16 read as UTF-8': Buffer.from('\ufeff' + claimFile(), 'utf16le').toString('latin1'),
  'NUL and escapes': 'claims:\n  - \u0000\u001b]0;x\u0007: 1\n',
};

describe('lsp: resilience over stdio', function () {
  this.timeout(60000);
  let server: StdioServer;
  let connection: MessageConnection;

  before(async () => {
    server = await startStdioServer(SERVER_BIN, { nodeArgs: ['--max-old-space-size=512'] });
    connection = server.connection;
  });

  after(() => server.stop());

  let n = 0;
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: every feature answers and the server lives`, async () => {
      const uri = `file:///tmp/hostile-${++n}.claim.yaml`;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const td = { uri };
      for (const position of [{ line: 0, character: 0 }, { line: 0, character: 3 }, { line: 1, character: 4 }, { line: 5, character: 10 }]) {
        await connection.sendRequest('textDocument/hover', { textDocument: td, position });
        await connection.sendRequest('textDocument/completion', { textDocument: td, position });
      }
      await connection.sendRequest('textDocument/codeLens', { textDocument: td });
      await connection.sendRequest('textDocument/codeAction', {
        textDocument: td,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        context: { diagnostics: [], only: ['source.fixAll.claimlint'] },
      });
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + '\n' }] });
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: '[' + text }] });
      await connection.sendRequest('textDocument/hover', { textDocument: td, position: { line: 0, character: 1 } });
      await connection.sendNotification('textDocument/didClose', { textDocument: td });
      assert.equal(server.exitCode(), undefined, 'the server process exited');
    });
  }

  it('after the corpus, a normal file gets diagnostics, hover and a fix', async () => {
    const uri = 'file:///tmp/normal.claim.yaml';
    const text = claimFile({ units530: 2 });
    const first = server.publishedWhere((p) => p.uri === uri && p.diagnostics.length > 0);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const diags = (await first).diagnostics;
    assert.ok(diags.some((d) => d.code === 'timed-units-total'), diags.map((d) => d.code).join());
    const line = text.split('\n').findIndex((l) => l.includes('"97530"'));
    const hover = await connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: line >= 0 ? text.split('\n')[line].indexOf('975') + 1 : 0 } });
    assert.match(hover?.contents.value ?? '', /97530/);
    const actions = await connection.sendRequest<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: diags.filter((d) => d.code === 'timed-units-total') },
    });
    assert.ok(actions.some((a) => /^Bill /.test(a.title)), actions.map((a) => a.title).join());
    assert.equal(server.exitCode(), undefined);
  });
});
