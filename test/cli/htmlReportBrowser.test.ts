/**
 * The HTML report as a person sees it: written by the real binary, opened from a file://
 * URL in headless Debian Chromium (playwright-core). No console error, no request beyond
 * the file itself, the charts' SVG drawn, the rule bar filters the table, the sort works,
 * and the print stylesheet hides the controls.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

// Run inside the page (the project's tsconfig has no DOM library).
declare const getComputedStyle: (el: unknown) => { fill: string; display: string };

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'claimlint.js');
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
    dir = mkdtempSync(join(tmpdir(), 'claimlint-html-browser-'));
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
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
    if (dir) rmSync(dir, { recursive: true, force: true });
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

  it('prints without the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.$eval('.controls', (c) => getComputedStyle(c).display), 'none');
    await page.emulateMedia({ media: 'screen' });
    assert.notEqual(await page.$eval('.controls', (c) => getComputedStyle(c).display), 'none');
  });
});
