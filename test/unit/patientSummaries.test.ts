/**
 * The per-patient view (issue 23 item 5) over the core's PatientIndex: visits in date order
 * across files, the year's accrual per bucket, the visits crossing the KX and review
 * thresholds, progress reports due and missing; and its section of the HTML report (the
 * Audit Summary), which never shows a patient id.
 */
import assert from 'node:assert/strict';
import { analyze, fileClaims, PatientIndex, resolveConfig } from '../../src/core';
import { computeFigures, patientSummaries, type PatientSummary } from '../../src/report';
import { renderReport } from '../../src/report/html';
import { claimYamlItem } from '../support/claims';

const HEADER = '# claimlint-disable-file documentation-missing, documentation-weak, goal-not-measurable, exercise-vs-activity\n';

/** A PT visit of one 97110 line (a `claims:` list item): its allowed amount is its charge (the charge caps the fee). */
function visit(o: { id: string; date: string; patient?: string; ytd?: number; charge?: number; report?: boolean; kx?: boolean }): string {
  const item = claimYamlItem({
    id: o.id,
    date: o.date,
    patient: o.patient ?? 'PAT-HIDDEN-1',
    ytd: o.ytd === undefined ? undefined : { pt_slp: o.ytd.toFixed(2) },
    plan: { start: '2026-01-05', certified: '2026-01-06', through: '2026-04-05' },
    visit: o.report ? { progressReport: true } : undefined,
    lines: [{ code: '97110', modifiers: o.kx ? ['GP', 'KX'] : ['GP'], units: 2, minutes: 30, charge: (o.charge ?? 20).toFixed(2) }],
  });
  return `${item}\n`;
}

function summaries(files: Record<string, string>, order = Object.keys(files)): PatientSummary[] {
  const index = new PatientIndex();
  const config = resolveConfig();
  for (const [name, text] of Object.entries(files)) index.setFile(fileClaims(analyze(`${HEADER}claims:\n${text}`, { config }), name), config);
  return patientSummaries(index, order);
}

describe('report: the per-patient view', () => {
  // 12 visits of one patient over three files (dates interleaved), from a baseline of $2,420 at $20 each:
  // 2,420 + 20 × 4 = 2,500 passes $2,480 at the 4th visit; 2,420 + 20 × 12 = 2,660.
  const days = Array.from({ length: 12 }, (_, i) => `2026-01-${String(5 + i * 2).padStart(2, '0')}`);
  const visitsOf = (k: number) =>
    days
      .map((d, i) => ({ d, i }))
      .filter(({ i }) => i % 3 === k)
      .map(({ d, i }) => visit({ id: `V-${i + 1}`, date: d, ytd: i === 0 ? 2420 : undefined, kx: i >= 3 }))
      .join('');
  const files = { 'a.claim.yaml': visitsOf(0), 'b.claim.yaml': visitsOf(1), 'c.claim.yaml': visitsOf(2) + visit({ id: 'O-1', date: '2026-01-06', patient: 'PAT-HIDDEN-2' }) };

  it('lists each patient once, visits in date order across files, named by claim id and file', () => {
    const [one, two, three] = summaries(files);
    assert.equal(three, undefined);
    assert.equal(one.label, 'Patient 1');
    assert.deepEqual(
      one.visits.map((v) => `${v.claimId}@${v.fileLabel}`),
      days.map((_, i) => `V-${i + 1}@${['a', 'b', 'c'][i % 3]}.claim.yaml`),
    );
    assert.equal(two.label, 'Patient 2');
    assert.deepEqual(two.visits.map((v) => v.claimId), ['O-1']);
  });

  it('accrues the year per bucket and names the visits crossing the KX and review thresholds', () => {
    const [one] = summaries(files);
    assert.equal(one.years.length, 1);
    const y = one.years[0];
    assert.equal(y.label, 'PT+SLP');
    assert.equal(y.accrued, 2660);
    assert.equal(y.threshold, 2480);
    assert.equal(one.visits[y.kxFrom!].claimId, 'V-4');
    assert.equal(y.reviewFrom, undefined, '2,660 stays below the $3,000 review threshold');
    const [big] = summaries({ 'a.claim.yaml': visit({ id: 'B-1', date: '2026-02-02', ytd: 2950 }) + visit({ id: 'B-2', date: '2026-02-09', charge: 60, kx: true }) });
    assert.equal(big.visits[big.years[0].reviewFrom!].claimId, 'B-2');
  });

  it('counts treatment days since the last progress report: due at the 10th, missing past it', () => {
    const [one] = summaries(files);
    const pt = one.progress.find((p) => p.discipline === 'PT')!;
    // Day 1 is the episode's start; no report marked: the 10th is due, the 11th and 12th are missing.
    assert.deepEqual(pt.due.map((i) => one.visits[i].claimId), ['V-10']);
    assert.deepEqual(pt.missing.map((i) => one.visits[i].claimId), ['V-11', 'V-12']);
    assert.equal(pt.daysSinceReport, 12);
    const withReport = { ...files, 'b.claim.yaml': files['b.claim.yaml'].replace(/(  - id: V-8\n[\s\S]*?provider:[^\n]*\n[^\n]*\n)/, '$1    visit: { progress_report: true }\n') };
    const [marked] = summaries(withReport);
    const p = marked.progress.find((g) => g.discipline === 'PT')!;
    assert.equal(marked.visits[p.lastReport!].claimId, 'V-8');
    assert.deepEqual(p.due, []);
    assert.deepEqual(p.missing, []);
    assert.equal(p.daysSinceReport, 4);
  });

  it('renders a Patients section (claim ids and files only) with claim links in the webview', () => {
    const patients = summaries(files);
    const figures = computeFigures([]);
    const file = renderReport(figures, [], { version: 'test', patients });
    assert.match(file, /<section id="patients"/);
    assert.match(file, /Patient 1/);
    assert.match(file, /V-4 <span class="path">\(a\.claim\.yaml, 2026-01-11\)<\/span> <span class="path">above \$2,480\.00/);
    assert.ok(!file.includes('PAT-HIDDEN'), 'a patient id in the report');
    const webview = renderReport(figures, ['a.claim.yaml', 'b.claim.yaml', 'c.claim.yaml'], { version: 'test', patients, webview: { cspSource: 'x', nonce: 'n' } });
    assert.match(webview, /<button class="loc" type="button" data-loc="0:\d+:\d+:\d+:\d+"[^>]*>V-1<\/button>/);
    assert.ok(!renderReport(figures, [], { version: 'test' }).includes('id="patients"'), 'no section without patients');
  });
});
