#!/usr/bin/env node
'use strict';
/**
 * The end-to-end suite in a real VS Code (code-server + headless Chromium, see
 * harness/README.md), against the PACKAGED extension:
 *
 *   1. makes sure the runtime is installed (scripts/vscode-runtime/install.sh, idempotent);
 *   2. builds the .vsix the way `npm run package` does, into a temp dir;
 *   3. copies test/integration/workspace/ to a temp dir (the suite edits and saves files);
 *   4. runs suite/ inside code-server with the .vsix installed (one launch);
 *   5. proves that a broken build turns the run red: repacks the .vsix with a
 *      dist/server.js that throws at start, runs the "@smoke" tests against it (a second
 *      launch) and expects them to fail. That check counts as one more test; its
 *      (expected) failure output is held back and summed up in one labelled line.
 *
 * Prints the suite's own output, then exactly one line
 *   claimlint-e2e: N passed, M failed
 * (scripts/test.js adds it to the totals) and exits non-zero when anything failed.
 * When the harness cannot run the suite at all: "claimlint-e2e: 0 passed, 1 failed".
 * Temp files live under one dir in the system temp dir, removed at the end.
 *
 *   node test/integration/run.js [--grep=REGEXP]
 *     --grep   only the tests whose title matches, and no broken-build check (for debugging)
 *     CLAIMLINT_HARNESS_VERBOSE=1 also prints code-server's and the browser's output
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureRuntime, packageVsix, breakVsix } = require('./vsix');
const { expectFailure } = require('./harness/expected-failure');

const SUITE = path.join(__dirname, 'suite', 'index.js');
const WORKSPACE = path.join(__dirname, 'workspace');
const INNER = /claimlint-e2e-inner: (\d+) passed, (\d+) failed/;
const GREP = process.argv.slice(2).find((a) => a.startsWith('--grep='))?.slice('--grep='.length);

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const note = (msg) => process.stderr.write(`[e2e] ${msg}\n`);

// Everything this run writes (vsix files, workspace copies, the harness's profiles).
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-e2e-'));
process.env.CLAIMLINT_HARNESS_TMP = TMP;
const cleanUp = () => fs.rmSync(TMP, { recursive: true, force: true, maxRetries: 3 });
process.on('exit', cleanUp); // also after the harness's SIGINT/SIGTERM teardown

function copyWorkspace(name) {
  const dir = path.join(TMP, name, 'workspace');
  fs.cpSync(WORKSPACE, dir, { recursive: true });
  return dir;
}

/**
 * Clicks the suite asks for inside webviews (a webview's page is not reachable from the
 * extension host): the suite prints "claimlint-e2e-click: SELECTOR", this clicks the first
 * element matching it in any frame of the workbench page, like a user. Ends when the suite
 * prints its counts, or after `maxMs`.
 */
function createClickDriver(maxMs) {
  const queue = [];
  let finished = false;
  let wake = () => {};
  const CLICK = /claimlint-e2e-click: (.+)$/;
  const SHOT = /claimlint-e2e-shot: ([\w-]+) (\d+)x(\d+) (\S+)$/;
  return {
    onLine(line) {
      const m = CLICK.exec(line);
      if (m) queue.push(m[1].trim());
      const shot = SHOT.exec(line);
      if (shot) queue.push({ name: shot[1], width: Number(shot[2]), height: Number(shot[3]), dir: shot[4] });
      if (INNER.test(line)) finished = true;
      if (m || shot || finished) wake();
    },
    async drive(page) {
      const until = Date.now() + maxMs;
      page.on('close', () => {
        finished = true;
        wake();
      });
      while (!finished && Date.now() < until) {
        if (!queue.length) {
          await new Promise((resolve) => {
            wake = resolve;
            setTimeout(resolve, 1000);
          });
          continue;
        }
        const next = queue.shift();
        if (typeof next === 'object') {
          await shootSummary(page, next).catch((err) => {
            note(`shot driver: ${next.name}: ${err.message}`);
            fs.writeFileSync(path.join(next.dir, `${next.name}.json`), JSON.stringify({ error: err.message }));
          });
          continue;
        }
        const clicked = await clickInFrames(page, next, Math.max(0, Math.min(30000, until - Date.now())));
        if (!clicked) note(`click driver: nothing matched ${next}`);
      }
    },
  };
}

/**
 * "claimlint-e2e-shot: NAME WxH DIR" (the Audit Summary suite): sets the browser window to
 * W×H, waits for the Audit Summary's page (its claims table) to settle, measures it inside
 * the webview's frame (the table's and the Findings column's right edges against the
 * frame's width, the smallest chart text as drawn) and writes DIR/NAME.png and
 * DIR/NAME.json for the suite to check.
 */
async function shootSummary(page, { name, width, height, dir }) {
  await page.setViewportSize({ width, height });
  const deadline = Date.now() + 30000;
  let frame;
  while (!frame && Date.now() < deadline) {
    for (const f of page.frames()) {
      try {
        if (await f.$('#claims-table')) frame = f;
      } catch {
        // navigated away while we looked
      }
    }
    if (!frame) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!frame) throw new Error('no Audit Summary page in any frame');
  await frame.waitForFunction(() => document.body.getAttribute('aria-busy') !== 'true', null, { timeout: 30000 }).catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 800)); // layout after the resize, fade-ins
  const measured = await frame.evaluate(() => {
    const frameWidth = document.documentElement.clientWidth;
    const table = document.getElementById('claims-table').getBoundingClientRect();
    const head = [...document.querySelectorAll('#claims-table thead th')].filter((th) => th.offsetParent !== null);
    const findings = document.querySelector('#claims-table th.c-findings') || head[head.length - 1];
    const chartText = [...document.querySelectorAll('figure svg text')].map((t) => t.getBoundingClientRect().height).filter((h) => h > 0);
    const fontPx = [...document.querySelectorAll('figure svg')].map((svg) => {
      const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
      return Number(svg.getAttribute('font-size')) * scale;
    });
    const scope = document.querySelector('.scope');
    return {
      frameWidth,
      scrollWidth: document.documentElement.scrollWidth,
      tableRight: table.right,
      findingsRight: findings ? findings.getBoundingClientRect().right : -1,
      findingsWidth: findings ? findings.getBoundingClientRect().width : -1,
      columns: head.map((th) => th.textContent.trim()),
      minChartFontPx: fontPx.length ? Math.min(...fontPx) : -1,
      chartTextBoxes: chartText.length,
      scope: scope ? scope.textContent : null,
    };
  });
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
  // The same view scrolled to its charts and to its claims table.
  for (const part of ['charts', 'claims']) {
    await frame.evaluate((id) => document.getElementById(id).scrollIntoView(), part);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.screenshot({ path: path.join(dir, `${name}-${part}.png`) });
  }
  await frame.evaluate(() => window.scrollTo(0, 0));
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ width, height, ...measured }, null, 2));
  note(`shot driver: ${name} ${width}x${height} → ${path.join(dir, `${name}.png`)}`);
}

async function clickInFrames(page, selector, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        const el = await frame.$(selector);
        if (el) {
          await el.click({ timeout: 5000 });
          return true;
        }
      } catch {
        // a frame navigated away while we looked: try the others
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/**
 * One code-server launch: the suite against `vsix`. Resolves to {code, passed, failed}
 * (passed/failed undefined when the suite never reported its counts).
 */
async function runSuite(vsix, workspaceFolder, { env = {}, timeoutMs, echo = true } = {}) {
  const { runTests } = require('./harness/run-in-code-server');
  let counts;
  const clicks = createClickDriver(timeoutMs || 300000);
  const code = await runTests({
    extensionsToInstall: [vsix],
    extensionTestsPath: SUITE,
    workspaceFolder,
    extensionTestsEnv: env,
    timeoutMs,
    screenshot: (page) => clicks.drive(page),
    log: (line) => {
      clicks.onLine(line);
      const m = INNER.exec(line);
      if (m) counts = { passed: Number(m[1]), failed: Number(m[2]) };
      if (echo) process.stdout.write(`${line}\n`);
      else process.stderr.write(`${line.replace(/^/gm, '  | ')}\n`);
    },
  });
  return { code, ...counts };
}

/**
 * Resolves true when the suite, run against a broken package, fails as it should. That
 * run's output (failing tests, the client's rejected promises) is the expected outcome:
 * it is held back and shown only when the check itself fails (see harness/expected-failure.js).
 */
async function brokenBuildCheck(vsix) {
  const t = Date.now();
  note('broken-build check: dist/server.js replaced by a bundle that throws; running the @smoke tests, which must fail');
  const { ok } = await expectFailure(
    'deliberately broken package',
    async () => {
      const brokenVsix = await breakVsix(vsix, path.join(TMP, 'claimlint-broken.vsix'));
      return runSuite(brokenVsix, copyWorkspace('broken'), {
        env: { CLAIMLINT_E2E_GREP: '@smoke', CLAIMLINT_E2E_WAIT_MS: '10000' },
        timeoutMs: 150000,
      });
    },
    {
      // Red as expected = the suite ran and its tests failed: exit 1, or the overall
      // timeout (124) after the suite had already reported its failures (a busy machine).
      // Not a harness error (2), nor a timeout before any result.
      isExpected: (r) => (r.code === 1 || r.code === 124) && (r.failed ?? 0) > 0,
      describe: (r) =>
        `the @smoke tests failed, as they should (exit ${r.code}, ${r.passed ?? '?'} passed, ${r.failed ?? '?'} failed inside)`,
    },
  );
  process.stdout.write(`  ${ok ? '✔' : '✗'} a broken build fails the suite (${seconds(t)})\n`);
  return ok;
}

async function main() {
  ensureRuntime(note);

  let t = Date.now();
  const vsix = packageVsix(path.join(TMP, 'claimlint.vsix'), note);
  note(`packaged ${path.basename(vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KiB) in ${seconds(t)}`);

  // 1. The suite against the real package.
  t = Date.now();
  const real = await runSuite(vsix, copyWorkspace('suite'), { timeoutMs: 300000, env: GREP ? { CLAIMLINT_E2E_GREP: GREP } : {} });
  note(`suite: exit ${real.code}, ${real.passed ?? '?'} passed, ${real.failed ?? '?'} failed in ${seconds(t)}`);
  if (real.passed === undefined) {
    note('the harness could not run the suite (no counts reported); see the output above');
    return { passed: 0, failed: 1 };
  }
  let { passed, failed } = real;
  if (real.code !== 0 && failed === 0) failed = 1; // e.g. a timeout after the counts

  // 2. A broken build must fail the @smoke tests.
  if (GREP) return { passed, failed };
  const red = await brokenBuildCheck(vsix);
  if (red) passed++;
  else failed++;
  return { passed, failed };
}

main()
  .catch((err) => {
    note(`ERROR: ${err.stack || err.message}`);
    return { passed: 0, failed: 1 };
  })
  .then(({ passed, failed }) => {
    note(`total ${seconds(started)}`);
    process.stdout.write(`claimlint-e2e: ${passed} passed, ${failed} failed\n`);
    cleanUp();
    process.exit(failed ? 1 : 0);
  });
