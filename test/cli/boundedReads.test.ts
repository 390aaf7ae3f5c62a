/**
 * Every file claimlint opens goes through one bounded reader (src/node/boundedRead.ts):
 * /dev/zero, a symbolic link to it, a FIFO or a folder given as an import input, a --map,
 * a `data import` input, a config file, or a pack's manifest or table is refused with a
 * clear message (exit 2 or a warning), never read (issue 20 item 6). The real CLI binary and
 * the real language server (its own process, so a regression cannot take the tests down).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { ROOT, runCli } from '../support/cli';
import { startStdioServer } from '../support/lspServer';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const CSV = 'claim_id,date_of_service,payer_type,code,units\nC-1,2026-03-02,medicare,97110,2\n';
const CLAIM = 'claims:\n  - id: C-1\n    date_of_service: 2026-03-02\n    payer: { type: medicare }\n    lines:\n      - code: "97110"\n        modifiers: [GP]\n        units: 1\n        minutes: 15\n';
const NOT_READ = /a device, not a regular file|a named pipe \(FIFO\), not a regular file|a folder, not a regular file/;

describe('bounded reads: devices, FIFOs and folders are never read', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('bounded');
    writeFileSync(join(dir, 'in.csv'), CSV);
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    assert.equal(spawnSync('mkfifo', [join(dir, 'fifo.csv')]).status, 0);
    mkdirSync(join(dir, 'folder.csv'));
  });
  afterEach(() => removeTmpDir(dir));

  const refused = (args: string[], where: RegExp) => {
    const r = runCli(args, dir, { timeout: 20_000 });
    assert.equal(r.signal, null, `${args.join(' ')}: hung or crashed`);
    assert.equal(r.code, 2, `${args.join(' ')}\n${r.stderr}`);
    assert.match(r.stderr, where, args.join(' '));
    assert.match(r.stderr, NOT_READ, args.join(' '));
    assert.equal(r.stdout, '');
  };

  it('claimlint import: an input, the --map file, with --from forced too', () => {
    for (const input of ['/dev/zero', 'zero.csv', 'fifo.csv', 'folder.csv']) {
      refused(['import', input], new RegExp(`${input.replace('.', '\\.')}: `));
      refused(['import', input, '--from', '837p', '-o', 'out.claim.yaml'], new RegExp(`${input.replace('.', '\\.')}: `));
    }
    refused(['import', 'in.csv', '--map', '/dev/zero'], /\/dev\/zero: /);
    refused(['import', 'in.csv', '--map', 'fifo.csv'], /fifo\.csv: /);
  });

  it('claimlint data import: an input', () => {
    for (const input of ['/dev/zero', 'zero.csv', 'fifo.csv']) refused(['data', 'import', input, '-o', 'pack'], new RegExp(`${input.replace('.', '\\.')}: `));
  });

  it('the audit: a config file or a pack manifest or table that is a device is reported, not read', () => {
    writeFileSync(join(dir, 'visit.claim.yaml'), CLAIM);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'visit.claim.yaml'), CLAIM);
    symlinkSync('/dev/zero', join(dir, 'sub', '.claimlintrc.yaml'));
    const config = runCli(['sub'], dir, { timeout: 20_000 });
    assert.equal(config.signal, null);
    assert.equal(config.code, 2, config.stderr);
    assert.match(config.stderr, /\.claimlintrc\.yaml.*a device, not a regular file/);

    mkdirSync(join(dir, 'pack'));
    symlinkSync('/dev/zero', join(dir, 'pack', 'claimlint-pack.json'));
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'data: [pack]\n');
    const pack = runCli(['visit.claim.yaml'], dir, { timeout: 20_000 });
    assert.equal(pack.signal, null);
    assert.equal(pack.code, 2, pack.stderr);
    assert.match(pack.stderr, /pack: claimlint-pack\.json: a device, not a regular file/);
    const cached = runCli(['--cache', 'visit.claim.yaml'], dir, { timeout: 20_000 });
    assert.equal(cached.signal, null);
    assert.equal(cached.code, 2, cached.stderr);
  });

  it('the language server: a config file and a pack manifest that are /dev/zero; it answers and stays small', async () => {
    const server = await startStdioServer(join(ROOT, 'dist', 'server.js'));
    const messages: string[] = [];
    server.connection.onNotification('window/showMessage', (p: { message: string }) => messages.push(p.message));
    try {
      mkdirSync(join(dir, 'a'));
      symlinkSync('/dev/zero', join(dir, 'a', '.claimlintrc.yaml'));
      mkdirSync(join(dir, 'b'));
      mkdirSync(join(dir, 'pack'));
      symlinkSync('/dev/zero', join(dir, 'pack', 'claimlint-pack.json'));
      writeFileSync(join(dir, 'b', '.claimlintrc.yaml'), 'data: [../pack]\n');
      for (const [n, sub] of ['a', 'b'].entries()) {
        const uri = pathToFileURL(join(dir, sub, 'visit.claim.yaml')).toString();
        const published: Promise<PublishDiagnosticsParams> = server.published(n + 1);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: n + 1, text: CLAIM } });
        const p = await Promise.race([published, new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`${sub}: no diagnostics`)), 20_000))]);
        assert.equal(p.uri, uri);
      }
      // Its peak memory (Linux): reading /dev/zero would grow it by gigabytes.
      const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'));
      if (peak) assert.ok(Number(peak[1]) < 600 * 1024, `peak RSS ${peak[1]} kB`);
      assert.equal(server.child.exitCode, null, 'the server lives');
      assert.ok(messages.some((m) => /\.claimlintrc\.yaml.*a device, not a regular file/.test(m)), messages.join('\n'));
      assert.ok(messages.some((m) => /claimlint-pack\.json: a device, not a regular file/.test(m)), messages.join('\n'));
    } finally {
      await server.stop();
    }
  });
});
