import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { docsUrl } from '../../src/core/rules';
import { TestClient } from './support/harness';
import { claimFile } from './support/fixtures';

describe('lsp: diagnostics', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it('announces its capabilities and registers the config file watcher', async () => {
    const caps = client.initializeResult.capabilities;
    assert.ok(caps.hoverProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.claimlint']);
    assert.deepEqual(caps.executeCommandProvider?.commands.sort(), ['claimlint.server.applyFix', 'claimlint.server.applyFixAll', 'claimlint.server.auditSummaryData', 'claimlint.server.auditWorkspace', 'claimlint.server.codeDetails']);
    const watch = await client.waitFor(
      () => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'),
      'watcher registration',
    );
    assert.deepEqual(watch.registerOptions, { watchers: [{ globPattern: '**/.claimlintrc.{yaml,yml,json}' }] });
  });

  it('publishes findings with rule id, docs link, data and the document version', async () => {
    const uri = 'file:///ws/visit.claim.yaml';
    client.open(uri, claimFile({ units530: 2 }));
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
    const d = published.diagnostics.find((x) => x.code === 'timed-units-total');
    assert.ok(d, `no timed-units-total in ${published.diagnostics.map((x) => x.code)}`);
    assert.equal(d.source, 'claimlint');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.codeDescription?.href, docsUrl('timed-units-total'));
    assert.deepEqual(d.data, { rule: 'timed-units-total', fixes: ['units:97530=1'], version: 1 });
    // The units value of the 97530 line is underlined.
    assert.equal(d.range.start.line, 41);
    assert.ok(!d.message.includes('CLM-1') && !d.message.includes('2026-03-14'), 'messages carry no claim values');
  });

  it('reports YAML syntax errors', async () => {
    const uri = 'file:///ws/broken.claim.yaml';
    client.open(uri, 'claims:\n  - id: [unclosed\n');
    const published = await client.waitForDiagnostics(uri);
    assert.ok(published.diagnostics.some((d) => d.code === 'yaml-syntax'));
  });

  it('gives a YAML file that is not a claim file no diagnostics', async () => {
    const other = 'file:///ws/docker-compose.yaml';
    const claim = 'file:///ws/a.claim.yml';
    client.open(other, claimFile({ units530: 2 }));
    client.open(claim, claimFile({ units530: 2 }));
    await client.waitForDiagnostics(claim);
    assert.deepEqual(client.publishedFor(other), []);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: other }, position: { line: 19, character: 17 } });
    assert.equal(hover, null);
  });

  it('publishes only the last version after a burst of edits', async () => {
    const uri = 'file:///ws/burst.claim.yaml';
    client.open(uri, claimFile());
    await client.waitForDiagnostics(uri);
    const before = client.diagnostics.length;
    let last = 0;
    for (let units = 2; units <= 6; units++) last = client.change(uri, claimFile({ units530: units }));
    const final = await client.waitForDiagnostics(uri, (p) => p.version === last, before);
    // A barrier: a later document's diagnostics arrive after anything still queued for this one.
    client.open('file:///ws/barrier.claim.yaml', claimFile());
    await client.waitForDiagnostics('file:///ws/barrier.claim.yaml');
    const after = client.diagnostics.slice(before).filter((p) => p.uri === uri);
    assert.deepEqual(after.map((p) => p.version), [last], 'no diagnostics for outdated versions');
    const d = final.diagnostics.find((x) => x.code === 'timed-units-total');
    assert.match(d?.message ?? '', /^Service line 2 \(97530\): 18 minutes support 1 unit, 6 billed: the visit.s 38 timed minutes support 3 units; 8 billed in all\./);
  });

  it('clears diagnostics when the document closes', async () => {
    const uri = 'file:///ws/closing.claim.yaml';
    client.open(uri, claimFile({ units530: 2 }));
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const n = client.diagnostics.length;
    client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, () => true, n);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('re-pulls settings on didChangeConfiguration: severities change', async () => {
    const uri = 'file:///ws/severity.claim.yaml';
    client.open(uri, claimFile({ units530: 2 }));
    const first = await client.waitForDiagnostics(uri);
    assert.equal(first.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Error);
    const n = client.diagnostics.length;
    const pulls = client.configurationRequests.length;
    client.settings = { rules: { 'timed-units-total': 'info' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const next = await client.waitForDiagnostics(uri, () => true, n);
    assert.ok(client.configurationRequests.length > pulls, 'settings pulled again');
    assert.equal(next.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Information);

    client.settings = { rules: { 'timed-units-total': 'off' } };
    const m = client.diagnostics.length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const off = await client.waitForDiagnostics(uri, () => true, m);
    assert.ok(!off.diagnostics.some((d) => d.code === 'timed-units-total'));
  });

  it('stops auditing when disabled and ignores invalid settings fields', async () => {
    const uri = 'file:///ws/disabled.claim.yaml';
    client.settings = { enable: 'yes please', rules: { 'timed-units-total': 'warning' } };
    client.open(uri, claimFile({ units530: 2 }));
    const first = await client.waitForDiagnostics(uri);
    assert.equal(first.diagnostics.find((d) => d.code === 'timed-units-total')?.severity, DiagnosticSeverity.Warning);
    assert.ok(client.logs.some((l) => /claimlint\.enable is invalid/.test(l.message)));
    const n = client.diagnostics.length;
    client.settings = { enable: false };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const cleared = await client.waitForDiagnostics(uri, () => true, n);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
