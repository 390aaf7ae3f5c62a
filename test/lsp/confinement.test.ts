/**
 * The language server's reach (issue 11 item 4): the workspace audit reads only regular
 * files below the workspace folders (symlinks and config globs out are skipped), is off in
 * Restricted Mode until trust is granted, the config lookup stops at the workspace folder,
 * and the log says which config applied.
 */
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './support/harness';
import { claimFile } from './support/fixtures';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

type AuditResult = { files: number; errors: number; skipped?: number; restricted?: boolean };

describe('lsp: confinement of the workspace audit and the config lookup', () => {
  let dir: string;
  let ws: string;
  let client: TestClient | undefined;
  const uriOf = (...parts: string[]): string => pathToFileURL(join(...parts)).toString();

  beforeEach(() => {
    dir = makeTmpDir('conf');
    ws = join(dir, 'ws');
    mkdirSync(ws);
  });
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    removeTmpDir(dir);
  });

  const start = (initializationOptions?: unknown) =>
    TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(ws).toString(), name: 'ws' }], initializationOptions });

  it('audits only regular files inside the folder: no symlink out, no ../ or /etc glob, no /dev/zero', async () => {
    const out = join(dir, 'outside');
    mkdirSync(out);
    writeFileSync(join(out, 'target.claim.yaml'), claimFile({ units530: 2 }));
    writeFileSync(join(out, 'sibling.yaml'), claimFile({ units530: 2 }));
    symlinkSync(join(out, 'target.claim.yaml'), join(ws, 'link.claim.yaml'));
    symlinkSync('/dev/zero', join(ws, 'zero.claim.yaml'));
    writeFileSync(join(ws, '.claimlintrc.yaml'), 'files: ["../outside/*.yaml", "/etc/*.conf"]\n');
    writeFileSync(join(ws, 'inside.claim.yaml'), claimFile({ units530: 2 }));
    client = await start();
    // /dev/zero behind a link is never read (counted as skipped below); a hang would be the test timeout's.
    const result = await client.request<AuditResult>('workspace/executeCommand', { command: 'claimlint.server.auditWorkspace', arguments: [] });
    assert.equal(result.files, 1, JSON.stringify(result));
    // link and zero resolve outside; ../outside/*.yaml and /etc/*.conf match outside.
    assert.ok((result.skipped ?? 0) >= 4, JSON.stringify(result));
    const published = client.diagnostics.map((p) => p.uri);
    assert.deepEqual([...new Set(published)], [uriOf(ws, 'inside.claim.yaml')]);
    assert.ok(!published.some((u) => u.includes('/etc/') || u.includes('outside')));
    assert.ok(client.logs.some((l) => /workspace audit: \d+ files? skipped: outside the workspace folder/.test(l.message)), JSON.stringify(client.logs.map((l) => l.message)));
  });

  it('a file over the size limit inside the folder is skipped, not read', async () => {
    writeFileSync(join(ws, 'big.claim.yaml'), Buffer.alloc(65 * 1024 * 1024, 0x20));
    writeFileSync(join(ws, 'ok.claim.yaml'), claimFile());
    client = await start();
    const result = await client.request<AuditResult>('workspace/executeCommand', { command: 'claimlint.server.auditWorkspace', arguments: [] });
    assert.equal(result.files, 1, JSON.stringify(result));
    assert.equal(result.skipped, 1);
    assert.ok(client.logs.some((l) => /skipped: larger than 64 MB/.test(l.message)));
  });

  it('Restricted Mode: no workspace audit nor summary data until the workspace is trusted', async () => {
    writeFileSync(join(ws, 'a.claim.yaml'), claimFile({ units530: 2 }));
    client = await start({ workspaceTrusted: false });
    const refused = await client.request<AuditResult>('workspace/executeCommand', { command: 'claimlint.server.auditWorkspace', arguments: [] });
    assert.equal(refused.restricted, true);
    assert.equal(refused.files, 0);
    const data = await client.request<{ files: unknown[]; restricted?: boolean }>('workspace/executeCommand', { command: 'claimlint.server.auditSummaryData', arguments: [{}] });
    assert.equal(data.restricted, true);
    assert.deepEqual(data.files, []);
    assert.deepEqual(client.diagnostics, [], 'nothing read, nothing published');
    // An open claim file is still audited in Restricted Mode.
    client.open(uriOf(ws, 'a.claim.yaml'), claimFile({ units530: 2 }));
    await client.waitForDiagnostics(uriOf(ws, 'a.claim.yaml'), (p) => p.diagnostics.length > 0);
    client.notify('claimlint/workspaceTrusted', null);
    await client.waitFor(() => client!.logs.find((l) => /workspace trusted/.test(l.message)), 'the trust notification');
    const trusted = await client.request<AuditResult>('workspace/executeCommand', { command: 'claimlint.server.auditWorkspace', arguments: [] });
    assert.equal(trusted.restricted, undefined);
    assert.equal(trusted.files, 1);
  });

  it('the config lookup stops at the workspace folder and the log names the config in effect', async () => {
    writeFileSync(join(dir, '.claimlintrc.yaml'), 'rules: {timed-units-total: "off"}\n');
    client = await start();
    const uri = uriOf(ws, 'a.claim.yaml');
    client.open(uri, claimFile({ units530: 2 }));
    const p = await client.waitForDiagnostics(uri);
    assert.ok(p.diagnostics.some((d) => d.code === 'timed-units-total'), 'the stray config above the folder did not apply');
    assert.ok(client.logs.some((l) => l.message === 'config in effect: none (settings and defaults)'));
    writeFileSync(join(ws, '.claimlintrc.yaml'), 'rules: {timed-units-total: warning}\n');
    const n = client.diagnostics.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws, '.claimlintrc.yaml'), type: 2 }] });
    await client.waitForDiagnostics(uri, () => true, n);
    assert.ok(client.logs.some((l) => l.message === `config in effect: ${join(ws, '.claimlintrc.yaml')}`), JSON.stringify(client.logs.map((l) => l.message)));
  });
});
