/**
 * File system and network (issue 11): the CLI and the language server, run under
 * `strace -f -e trace=network,openat`, open no socket and no file outside the audited
 * folder, the program's own install (bin, dist, node_modules, package.json), the node
 * binary and its libraries, /proc, /sys, /dev and the temp dir. strace is in the shared
 * Debian package list (scripts/vscode-runtime/install.sh); without it the test is skipped
 * with a message.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { BIN, EXAMPLES, ROOT, SERVER_BIN } from '../support/paths';
import { startStdioServer } from '../support/lspServer';

const HAVE_STRACE = spawnSync('strace', ['-V'], { encoding: 'utf8' }).status === 0;

/** Paths the node runtime itself opens (dynamic loader, libraries, OpenSSL and ICU setup). */
const RUNTIME = [/^\/etc\/ld\.so\.cache$/, /^\/etc\/localtime$/, /^\/etc\/ssl\//, /^\/usr\/lib\/ssl\//, /^\/(usr\/)?lib(64|32)?\//, /^\/proc\//, /^\/sys\//, /^\/dev\//];

interface Trace {
  network: string[];
  outside: string[];
}

function readTrace(file: string, allowed: string[]): Trace {
  const network: string[] = [];
  const outside: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    // Creating, naming or using a socket. (Queries of the inherited stdio fds, which a parent
    // may have made a socketpair — getsockname(0…) / getsockopt(1…) — open nothing.)
    if (/\b(socket|socketpair|connect|bind|listen|accept4?|sendto|recvfrom|sendmsg|recvmsg)\(/.test(line)) network.push(line);
    const m = /openat\([^,]+, "([^"]*)"/.exec(line);
    if (!m) continue;
    const path = m[1];
    if (allowed.some((a) => path === a || path.startsWith(a.endsWith('/') ? a : a + '/')) || RUNTIME.some((r) => r.test(path)) || path === process.execPath) continue;
    outside.push(line.trim());
  }
  return { network, outside };
}

describe('strace: no socket, no file outside the folder', function () {
  this.timeout(60000);
  let dir: string;
  let ws: string;
  before(function () {
    if (!HAVE_STRACE) {
      console.log('    (skipped: strace is not installed; scripts/vscode-runtime/install.sh installs it)');
      this.skip();
    }
  });
  beforeEach(() => {
    dir = makeTmpDir('strace');
    ws = join(dir, 'ws');
    mkdirSync(join(ws, '.git'), { recursive: true }); // a repository root: the config lookup stops here
    cpSync(EXAMPLES, join(ws, 'examples'), { recursive: true });
    writeFileSync(join(ws, '.claimlintrc.yaml'), 'rules: {documentation-weak: info}\n');
  });
  afterEach(() => removeTmpDir(dir));

  const allowed = () => [ws, join(ROOT, 'node_modules'), join(ROOT, 'bin'), join(ROOT, 'dist'), join(ROOT, 'package.json'), tmpdir()];

  for (const format of ['stylish', 'json', 'sarif', 'junit', 'html']) {
    it(`the CLI (--format ${format}, then --fix)`, () => {
      const trace = join(dir, `cli-${format}.trace`);
      const out = join(ws, `report.${format}`);
      const r = spawnSync('strace', ['-f', '-qq', '-e', 'trace=network,openat', '-o', trace, process.execPath, BIN, '-f', format, '-o', out, '.'], { cwd: ws, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const fix = spawnSync('strace', ['-f', '-qq', '-e', 'trace=network,openat', '-o', trace + '.fix', process.execPath, BIN, '--fix', '.'], { cwd: ws, encoding: 'utf8' });
      assert.ok(fix.status === 0 || fix.status === 1, fix.stderr);
      for (const t of [trace, trace + '.fix']) {
        const { network, outside } = readTrace(t, allowed());
        assert.deepEqual(network, [], 'no socket');
        assert.deepEqual(outside, [], 'no file outside the folder');
      }
    });
  }

  it('the language server over stdio: open, hover, lens, completion, actions, workspace audit, verbose trace', async () => {
    const trace = join(dir, 'server.trace');
    const server = await startStdioServer(SERVER_BIN, {
      wrapper: ['strace', '-f', '-qq', '-e', 'trace=network,openat', '-o', trace],
      cwd: ws,
      folders: [ws],
      settings: { trace: { server: 'verbose' } },
    });
    const { connection } = server;
    await connection.sendNotification('$/setTrace', { value: 'verbose' });
    const uri = pathToFileURL(join(ws, 'examples', 'mistakes.claim.yaml')).toString();
    const text = readFileSync(join(ws, 'examples', 'mistakes.claim.yaml'), 'utf8');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const position = { line: 17, character: 10 };
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    await connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [], only: ['source.fixAll.claimlint'] } });
    await connection.sendRequest('workspace/executeCommand', { command: 'claimlint.server.auditWorkspace', arguments: [] });
    await connection.sendRequest('workspace/executeCommand', { command: 'claimlint.server.auditSummaryData', arguments: [{}] });
    await server.stop();
    const { network, outside } = readTrace(trace, allowed());
    assert.deepEqual(network, [], 'no socket');
    assert.deepEqual(outside, [], 'no file outside the folder');
  });
});
