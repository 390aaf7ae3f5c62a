/**
 * Issue 22, "CMS's indicators decide, not hand lists": MULT PROC 5 marks the codes the
 * therapy MPPR reduces (97550 has 0: never reduced), CMS's status code gives each unpaid line
 * its own verdict, and dry needling by a therapist on a Medicare claim is a coverage finding
 * with its source. Figures from the built-in tables derived from CMS's files.
 */
import assert from 'node:assert/strict';
import { BUILTIN_DATA } from '../../src/core/data/reference';
import { roundCents } from '../../src/core/data/cents';
import { audit } from '../../src/core/engine';
import { resolveConfig } from '../../src/core/config/schema';
import { claimYaml } from '../support/claims';

const day = (date: string, lines: { code: string; units: number; modifiers?: string[] }[], medicare = true) =>
  BUILTIN_DATA.priceClaimLines(
    lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers ?? ['GP'], info: BUILTIN_DATA.codeInfo(l.code, date) })),
    date,
    { medicare },
  );

describe('CMS indicators decide (issue 22)', () => {
  it('97550 (MULT PROC 0) is paid in full beside 97110: only MULT PROC 5 codes are reduced', () => {
    const p = day('2026-03-04', [{ code: '97110', units: 2 }, { code: '97550', units: 1 }]);
    const [ex, caregiver] = p.lines;
    assert.equal(caregiver.mppr, false);
    assert.equal(caregiver.amount, 52.77, '97550 2026: (1.00 + 0.57 + 0.01) × 33.4009, not reduced');
    assert.equal(caregiver.phrase, '$52.77 national 2026, no MPPR (CMS MULT PROC 0)');
    assert.equal(ex.mppr, true);
    const two = roundCents(29.06 + roundCents((0.45 + 0.41 / 2 + 0.01) * 33.4009));
    assert.equal(ex.amount, two, '97110: 1st unit in full, the 2nd at 50% PE');
    assert.equal(ex.phrase, `$${two.toFixed(2)} national 2026, MPPR: 1st unit in full, 1 more at 50% practice expense`);
    // Always-therapy codes CMS gives MULT PROC 0 (97129 cognitive intervention) are not reduced either.
    assert.equal(day('2026-03-04', [{ code: '97110', units: 1 }, { code: '97129', units: 1 }]).lines[1].mppr, false);
  });

  it('the 2nd MPPR service of the day says so; CQ at 85% is applied after the reduction, in the same phrase', () => {
    const p = day('2026-03-04', [{ code: '97110', units: 1 }, { code: '97140', units: 1, modifiers: ['GP', 'CQ'] }]);
    assert.equal(p.lines[0].phrase, '$29.06 national 2026, MPPR: paid in full as the 1st service');
    const reduced = roundCents(roundCents((0.43 + 0.39 / 2 + 0.01) * 33.4009 * 0.85));
    assert.equal(p.lines[1].amount, reduced);
    assert.equal(p.lines[1].phrase, `$${reduced.toFixed(2)} national 2026, MPPR applied as the 2nd service, CQ/CO at 85%`);
  });

  it('a "sometimes therapy" code with MULT PROC 5 is reduced only when billed as therapy (GP/GO/GN)', () => {
    const info = BUILTIN_DATA.codeInfo('96125', '2026-03-04');
    assert.equal(info?.therapy, 'sometimes');
    assert.equal(BUILTIN_DATA.feeFor('96125', '2026-03-04')?.multProc, '5');
    assert.equal(day('2026-03-04', [{ code: '97110', units: 1 }, { code: '96125', units: 1 }]).lines[1].mppr, true);
    assert.equal(day('2026-03-04', [{ code: '97110', units: 1 }, { code: '96125', units: 1, modifiers: [] }]).lines[1].mppr, false);
  });

  it('an unpaid status gets its own verdict from the release in force: 97010 bundled (B), 97169 not covered (N)', () => {
    const p = day('2026-03-04', [{ code: '97010', units: 1 }, { code: '97169', units: 1 }, { code: '97039', units: 1 }]);
    assert.equal(p.lines[0].unpriced, 'bundled under Medicare (status B, CMS PFS RVU26C) for 2026: its payment is always included in the other services of the day, so it is never paid separately and not billable to the patient');
    assert.match(p.lines[1].unpriced ?? '', /^not covered under Medicare \(status N, CMS PFS RVU26C\) for 2026/);
    assert.match(p.lines[2].unpriced ?? '', /^contractor-priced \(status C, CMS PFS RVU26C\)/);
    assert.match(p.lines[0].phrase, /^no amount for 2026: bundled under Medicare/);
    assert.equal(p.total, 0);
  });

  it('a therapist\'s Medicare claim with 20560 gets the dry-needling coverage finding, citing NCD 30.3.3', () => {
    const text = [
      'claims:',
      '  - id: A',
      '    date_of_service: 2026-03-04',
      '    payer: { type: medicare }',
      '    provider: { npi: "1234567893", discipline: PT }',
      '    plan_of_care: { discipline: PT, start_date: 2026-02-16, certified_date: 2026-02-20, cert_through: 2026-05-15 }',
      '    lines:',
      '      - { code: "20560", modifiers: [GP], units: 1, minutes: 10 }',
      '',
    ].join('\n');
    const f = audit(text, { config: resolveConfig() }).findings.filter((x) => x.rule === 'dry-needling-not-covered');
    assert.equal(f.length, 1);
    assert.equal(f[0].path, 'claims[0].lines[0].code');
    assert.match(f[0].message, /NCD 30\.3\.3/);
    assert.equal(BUILTIN_DATA.pfsStatus('20560', '2026-03-04')?.status, 'A', 'the status column alone would let it pass');
    const other = audit(text.replace('type: medicare', 'type: commercial'), { config: resolveConfig() }).findings.filter((x) => x.rule === 'dry-needling-not-covered');
    assert.deepEqual(other, []);
  });

  it('97760 with 97763 on one date is an NCCI pair, and the finding says its source is secondary', () => {
    const pair = BUILTIN_DATA.findNcciPair('97763', '97760', '2026-03-04');
    assert.ok(pair);
    assert.equal(pair.column1, '97760');
    const text = [
      'claims:',
      '  - id: A',
      '    date_of_service: 2026-03-04',
      '    payer: { type: medicare }',
      '    provider: { npi: "1234567893", discipline: PT }',
      '    plan_of_care: { discipline: PT, start_date: 2026-02-16, certified_date: 2026-02-20, cert_through: 2026-05-15 }',
      '    lines:',
      '      - { code: "97760", modifiers: [GP], units: 1, minutes: 15 }',
      '      - { code: "97763", modifiers: [GP], units: 1, minutes: 15 }',
      '',
    ].join('\n');
    const f = audit(text, { config: resolveConfig() }).findings.filter((x) => x.rule === 'ncci-modifier-missing');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /source: secondary, not confirmed in CMS's file/);
  });

  it('KX accrual counts 0 for a line CMS does not pay (92605, status B), not its charge', () => {
    const claim = (code: string, ytd: number) =>
      claimYaml({
        id: 'A',
        date: '2026-03-04',
        discipline: 'SLP',
        ytd: { pt_slp: ytd },
        plan: { start: '2026-02-16', certified: '2026-02-20', through: '2026-05-15' },
        lines: [{ code, modifiers: ['GN'], units: 1, minutes: 60, charge: 400 }],
      });
    const kx = (text: string) => audit(text, { config: resolveConfig() }).findings.filter((f) => f.rule === 'kx-modifier-missing');
    // 2,400 so far this year: a $400 charge would pass the 2026 threshold of 2,480; a bundled line adds nothing.
    assert.deepEqual(kx(claim('92605', 2400)), []);
    assert.equal(kx(claim('92507', 2410)).length, 1, 'a payable code ($76.15) does pass it');
    const p = day('2026-03-04', [{ code: '92605', units: 1, modifiers: ['GN'] }]);
    assert.equal(p.lines[0].notPayable, true);
    assert.equal(day('2026-03-04', [{ code: '92605', units: 1, modifiers: ['GN'] }], false).lines[0].notPayable, undefined, 'only Medicare is known not to pay');
  });
});

