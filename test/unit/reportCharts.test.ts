/**
 * The report's SVG bar charts (src/report/html/charts.ts), written as strings: nice integer
 * ticks, bar lengths proportional to the counts on one scale, links and titles, escaping,
 * and a page with no control characters.
 */
import assert from 'node:assert/strict';
import { countBars, niceTicks, unitBars } from '../../src/report/html/charts';
import { buildHtmlReport } from '../../src/report/html';
import { computeFigures, type Count } from '../../src/report/figures/figures';
import { resolveConfig } from '../../src/core/config/schema';
import { analyze } from '../../src/core/pipeline/analyze';
import { collectClaims, reportFindings } from '../../src/report';

/** Each <rect> of a class group: width and title. */
function rects(svg: string, className: string): { width: number; title: string; href?: string }[] {
  const group = new RegExp(`<g class="${className}">(.*?)</g>`).exec(svg);
  assert.ok(group, `group ${className}`);
  return [...group[1].matchAll(/(?:<a href="([^"]*)">)?<rect [^>]*width="([\d.]+)"[^>]*><title>([^<]*)<\/title><\/rect>/g)].map((m) => ({ href: m[1], width: Number(m[2]), title: m[3] }));
}

describe('report charts: SVG bars', () => {
  it('ticks: 0 first, whole steps of 1, 2 or 5 × 10^k, at most 7, the last covering the maximum', () => {
    assert.deepEqual(niceTicks(0), [0, 1]);
    assert.deepEqual(niceTicks(1), [0, 1]);
    assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 8]);
    assert.deepEqual(niceTicks(120), [0, 20, 40, 60, 80, 100, 120]);
    for (let max = 0; max <= 5000; max += max < 100 ? 1 : 37) {
      const t = niceTicks(max);
      const step = t[1] - t[0];
      assert.equal(t[0], 0);
      assert.ok(t.length <= 7 && t.length >= 2, `${max}: ${t}`);
      assert.ok(t[t.length - 1] >= max && t[t.length - 2] < Math.max(1, max), `${max}: ${t}`);
      assert.match(String(step), /^[125]0*$/, `${max}: step ${step}`);
      t.forEach((x, i) => assert.equal(x, i * step));
    }
  });

  it('count bars: one scale for all and errors, links, titles, keys escaped', () => {
    const counts: Count[] = [
      { key: 'timed-units-total', findings: 8, errors: 6 },
      { key: '<b>&"x"', findings: 2, errors: 0 },
    ];
    const svg = countBars(counts, 'findings by rule', (k) => `#rule=${encodeURIComponent(k)}`);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640" height="\d+" viewBox="0 0 640 \d+"/);
    const all = rects(svg, 'bar-all');
    const errors = rects(svg, 'bar-errors');
    assert.equal(all.length, 2);
    assert.equal(errors.length, 2);
    // Lengths on one scale: 8 : 6 : 2 : 0.
    assert.ok(Math.abs(errors[0].width / all[0].width - 6 / 8) < 0.01);
    assert.ok(Math.abs(all[1].width / all[0].width - 2 / 8) < 0.01);
    assert.equal(errors[1].width, 0);
    assert.equal(all[0].href, '#rule=timed-units-total');
    assert.equal(all[0].title, 'timed-units-total: 8 (6 errors)');
    assert.ok(!svg.includes('<b>'), 'keys are escaped');
    assert.ok(svg.includes('&lt;b&gt;&amp;&quot;x&quot;'));
    assert.equal((svg.match(/<a /g) ?? []).length, 4);
    assert.equal((countBars(counts, 'by category').match(/<a /g) ?? []).length, 0, 'no links without hrefOf');
  });

  it('unit bars: billed beside supported per code, summed over the claims', () => {
    const text = `claims:
  - id: U1
    date_of_service: 2026-03-14
    payer: { type: medicare }
    plan_of_care: { discipline: PT }
    lines:
      - { code: "97110", modifiers: [GP], units: 3, minutes: 24 }
  - id: U2
    date_of_service: 2026-03-15
    payer: { type: medicare }
    plan_of_care: { discipline: PT }
    lines:
      - { code: "97110", modifiers: [GP], units: 1, minutes: 23 }
      - { code: "97530", modifiers: [GP], units: 1, minutes: 15 }
`;
    const analysis = analyze(text, { config: resolveConfig() });
    const figures = computeFigures([{ path: 'u', claims: collectClaims(analysis), findings: reportFindings(analysis.findings) }]);
    const svg = unitBars(figures);
    const billed = rects(svg, 'bar-billed').map((r) => r.title);
    const supported = rects(svg, 'bar-supported').map((r) => r.title);
    // U1: 24 min → 2 units (3 billed). U2: 38 min → 3 units: 23 → 2 of 97110 and 15 → 1 of 97530.
    assert.deepEqual(billed, ['97110: 4 billed', '97530: 1 billed']);
    assert.deepEqual(supported, ['97110: 4 supported', '97530: 1 supported']);
  });

  it('the page has no NUL or other control character, and the claim sort key keeps file then claim order', () => {
    const text = `claim:\n  id: C1\n  date_of_service: 2026-03-14\n  payer: { type: medicare }\n  lines:\n    - { code: "97110", modifiers: [GP], units: 1, minutes: 10 }\n`;
    const analysis = analyze(text, { config: resolveConfig() });
    const html = buildHtmlReport([{ path: 'a/b.claim.yaml', claims: collectClaims(analysis), findings: reportFindings(analysis.findings) }], { version: '0.0.0' });
    assert.doesNotMatch(html, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    assert.match(html, /data-claim="a\/b\.claim\.yaml\tC1"/);
    assert.equal((html.match(/<svg /g) ?? []).length, 5);
  });
});
