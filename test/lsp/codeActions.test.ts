import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { docsUrl } from '../../src/core/rules';
import { TestClient } from './support/harness';
import { applyEdits, claimFile, claimItem, editsFor } from './support/fixtures';

describe('lsp: code actions', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  async function openWithFinding(uri: string, text: string, rule: string): Promise<Diagnostic> {
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    const d = published.diagnostics.find((x) => x.code === rule);
    assert.ok(d, `no ${rule} in ${published.diagnostics.map((x) => x.code)}`);
    return d;
  }

  function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, only },
    });
  }

  it('offers the preferred quick fix, which changes exactly the units', async () => {
    const uri = 'file:///ws/fix.claim.yaml';
    const text = claimFile({ units530: 2 });
    const d = await openWithFinding(uri, text, 'timed-units-total');
    const actions = await actionsFor(uri, [d]);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    assert.equal(preferred[0].title, 'Bill 1 unit of 97530');
    assert.equal(preferred[0].kind, 'quickfix');
    const { edits, version } = editsFor(preferred[0].edit!, uri);
    assert.equal(version, 1);
    assert.equal(applyEdits(text, edits), claimFile({ units530: 1 }));
    assert.ok(!actions.some((a) => a.kind === 'source.fixAll.claimlint'), 'fix-all only when asked for');
  });

  it('adds disable-line, disable-file and documentation actions', async () => {
    const uri = 'file:///ws/disable.claim.yaml';
    const text = '# Visit of March\n' + claimFile({ units530: 2 });
    const d = await openWithFinding(uri, text, 'timed-units-total');
    const actions = await actionsFor(uri, [d]);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles.slice(1), [
      'Disable timed-units-total for this line',
      'Disable timed-units-total for this file',
      'Show documentation for timed-units-total',
    ]);

    const line = actions.find((a) => a.title === 'Disable timed-units-total for this line')!;
    const afterLine = applyEdits(text, editsFor(line.edit!, uri).edits);
    assert.equal(afterLine, text.replace('        units: 2\n        minutes: 18', '        # claimlint-disable-next-line timed-units-total\n        units: 2\n        minutes: 18'));

    const file = actions.find((a) => a.title === 'Disable timed-units-total for this file')!;
    assert.equal(applyEdits(text, editsFor(file.edit!, uri).edits), '# Visit of March\n# claimlint-disable-file timed-units-total\n' + claimFile({ units530: 2 }));

    const docs = actions.find((a) => a.title.startsWith('Show documentation'))!;
    assert.deepEqual(docs.command, {
      title: 'Show documentation for timed-units-total',
      command: 'claimlint.showRuleDocs',
      arguments: ['timed-units-total', docsUrl('timed-units-total')],
    });

    // The directive really silences the finding.
    const n = client.diagnostics.length;
    const version = client.change(uri, afterLine);
    const next = await client.waitForDiagnostics(uri, (p) => p.version === version, n);
    assert.ok(!next.diagnostics.some((x) => x.code === 'timed-units-total'));
  });

  it('offers "fix all <rule> problems" when a rule has several fixable findings', async () => {
    const uri = 'file:///ws/many.claim.yaml';
    const text = `claims:\n${claimItem({ id: 'A', units530: 2 })}${claimItem({ id: 'B', units530: 3 })}`;
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    const ds = published.diagnostics.filter((x) => x.code === 'timed-units-total');
    assert.equal(ds.length, 2);
    const actions = await actionsFor(uri, [ds[0]]);
    const all = actions.find((a) => a.title === 'Fix all timed-units-total problems in this file');
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    assert.equal(applyEdits(text, editsFor(all.edit!, uri).edits), `claims:\n${claimItem({ id: 'A' })}${claimItem({ id: 'B' })}`);
  });

  it('gives source.fixAll.claimlint pinned to the document version, honouring context.only', async () => {
    const uri = 'file:///ws/save.claim.yaml';
    const text = `claims:\n${claimItem({ id: 'A', units530: 2 })}${claimItem({ id: 'B', units110: 4 })}`;
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const n = client.diagnostics.length;
    const version = client.change(uri, text.replace('id: B', 'id: C'));
    await client.waitForDiagnostics(uri, (p) => p.version === version, n);

    const fixAll = await actionsFor(uri, [], ['source.fixAll']);
    assert.deepEqual(fixAll.map((a) => a.kind), ['source.fixAll.claimlint']);
    const { edits, version: pinned } = editsFor(fixAll[0].edit!, uri);
    assert.equal(pinned, version);
    assert.equal(applyEdits(text.replace('id: B', 'id: C'), edits), `claims:\n${claimItem({ id: 'A' })}${claimItem({ id: 'C' })}`);

    const quickOnly = await actionsFor(uri, [], ['quickfix']);
    assert.ok(!quickOnly.some((a) => a.kind === 'source.fixAll.claimlint'));
    const refactor = await actionsFor(uri, [], ['refactor']);
    assert.deepEqual(refactor, []);
  });

  it('claimlint.applyFixAll applies a versioned edit and refuses an outdated version', async () => {
    const uri = 'file:///ws/command.claim.yaml';
    const text = claimFile({ units530: 3 });
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const stale = await client.request<{ applied: boolean; reason?: string }>('workspace/executeCommand', { command: 'claimlint.server.applyFixAll', arguments: [uri, 0] });
    assert.deepEqual(stale, { applied: false, fixes: 0, reason: 'outdated-version' });
    const result = await client.request<{ applied: boolean; fixes: number }>('workspace/executeCommand', { command: 'claimlint.server.applyFixAll', arguments: [uri, 1] });
    assert.deepEqual(result, { applied: true, fixes: 1 });
    const applied = client.appliedEdits.at(-1)!;
    const { edits, version } = editsFor(applied.edit, uri);
    assert.equal(version, 1);
    assert.equal(applyEdits(text, edits), claimFile());
  });

  it('matches diagnostics by rule and range, not by message', async () => {
    const uri = 'file:///ws/match.claim.yaml';
    const d = await openWithFinding(uri, claimFile({ units530: 2 }), 'timed-units-total');
    const actions = await actionsFor(uri, [{ ...d, message: 'edited by another tool' }]);
    assert.ok(actions.some((a) => a.isPreferred && a.title === 'Bill 1 unit of 97530'));
    const foreign = await actionsFor(uri, [{ ...d, source: 'yaml' }]);
    assert.deepEqual(foreign, []);
  });
});

describe('lsp: code actions never act on stale diagnostics (issue 11 item 10)', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it('a diagnostic of an older version (a claim inserted above since) gets no action at all', async () => {
    const uri = 'file:///ws/stale.claim.yaml';
    const text = `claims:\n${claimItem({ id: 'B', units530: 2 })}`;
    client.open(uri, text);
    const first = await client.waitForDiagnostics(uri);
    const stale = first.diagnostics.find((x) => x.code === 'timed-units-total')!;
    assert.ok(stale);
    // Insert a claim with the same problem above: the old range now lies in the new claim.
    const n = client.diagnostics.length;
    const version = client.change(uri, `claims:\n${claimItem({ id: 'A', units530: 3 })}${claimItem({ id: 'B', units530: 2 })}`);
    await client.waitForDiagnostics(uri, (p) => p.version === version, n);
    const actions: CodeAction[] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: stale.range,
      context: { diagnostics: [stale] },
    });
    assert.deepEqual(actions.map((a) => a.title), []);
  });
});
