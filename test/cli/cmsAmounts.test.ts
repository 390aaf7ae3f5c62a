/**
 * Issue 22, done means, through the real CLI binary (what a user sees):
 * - every code the issue names is priced, in the HTML report's per-line phrase, at CMS's own
 *   amount for each period of 2022–2026 (both ends), read here from CMS's files in ../shared
 *   independently of claimlint (so a 2023 claim is priced from 2023's file);
 * - 97550 beside 97110 is paid in full (CMS MULT PROC 0), 97110 takes the MPPR;
 * - a therapist's Medicare claim with 20560 gets the dry-needling finding with its source;
 * - a 2021 claim gets reference-data-outdated and no $0 amount.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RVU_PERIODS } from '../../tools/cmsdata/derive';
import { roundCents } from '../../src/core/data/cents';
import { runCli } from '../support/cli';
import { sharedDir } from '../support/sharedFiles';
import { ISSUE_CODES, readPprrvu } from '../support/cmsPprrvu';
import { claimYamlItem, type LineSpec } from '../support/claims';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const FILE = 'cms.claim.yaml';

function claim(id: string, date: string, lines: LineSpec[], discipline: 'PT' | 'SLP' = 'PT'): string {
  return claimYamlItem({ id, date, discipline, lines });
}

const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The per-line phrases of one claim's row in the HTML report, by line number (from 1). */
function linePhrases(html: string, id: string): Map<number, { code: string; units: number; phrase: string }> {
  const row = new RegExp(`<tr class="claim-row"[^>]*data-claim="${FILE}\\t${id}"[^]*?</tr>`).exec(html);
  assert.ok(row, `${id}: a row in the report`);
  const out = new Map<number, { code: string; units: number; phrase: string }>();
  for (const m of row[0].matchAll(/<li><span class="line-no">Line (\d+)<\/span> · (\w+) × (\d+): ([^<]*)<\/li>/g)) out.set(Number(m[1]), { code: m[2], units: Number(m[3]), phrase: unescape(m[4]) });
  return out;
}

describe('CLI: CMS\'s own amounts, every year, as the report shows them (issue 22)', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = makeTmpDir('cms-amounts');
  });
  after(() => removeTmpDir(dir));

  it('each issue code, each period of 2022–2026 at both ends: the line phrase names CMS\'s amount and year', function () {
    const shared = sharedDir();
    if (!shared) this.skip();
    const claims: string[] = [];
    const expected: { id: string; code: string; day: string; amount?: number }[] = [];
    for (const period of RVU_PERIODS) {
      const rows = readPprrvu(join(shared!, period.file), ISSUE_CODES);
      for (const day of [period.from, period.to]) {
        for (const code of ISSUE_CODES) {
          const id = `A-${day}-${code}`;
          const cms = rows.get(code);
          const amount = cms && roundCents((cms.work + cms.pe + cms.mp) * (period.cf?.nonQp ?? cms.cf));
          claims.push(claim(id, day, [{ code, units: 1, minutes: 15 }], code.startsWith('92') ? 'SLP' : 'PT'));
          expected.push({ id, code, day, amount });
        }
      }
    }
    writeFileSync(join(dir, FILE), `claims:\n${claims.join('\n')}\n`);
    const out = join(dir, 'report.html');
    const r = runCli(['--format', 'html', '-o', out, FILE], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const html = readFileSync(out, 'utf8');
    assert.equal(expected.length, RVU_PERIODS.length * 2 * ISSUE_CODES.length);
    let priced = 0;
    for (const e of expected) {
      const line = linePhrases(html, e.id).get(1);
      assert.ok(line, `${e.id}: line 1 is priced in the report`);
      assert.equal(line.code, e.code);
      if (e.amount === undefined) {
        // 97550 is new in 2024: CMS's 2022 and 2023 files do not list it.
        assert.match(line.phrase, new RegExp(`^no amount for ${e.day.slice(0, 4)}`), `${e.id}: ${line.phrase}`);
        continue;
      }
      const dollars = `$${e.amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
      assert.ok(line.phrase.startsWith(`${dollars} national ${e.day.slice(0, 4)}`), `${e.id}: CMS's file says ${dollars}, the report says "${line.phrase}"`);
      priced++;
    }
    assert.equal(priced, expected.length - 2 * 3, 'all but 97550 in the three periods of 2022–2023 (two ends each)');
  });

  it('97550 (MULT PROC 0) beside 97110 is paid in full and says so; 97110 takes the MPPR', function () {
    const shared = sharedDir();
    if (!shared) this.skip();
    const rvu26 = RVU_PERIODS.find((p) => p.from === '2026-01-01')!;
    const cms = readPprrvu(join(shared!, rvu26.file), ['97550', '97110']);
    const full = (code: string) => roundCents((cms.get(code)!.work + cms.get(code)!.pe + cms.get(code)!.mp) * cms.get(code)!.cf);
    writeFileSync(join(dir, FILE), `claims:\n${claim('CT-1', '2026-03-02', [{ code: '97110', units: 2, minutes: 30 }, { code: '97550', units: 1, minutes: 30 }])}\n`);
    const out = join(dir, 'report.html');
    const r = runCli(['--format', 'html', '-o', out, FILE], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const lines = linePhrases(readFileSync(out, 'utf8'), 'CT-1');
    assert.equal(cms.get('97550')!.multProc, '0', 'CMS\'s 2026 file: 97550 MULT PROC 0');
    assert.equal(lines.get(2)!.phrase, `$${full('97550').toFixed(2)} national 2026, no MPPR (CMS MULT PROC 0)`);
    assert.match(lines.get(1)!.phrase, /^\$[\d.]+ national 2026, MPPR: 1st unit in full, 1 more at 50% practice expense$/);
    assert.ok(Number(lines.get(1)!.phrase.slice(1).split(' ')[0]) < 2 * full('97110'), '97110\'s second unit is reduced');
  });

  it('a therapist\'s Medicare claim with 20560 gets the coverage finding with its source; a 2021 claim is outdated, never $0', () => {
    const text = `claims:\n${claim('DN-1', '2026-03-02', [{ code: '20560', units: 1, minutes: 15 }])}\n${claim('OLD-1', '2021-06-14', [{ code: '97110', units: 1, minutes: 15 }])}\n`;
    writeFileSync(join(dir, FILE), text);
    const json = runCli(['--format', 'json', FILE], dir);
    assert.equal(json.code, 1, json.stderr);
    const findings = (JSON.parse(json.stdout) as { files: { findings: { rule: string; message: string; path: string }[] }[] }).files[0].findings;
    const dn = findings.filter((f) => f.rule === 'dry-needling-not-covered');
    assert.equal(dn.length, 1);
    assert.equal(dn[0].path, 'claims[0].lines[0].code');
    assert.match(dn[0].message, /^Service line 1 \(20560\): Medicare covers dry needling only as acupuncture .* \(source: NCD 30\.3\.3 and CMS MLN MM11691\)\.$/);
    const old = findings.filter((f) => f.rule === 'reference-data-outdated');
    assert.equal(old.length, 1);
    assert.match(old[0].path, /^claims\[1\]/);
    assert.match(old[0].message, /covered from 2022-01-01/);
    const sarif = JSON.parse(runCli(['--format', 'sarif', FILE], dir).stdout) as { runs: { tool: { driver: { rules: { id: string; properties: { source: string } }[] } } }[] };
    const rule = sarif.runs[0].tool.driver.rules.find((x) => x.id === 'dry-needling-not-covered');
    assert.match(rule?.properties.source ?? '', /^CMS NCD 30\.3\.3, Acupuncture for Chronic Low Back Pain \[S75\]/);
    const out = join(dir, 'report.html');
    runCli(['--format', 'html', '-o', out, FILE], dir);
    const phrase = linePhrases(readFileSync(out, 'utf8'), 'OLD-1').get(1)!.phrase;
    assert.match(phrase, /^no amount for 2021: /, phrase);
  });

  it('an NCCI pair resting on secondary sources says so in the finding (no CMS PTP rows for 97xxx pairs were found)', () => {
    const text = `claims:\n${claim('NC-1', '2026-03-02', [{ code: '97140', units: 1, minutes: 15 }, { code: '97530', units: 1, minutes: 15 }])}\n${claim('NC-2', '2026-03-02', [{ code: '97760', units: 1, minutes: 15 }, { code: '97763', units: 1, minutes: 15 }])}\n`;
    writeFileSync(join(dir, FILE), text);
    const r = runCli(['--format', 'json', FILE], dir);
    const ncci = (JSON.parse(r.stdout) as { files: { findings: { rule: string; message: string; path: string }[] }[] }).files[0].findings.filter((f) => f.rule === 'ncci-modifier-missing');
    assert.deepEqual(ncci.map((f) => f.path.slice(0, 9)), ['claims[0]', 'claims[1]']);
    for (const f of ncci) assert.match(f.message, /\(source: secondary, not confirmed in CMS's file\)/, f.message);
  });
});
