/** The input limits of docs/limits.md, each with its diagnostic, checked before any parse. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, fixAll, LIMITS } from '../../src/core';
import { ROOT, exampleText } from '../support/paths';

function only(text: string, pattern: RegExp): void {
  const { findings } = audit(text);
  // One finding and nothing else: a parse of these inputs would add syntax errors. (A hang is the test timeout's.)
  assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
  assert.match(findings[0].message, pattern);
  assert.ok(findings[0].span.end <= text.length);
  assert.equal(fixAll(text).text, text);
}

describe('limits (docs/limits.md)', () => {
  it('nesting deeper than the limit: one finding, no parse (flow, block, compact)', () => {
    only('['.repeat(5000), /nests deeper than 64 levels/);
    only('claim: ' + '{a: '.repeat(5000), /nests deeper than 64 levels/);
    only(Array.from({ length: 200 }, (_, i) => '  '.repeat(i) + '- ').join('\n'), /nests deeper than 64 levels/);
    only('- '.repeat(10000) + 'x\n', /nests deeper than 64 levels/);
  });

  it('every example and fixture stays under the nesting and alias limits', () => {
    for (const f of ['examples/knee-replacement.claim.yaml', 'examples/mistakes.claim.yaml', 'examples/stroke-transfers.claim.yaml']) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      assert.ok(!audit(text).findings.some((x) => /claimlint's limit/.test(x.message)), f);
    }
  });

  it('an alias bomb is named as one, not as a missing anchor', () => {
    let s = 'a: &a [x,x,x,x,x,x,x,x,x,x]\n';
    for (let i = 1; i < 12; i++) s += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]\n`;
    only(s, /more than 100 aliases/);
  });

  it('UTF-16 and CR-only files get an encoding hint', () => {
    const claim = exampleText('knee-replacement');
    only(Buffer.from('\ufeff' + claim, 'utf16le').toString('latin1'), /UTF-16/);
    only(claim.replace(/\n/g, '\r'), /CR only/);
  });

  it('a file over the size limit is refused with one finding', () => {
    only('#'.repeat(LIMITS.MAX_FILE_BYTES + 1), /larger than 64 MB/);
  });

  it('lines per claim over the limit: one claim-schema finding at lines', () => {
    const line = '    - {code: "97110", modifiers: [GP], units: 1, minutes: 15}\n';
    const text = 'claim:\n  id: A\n  date_of_service: 2026-03-10\n  payer: {type: medicare}\n  lines:\n' + line.repeat(LIMITS.MAX_LINES_PER_CLAIM + 1);
    const f = audit(text).findings.filter((x) => x.rule === 'claim-schema');
    assert.ok(f.some((x) => x.path === 'claim.lines' && /at most 1000 service lines/.test(x.message)), f.map((x) => x.message).join());
  });
});
