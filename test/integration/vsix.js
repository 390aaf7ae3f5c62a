'use strict';
// Building the packages the end-to-end suite (run.js) and the screenshot script
// (scripts/screenshots.js) install into the real VS Code.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const VSCE_DIR = path.join(ROOT, 'node_modules', '@vscode', 'vsce');

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs a command in the repo with its output on stderr (stdout carries results). */
function run(file, args, what, note) {
  const t = Date.now();
  const r = spawnSync(file, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal ?? r.error?.message})`);
  note(`${what}: ${seconds(t)}`);
}

/** The real-VS-Code runtime (idempotent; 0.1 s when installed). */
function ensureRuntime(note = () => {}) {
  run('bash', [path.join(ROOT, 'scripts', 'vscode-runtime', 'install.sh')], 'runtime (scripts/vscode-runtime/install.sh)', note);
}

/**
 * Builds the .vsix with the steps of package.json's "package" script (so the two cannot
 * drift), writing it to `outFile` instead of the repository root.
 */
function packageVsix(outFile, note = () => {}) {
  const script = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.package;
  for (const step of script.split('&&').map((s) => s.trim())) {
    const [cmd, ...args] = step.split(/\s+/);
    if (cmd === 'node') {
      run(process.execPath, args, step, note);
    } else if (cmd === 'vsce') {
      const out = args.indexOf('--out');
      if (out >= 0) args.splice(out, 2);
      run(process.execPath, [path.join(VSCE_DIR, 'vsce'), ...args, '--out', outFile], `vsce ${args[0]}`, note);
    } else {
      throw new Error(`test/integration/vsix.js does not know how to run "${step}" of the package script`);
    }
  }
  if (!fs.existsSync(outFile)) throw new Error(`vsce wrote no ${outFile}`);
  return outFile;
}

/** Every file entry of a zip, read into memory (yauzl comes with @vscode/vsce). */
function readZip(file) {
  const yauzl = require(require.resolve('yauzl', { paths: [VSCE_DIR] }));
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry) => {
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks), mtime: entry.getLastModDate() });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * A copy of `vsix` whose extension/dist/server.js throws as soon as it is loaded: the
 * extension activates, but its language server never starts.
 */
async function breakVsix(vsix, outFile) {
  const yazl = require(require.resolve('yazl', { paths: [VSCE_DIR] }));
  const entries = await readZip(vsix);
  const server = entries.find((e) => e.name === 'extension/dist/server.js');
  if (!server) throw new Error(`${vsix} has no extension/dist/server.js`);
  server.data = Buffer.from(
    "'use strict';\n// A deliberately broken build (test/integration/run.js): the language server dies at start.\n" +
      "throw new Error('claimlint: deliberately broken server bundle');\n",
  );
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: e.mtime });
  zip.end();
  await new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(outFile)).on('close', resolve).on('error', reject);
  });
  return outFile;
}

module.exports = { ensureRuntime, packageVsix, breakVsix };
