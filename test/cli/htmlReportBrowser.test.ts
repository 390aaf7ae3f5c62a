/**
 * The HTML report as a person sees it: written by the real binary, opened from a file://
 * URL in headless Debian Chromium (playwright-core). No console error, no request beyond
 * the file itself, the charts' SVG drawn, the rule bar filters the table, the sort works,
 * and the print stylesheet hides the controls.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { BIN, EXAMPLES } from '../support/paths';

// Run inside the page (the project's tsconfig has no DOM library).
declare const getComputedStyle: (el: unknown) => { fill: string; display: string; fontSize: string };
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  styleSheets: ArrayLike<{ cssRules: ArrayLike<{ cssText: string }> }>;
};

const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('HTML report in headless Chromium', function () {
  this.timeout(60000);
  let dir: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      // The end-to-end setup (npm test) installs Debian's Chromium; without it there is no browser to test in.
      this.skip();
    }
    dir = makeTmpDir('html-browser');
    cpSync(EXAMPLES, join(dir, 'examples'), { recursive: true });
    const r = spawnSync(process.execPath, [BIN, '--format', 'html', '-o', 'report.html', 'examples'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    await page.waitForLoadState('load');
  });

  after(async () => {
    await browser?.close();
    if (dir) removeTmpDir(dir);
  });

  const visibleRows = () => page.$$eval('#claims-table tbody tr', (rows) => rows.filter((r) => !(r as unknown as { hidden: boolean }).hidden).map((r) => r.querySelector('.claim-id')?.textContent));

  it('renders with no console error and loads nothing but itself', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [pathToFileURL(join(dir, 'report.html')).href]);
  });

  it('draws the five charts as SVG with bars', async () => {
    const charts = await page.$$eval('figure[id^="chart-"]', (figs) =>
      figs.map((f) => ({ id: f.id, svg: !!f.querySelector('svg'), bars: f.querySelectorAll('svg rect').length, width: f.querySelector('svg')!.getBoundingClientRect().width })),
    );
    assert.deepEqual(charts.map((c) => c.id), ['chart-rule', 'chart-category', 'chart-npi', 'chart-discipline', 'chart-units']);
    for (const c of charts) {
      assert.ok(c.svg && c.bars > 0, `${c.id} has bars`);
      assert.ok(c.width > 200, `${c.id} is drawn at a visible size (${c.width}px)`);
    }
    // Bars take their colour from the stylesheet, not black.
    const fill = await page.$eval('#chart-rule .bar-errors rect', (r) => getComputedStyle(r).fill);
    assert.notEqual(fill, 'rgb(0, 0, 0)');
  });

  it('a click on a rule bar filters the claims table; "Show all" clears it', async () => {
    assert.equal((await visibleRows()).length, 6);
    await page.locator('#chart-rule a[href="#rule=timed-units-total"] rect').last().click(); // the top bar
    assert.deepEqual(await visibleRows(), ['CLM-2026-000301']);
    assert.equal(await page.$eval('#rule-filter', (s) => (s as unknown as { value: string }).value), 'timed-units-total');
    assert.match(await page.$eval('#shown-count', (s) => s.textContent ?? ''), /^1 of 6 claims/);
    await page.click('#clear-filter');
    assert.equal((await visibleRows()).length, 6);
    await page.selectOption('#rule-filter', 'code-not-payable');
    assert.deepEqual(await visibleRows(), ['CLM-2026-000302']);
    await page.click('#clear-filter');
  });

  it('sorts by amount at stake and by severity', async () => {
    await page.click('button[data-sort="amount"]');
    const byAmount = await page.$$eval('#claims-table tbody tr', (rows) => rows.map((r) => Number(r.getAttribute('data-amount'))));
    assert.deepEqual(byAmount, [...byAmount].sort((a, b) => b - a));
    assert.ok(byAmount[0] > 0);
    await page.click('button[data-sort="severity"]');
    const bySeverity = await page.$$eval('#claims-table tbody tr', (rows) => rows.map((r) => Number(r.getAttribute('data-severity'))));
    assert.deepEqual(bySeverity, [...bySeverity].sort((a, b) => b - a));
    assert.equal(bySeverity[0], 3);
  });

  it('lists the claims worst first: most errors, then the largest amount at stake (issue 25 item 9)', async () => {
    await page.reload();
    await page.waitForLoadState('load');
    const rows = await page.$$eval('#claims-table tbody tr', (rs) => rs.map((r) => [Number(r.getAttribute('data-errors')), Math.abs(Number(r.getAttribute('data-amount')))]));
    for (let i = 1; i < rows.length; i++) {
      const [e0, a0] = rows[i - 1];
      const [e1, a1] = rows[i];
      assert.ok(e0 > e1 || (e0 === e1 && a0 >= a1), `row ${i} (${e1} errors, $${a1}) after row ${i - 1} (${e0} errors, $${a0})`);
    }
    assert.ok(rows[0][0] > 0);
  });

  for (const [width, what] of [[922, 'a 1280-pixel VS Code window beside the Explorer'], [1562, 'a 1920-pixel window']] as const) {
    it(`at ${width} px (${what}): the Findings column is whole, no sideways scrolling, chart text at 11 px or more (issue 25 item 2)`, async () => {
      await page.setViewportSize({ width, height: 800 });
      const m = await page.evaluate(() => {
        const d = document as unknown as { documentElement: { scrollWidth: number; clientWidth: number }; querySelector(s: string): { getBoundingClientRect(): { right: number; width: number } } | null; querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { width: number }; getAttribute(n: string): string | null }> };
        const findings = d.querySelector('#claims-table th.c-findings')!.getBoundingClientRect();
        const fonts = Array.from(d.querySelectorAll('figure svg')).map((svg) => (Number(svg.getAttribute('font-size')) * svg.getBoundingClientRect().width) / Number(svg.getAttribute('width')));
        return { scroll: d.documentElement.scrollWidth, client: d.documentElement.clientWidth, right: findings.right, width: findings.width, font: Math.min(...fonts) };
      });
      assert.ok(m.scroll <= m.client, `no sideways scrolling (${m.scroll} > ${m.client})`);
      assert.ok(m.right <= m.client && m.width >= 240, `Findings column ${m.width}px wide, ends at ${m.right}px of ${m.client}`);
      assert.ok(m.font >= 11, `chart text ${m.font}px`);
      // A long path is shortened, the whole one in its tooltip.
      const title = await page.$eval('#claims-table td.c-claim .path', (p) => p.getAttribute('title') ?? '');
      assert.match(title, /examples\/.+\.claim\.yaml · claims?(\[\d+\])?$/);
    });
  }

  for (const [paper, width] of [['A4', 186], ['Letter', 215.9 - 24]] as const) {
    it(`prints on ${paper} at 100%: nothing wider than the page (so no shrinking), the table header on every page, readable text (issue 25 item 9)`, async () => {
      // The printable width at 96 px an inch, inside the stylesheet's 12 mm margins.
      const px = Math.floor((width / 25.4) * 96);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: px, height: 1000 });
      const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(m.scroll <= m.client, `${paper}: the page is ${m.scroll}px wide for ${m.client}px of paper: the browser would shrink it`);
      assert.equal(await page.$eval('#claims-table thead', (t) => getComputedStyle(t).display), 'table-header-group', 'the header repeats on each printed page');
      assert.ok(parseFloat(await page.$eval('#claims-table td.c-findings', (t) => getComputedStyle(t).fontSize)) >= 12, 'table text at 9 pt or more');
      const fonts = await page.$$eval('figure svg', (svgs) => svgs.map((svg) => (Number(svg.getAttribute('font-size')) * svg.getBoundingClientRect().width) / Number(svg.getAttribute('width'))));
      assert.ok(Math.min(...fonts) >= 11, `${paper}: chart text ${Math.min(...fonts)}px`);
      const pageRule = await page.evaluate(() => Array.from(document.styleSheets).flatMap((sh) => Array.from(sh.cssRules)).map((r) => r.cssText).find((t) => t.includes('@page')));
      assert.match(pageRule ?? '', /@page\s*\{\s*margin: 12mm;?\s*\}/, 'one @page rule: the printer\'s paper (A4 or Letter), 12 mm margins');
      const pdf = await page.pdf({ format: paper, scale: 1 });
      assert.ok(pdf.length > 1000);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  }

  it('prints without the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.$eval('.controls', (c) => getComputedStyle(c).display), 'none');
    await page.emulateMedia({ media: 'screen' });
    assert.notEqual(await page.$eval('.controls', (c) => getComputedStyle(c).display), 'none');
  });
});
