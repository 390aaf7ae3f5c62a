'use strict';
// Opening the VS Code web workbench in headless Chromium (Debian's, driven by
// playwright-core; never `playwright install`) and waiting for the test
// runner in the extension host to finish.
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox', // we run as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium with every file it or Playwright makes (profile,
 * artifacts, .org.chromium.* dirs, crash-report settings) under `tmpDir`. Playwright takes os.tmpdir()
 * at launch time, so TMPDIR is swapped only around the launch call.
 */
async function launchBrowser(executablePath, tmpDir) {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmpDir;
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      // Chromium also writes ~/.config/chromium/Crash Reports and ~/.cache/dconf:
      // keep those in the throwaway dir too.
      env: {
        ...process.env,
        TMPDIR: tmpDir,
        HOME: tmpDir,
        XDG_CONFIG_HOME: path.join(tmpDir, '.config'),
        XDG_CACHE_HOME: path.join(tmpDir, '.cache'),
        XDG_DATA_HOME: path.join(tmpDir, '.local', 'share'),
      },
      timeout: 60000,
      // The harness's own signal handlers close the browser as part of its
      // ordered teardown; Playwright's would close it first, mid-run.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/**
 * Opens `url`, relays the workbench's automation log and resolves with the
 * exit code that VS Code passes to window.codeAutomationExit once the
 * extension tests' run() settles (0 on resolve, 1 on reject).
 *
 * @param {object} o
 * @param {import('playwright-core').Browser} o.browser
 * @param {string} o.url
 * @param {(level: string, args: unknown[]) => void} o.onLog  console-style arguments
 * @param {(page: import('playwright-core').Page) => Promise<void>} [o.screenshot]
 * @param {(msg: string) => void} o.debug
 * @returns {Promise<{page: import('playwright-core').Page, exitCode: Promise<number>, screenshotDone: Promise<void>}>}
 */
async function openWorkbench({ browser, url, onLog, screenshot, debug }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let resolveExit, rejectExit;
  const exitCode = new Promise((res, rej) => ((resolveExit = res), (rejectExit = rej)));
  exitCode.catch(() => {}); // a close during page.goto must not be an unhandled rejection

  // Both hooks must exist before the workbench boots: it checks for them once.
  await page.exposeFunction('codeAutomationLog', (level, args) => onLog(level, args));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number.isInteger(code) ? code : 1));

  page.on('pageerror', (err) => debug(`page error: ${err.message}`));
  page.on('console', (msg) => debug(`console.${msg.type()}: ${msg.text()}`));
  page.on('requestfailed', (req) => debug(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('crash', () => rejectExit(new Error('the workbench page crashed')));
  page.on('close', () => rejectExit(new Error('the workbench page closed before the tests finished')));

  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  const screenshotDone = screenshot ? Promise.resolve().then(() => screenshot(page)) : Promise.resolve();
  return { page, exitCode, screenshotDone };
}

module.exports = { launchBrowser, openWorkbench, CHROMIUM_FLAGS };
