/**
 * A document with more YAML errors than anyone can read (issue 20 item 5): past ~120,000 of
 * them the pipeline overflowed the stack (`push(...errors)`), nothing was published, hover
 * failed and stale diagnostics stayed. Now the real server (its own process, over stdio)
 * publishes the first 1,000 syntax errors and one diagnostic saying how many more, answers
 * hover, and replaces them all once the text is fixed. Rule findings are never capped: the
 * CLI reports every one of 1,200 claims' findings.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { ROOT, runCli } from '../support/cli';
import { startStdioServer } from '../support/lspServer';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { claimYamlItem } from '../support/claims';

const ERRORS = 130_000;
/** A claim with no provider, plan or modifiers (a therapy-modifier-missing finding each). */
const CLAIM = (i: number) => `${claimYamlItem({ id: `C-${i}`, provider: false, plan: false, lines: [{ code: '97110', modifiers: false, units: 1, minutes: 15 }] })}\n`;

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`${what}: nothing after ${ms} ms`)), ms))]);
}

describe('a flood of YAML syntax errors', function () {
  this.timeout(240_000);

  it('the server publishes 1,000 of them and one "N more", answers hover, and clears them when fixed', async () => {
    const server = await startStdioServer(join(ROOT, 'dist', 'server.js'));
    try {
      const uri = 'file:///flood/broken.claim.yaml';
      // A tab before each item: one error per line.
      const text = 'claims:\n' + CLAIM(0) + '\t- x\n'.repeat(ERRORS);
      const first: Promise<PublishDiagnosticsParams> = server.published(1);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const p = await within(first, 200_000, 'diagnostics');
      const syntax = p.diagnostics.filter((d) => d.code === 'yaml-syntax');
      assert.equal(syntax.length, 1001);
      const more = /^(\d+) more YAML syntax errors from here on are not listed \(claimlint lists the first 1000 of a file\)/.exec(syntax[1000].message);
      assert.ok(more && Number(more[1]) >= ERRORS - 1000, syntax[1000].message);
      assert.ok(syntax[999].range.start.line < syntax[1000].range.start.line, 'the summary comes after the first 1,000, in text order');

      const hover = await within(server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 16 } }), 60_000, 'hover');
      assert.ok(hover === null || typeof hover === 'object');

      const fixed: Promise<PublishDiagnosticsParams> = server.published(2);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'claims:\n' + CLAIM(0) }] });
      const after = await within(fixed, 60_000, 'diagnostics after the fix');
      assert.deepEqual(after.diagnostics.filter((d) => d.code === 'yaml-syntax'), [], 'no stale syntax errors');
      assert.equal(server.child.exitCode, null);
    } finally {
      await server.stop();
    }
  });

  it('rule findings of a file that parses are all reported (the CLI, 1,200 claims)', () => {
    const dir = makeTmpDir('flood');
    try {
      writeFileSync(join(dir, 'many.claim.yaml'), 'claims:\n' + Array.from({ length: 1200 }, (_, i) => CLAIM(i)).join(''));
      const r = runCli(['-f', 'json', 'many.claim.yaml'], dir);
      const findings = (JSON.parse(r.stdout) as { files: { findings: { rule: string }[] }[] }).files[0].findings;
      assert.equal(findings.filter((f) => f.rule === 'therapy-modifier-missing').length, 1200);
      assert.equal(findings.filter((f) => f.rule === 'yaml-syntax').length, 0);
    } finally {
      removeTmpDir(dir);
    }
  });
});
