/**
 * Issue 22, "one price per line, everywhere": the hover on a line's code and the code lens
 * over its claim price the same lines the same way (MPPR across the day's lines, CQ/CO), so
 * the hovers' line amounts add up to the lens's estimate, on the shipped example.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLens, Hover } from 'vscode-languageserver';
import { TestClient } from './support/harness';
import { codeHover } from '../../src/service/hoverText';
import { BUILTIN_DATA } from '../../src/core';

const ROOT = join(__dirname, '..', '..', '..');

describe('lsp: one price per line (issue 22)', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it('examples/mistakes.claim.yaml: each claim\'s hovers add up to its code lens estimate, and each names its MPPR place', async () => {
    const uri = 'file:///ws/mistakes.claim.yaml';
    const text = readFileSync(join(ROOT, 'examples', 'mistakes.claim.yaml'), 'utf8');
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const lenses: CodeLens[] = await client.request('textDocument/codeLens', { textDocument: { uri } });
    const lines = text.split('\n');
    const claimStarts = lines.flatMap((l, i) => (/^ {2}- id:/.test(l) ? [i] : []));
    let compared = 0;
    for (const [k, start] of claimStarts.entries()) {
      const end = claimStarts[k + 1] ?? lines.length;
      const estimates = lenses
        .filter((l) => l.range.start.line >= start && l.range.start.line < end)
        .map((l) => /est\. \$([\d,.]+) for/.exec(l.command?.title ?? '')?.[1])
        .filter((x): x is string => !!x);
      if (!estimates.length) continue;
      let sum = 0;
      for (let i = start; i < end; i++) {
        const m = /^(\s+- code: ")(\d{5})"/.exec(lines[i]);
        if (!m) continue;
        const h: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: i, character: m[1].length + 1 } });
        const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
        const line = /\*\*This line:\*\* .*? → (\$[\d,.]+) national (\d{4})(.*)\./.exec(value);
        if (!line) continue; // an unpriced line (97010, bundled) has no amount
        sum += Number(line[1].slice(1).replace(/,/g, ''));
        assert.match(line[3], /^(, MPPR: paid in full as the 1st service|, MPPR: 1st unit in full, \d+ more at 50% practice expense|, MPPR applied as the \d+(st|nd|rd|th) service)/, `line ${i + 1}: ${line[0]}`);
      }
      assert.equal(Math.round(sum * 100) / 100, Number(estimates[estimates.length - 1].replace(/,/g, '')), `claim at line ${start + 1}: hovers vs lens`);
      compared++;
    }
    assert.ok(compared >= 2, 'at least two claims compared');
  });

  it('a hover names CMS\'s status verdict and release for a code Medicare does not pay (92605, status B)', () => {
    const md = codeHover('92605', '2026-03-04', { modifiers: ['GN'], units: 1 }, BUILTIN_DATA) ?? '';
    assert.match(md, /- \*\*Medicare:\*\* bundled \(status B, CMS PFS RVU26C\) for 2026: its payment is always included/);
    assert.match(md, /- \*\*Payment:\*\* none for 2026: bundled under Medicare \(status B, CMS PFS RVU26C\)/);
    assert.doesNotMatch(codeHover('97110', '2026-03-04', { modifiers: ['GP'], units: 1 }, BUILTIN_DATA) ?? '', /\*\*Medicare:\*\*/);
  });
});

