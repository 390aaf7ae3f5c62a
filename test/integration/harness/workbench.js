'use strict';
// Opening the VS Code web workbench in headless Chromium (Debian's, driven by
// playwright-core; never `playwright install`) and waiting for the test
// runner in the extension host to finish.
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
 * Launches Chromium with every temp file it or Playwright makes (profile,
 * artifacts, .org.chromium.* dirs) under `tmpDir`. Playwright takes os.tmpdir()
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
      env: { ...process.env, TMPDIR: tmpDir },
      timeout: 60000,
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
 * @param {(level: string, message: string) => void} o.onLog
 * @param {(page: import('playwright-core').Page) => Promise<void>} [o.screenshot]
 * @param {(msg: string) => void} o.debug
 * @returns {{exitCode: Promise<number>, screenshotDone: Promise<void>}}
 */
async function openWorkbench({ browser, url, onLog, screenshot, debug }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let resolveExit, rejectExit;
  const exitCode = new Promise((res, rej) => ((resolveExit = res), (rejectExit = rej)));

  // Both hooks must exist before the workbench boots: it checks for them once.
  await page.exposeFunction('codeAutomationLog', (level, args) => onLog(level, formatArgs(args)));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));

  page.on('pageerror', (err) => debug(`page error: ${err.message}`));
  page.on('console', (msg) => debug(`console.${msg.type()}: ${msg.text()}`));
  page.on('crash', () => rejectExit(new Error('the workbench page crashed')));
  page.on('close', () => rejectExit(new Error('the workbench page closed before the tests finished')));

  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  debug(`workbench loaded: ${url}`);
  const screenshotDone = screenshot ? Promise.resolve().then(() => screenshot(page)) : Promise.resolve();
  return { page, exitCode, screenshotDone };
}

function formatArgs(args) {
  if (typeof args === 'string') return args;
  if (Array.isArray(args)) return args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return JSON.stringify(args);
}

module.exports = { launchBrowser, openWorkbench, CHROMIUM_FLAGS };
