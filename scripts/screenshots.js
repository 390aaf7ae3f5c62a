#!/usr/bin/env node
'use strict';
/**
 * Captures the README pictures from the REAL workbench: VS Code (code-server) in headless
 * Chromium, with the packaged extension (.vsix) installed and a temp copy of examples/
 * open — the same harness as the end-to-end suite (test/integration/harness).
 *
 *   media/problems.png  the Problems panel over examples/mistakes.claim.yaml, squiggles visible
 *   media/hover.png     the hover on 97530 in examples/stroke-transfers.claim.yaml
 *   media/quickfix.png  the quick-fix menu (Ctrl+.) on the 97110 line that lacks GP
 *
 * Two halves: test/integration/screenshots/driver.js runs in the extension host and sets
 * each picture up with VS Code commands; the callback below drives the page (mouse hover,
 * Ctrl+.), waits for the widget in the DOM and captures. They hand over through console
 * lines ("claimlint-shot: NAME") and files ("NAME.done"). The pictures replace media/*.png
 * only when all three were taken.
 *
 *   npm run screenshots          (CLAIMLINT_HARNESS_VERBOSE=1 for the server's output)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const MEDIA = path.join(ROOT, 'media');
const DRIVER = path.join(ROOT, 'test', 'integration', 'screenshots', 'driver.js');
const SHOTS = ['problems', 'hover', 'quickfix'];
const WIDGET_TIMEOUT_MS = 20000;
const SETTLE_MS = 500; // let fade-in animations finish before capturing

const note = (msg) => process.stderr.write(`[screenshots] ${msg}\n`);

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-shots-'));
process.env.CLAIMLINT_HARNESS_TMP = TMP;
const cleanUp = () => fs.rmSync(TMP, { recursive: true, force: true, maxRetries: 3 });
process.on('exit', cleanUp);

const { ensureRuntime, packageVsix } = require(path.join(ROOT, 'test', 'integration', 'vsix'));
const { runTests } = require(path.join(ROOT, 'test', 'integration', 'harness', 'run-in-code-server'));

/** Resolves when the driver announces a step on the console. */
function createAnnouncements() {
  const waiting = new Map();
  const seen = new Set();
  return {
    onLine(line) {
      const m = /claimlint-shot: (\w+)/.exec(line);
      if (!m) return false;
      seen.add(m[1]);
      waiting.get(m[1])?.();
      return true;
    },
    when(name, timeoutMs = 120000) {
      if (seen.has(name)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the driver never set up "${name}"`)), timeoutMs);
        waiting.set(name, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** The on-screen box of the first-shown (topmost) editor token containing `text`. */
async function tokenBox(page, text) {
  const spans = page.locator('.monaco-editor .view-lines .view-line span span', { hasText: text });
  const boxes = [];
  for (let i = 0; i < (await spans.count()); i++) {
    const box = await spans.nth(i).boundingBox();
    if (box && box.width > 0) boxes.push(box);
  }
  boxes.sort((a, b) => a.y - b.y);
  return boxes[0];
}

/**
 * The page without its title bar: with a test payload the window title reads
 * "[Extension Development Host] …", which a user never sees.
 */
async function belowTitleBar(page) {
  const size = page.viewportSize();
  const bar = await page.locator('.part.titlebar').boundingBox().catch(() => null);
  const top = bar ? Math.round(bar.y + bar.height) : 0;
  return { x: 0, y: top, width: size.width, height: size.height - top };
}

const visible = (page, selector, hasText) =>
  page.locator(selector, hasText ? { hasText } : undefined).first().waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });

/** The widget each picture is about, to check it is still on screen after capturing. */
const WIDGET = {
  problems: ['.markers-panel .monaco-list-row', 'timed minutes support'],
  hover: ['.monaco-hover', 'Therapeutic activities'],
  quickfix: ['.action-widget', 'Add GP'],
};

const stillShown = (page, name) =>
  page
    .locator(WIDGET[name][0], { hasText: WIDGET[name][1] })
    .first()
    .isVisible()
    .catch(() => false);

/** Per picture: bring up the widget in the page, wait for it. */
const capture = {
  async problems(page) {
    await visible(page, '.markers-panel .monaco-list-row', 'timed minutes support');
    await visible(page, '.monaco-editor .squiggly-error');
  },
  async hover(page) {
    const box = await tokenBox(page, '97530');
    if (!box) throw new Error('no 97530 token on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await visible(page, '.monaco-hover', 'Therapeutic activities');
  },
  async quickfix(page) {
    // Park the mouse on the empty part of the activity bar: left over the editor it would
    // highlight a menu entry.
    await page.mouse.move(24, page.viewportSize().height - 220);
    await page.keyboard.press('Control+Period');
    await visible(page, '.action-widget', 'Add GP');
  },
};

async function main() {
  const t0 = Date.now();
  ensureRuntime(note);
  const vsix = packageVsix(path.join(TMP, 'claimlint.vsix'), note);
  const workspace = path.join(TMP, 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  const signals = path.join(TMP, 'signals');
  const out = path.join(TMP, 'shots');
  fs.mkdirSync(signals);
  fs.mkdirSync(out);

  const announcements = createAnnouncements();
  let failure;
  const code = await runTests({
    extensionsToInstall: [vsix],
    extensionTestsPath: DRIVER,
    workspaceFolder: workspace,
    extensionTestsEnv: { CLAIMLINT_SHOT_DIR: signals },
    timeoutMs: 300000,
    userSettings: {
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.minimap.enabled': false,
      'editor.fontSize': 14,
      'files.autoSave': 'off',
      'workbench.editor.enablePreview': false,
      'chat.commandCenter.enabled': false,
      'editor.stickyScroll.enabled': false,
      'editor.occurrencesHighlight': 'off',
      'editor.selectionHighlight': false,
      'editor.hover.above': false,
      'editor.foldingHighlight': false,
    },
    log: (line) => {
      if (!announcements.onLine(line)) note(`| ${line}`);
    },
    screenshot: async (page) => {
      try {
        for (const name of SHOTS) {
          await announcements.when(name);
          // A hover or menu can close while the page settles: capture until it is still
          // there after the picture was taken.
          for (let attempt = 1; ; attempt++) {
            await capture[name](page);
            await page.waitForTimeout(SETTLE_MS);
            await page.screenshot({ path: path.join(out, `${name}.png`), clip: await belowTitleBar(page) });
            if (await stillShown(page, name)) break;
            if (attempt === 3) throw new Error(`the ${name} widget closed before it could be captured`);
            note(`${name}: the widget closed while capturing; retrying`);
            if (name === 'hover') await page.mouse.move(5, 5);
            if (name === 'quickfix') await page.keyboard.press('Escape');
          }
          note(`captured ${name}.png`);
          fs.writeFileSync(path.join(signals, `${name}.done`), '');
        }
      } catch (err) {
        failure = err;
        await page.screenshot({ path: path.join(out, 'failed.png') }).catch(() => {});
        fs.writeFileSync(path.join(signals, 'abort'), String(err));
      }
    },
  });
  if (failure || code !== 0) {
    const debug = path.join(ROOT, '.tmp', 'screenshots-failed.png');
    if (fs.existsSync(path.join(out, 'failed.png'))) {
      fs.mkdirSync(path.dirname(debug), { recursive: true });
      fs.copyFileSync(path.join(out, 'failed.png'), debug);
      note(`what the page showed: ${path.relative(ROOT, debug)}`);
    }
    throw failure || new Error(`the workbench run ended with exit ${code}`);
  }
  for (const name of SHOTS) fs.copyFileSync(path.join(out, `${name}.png`), path.join(MEDIA, `${name}.png`));
  note(`wrote ${SHOTS.map((n) => `media/${n}.png`).join(', ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().then(
  () => process.exit(0),
  (err) => {
    note(`FAILED: ${err.stack || err.message}`);
    process.exit(1);
  },
);
