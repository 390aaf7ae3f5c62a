import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver';
import { TestClient } from './support/harness';
import { applyEdits, claimFile, claimItem, editsFor } from './support/fixtures';

describe('lsp: code lens', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  async function lenses(uri: string, text: string): Promise<CodeLens[]> {
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    return client.request('textDocument/codeLens', { textDocument: { uri } });
  }

  it('summarises each claim on its first line', async () => {
    const uri = 'file:///ws/lens.claim.yaml';
    const text = `claims:\n${claimItem({ id: 'A' })}${claimItem({ id: 'B', minutes110: 30, units110: 2 })}`;
    const all = await lenses(uri, text);
    const summaries = all.filter((l) => l.command?.command === '');
    assert.deepEqual(
      summaries.map((l) => [l.range.start.line, l.command?.title]),
      [
        [1, '38 timed min → 3 units supported · 3 billed · est. $79.49 for 3 billed units (national, unadjusted; MPPR applied)'],
        [text.split('\n').findIndex((l) => l.includes('id: B')), '48 timed min → 3 units supported · 3 billed · est. $79.49 for 3 billed units (national, unadjusted; MPPR applied)'],
      ],
    );
  });

  it('puts the right number on a line whose units are wrong, and applies it', async () => {
    const uri = 'file:///ws/units-lens.claim.yaml';
    const text = claimFile({ units530: 3 });
    const all = await lenses(uri, text);
    const fix = all.find((l) => l.command?.command === 'claimlint.server.applyFix');
    assert.ok(fix, all.map((l) => l.command?.title).join(' | '));
    assert.equal(fix.command!.title, '→ Bill 1 unit of 97530');
    assert.equal(fix.range.start.line, 41);
    assert.match(all[0].command!.title, /^38 timed min → 3 units supported · 5 billed/);

    const result = await client.request('workspace/executeCommand', { command: fix.command!.command, arguments: fix.command!.arguments });
    assert.deepEqual(result, { applied: true, fixes: 1 });
    const { edits, version } = editsFor(client.appliedEdits.at(-1)!.edit, uri);
    assert.equal(version, 1);
    assert.equal(applyEdits(text, edits), claimFile());
  });

  it('uses the per-code rule for per-code payers', async () => {
    const all = await lenses('file:///ws/per-code.claim.yaml', claimFile({ payer: 'commercial', units110: 1 }));
    assert.equal(all[0].command?.title, '38 timed min → 2 units supported (per-code) · 2 billed · est. $57.28 for 2 billed units (national, unadjusted; MPPR applied)');
  });

  it('says how many billed units the estimate is for: timed and untimed lines together', async () => {
    const text = [
      'claim:',
      '  id: EST',
      '  date_of_service: 2026-03-02',
      '  payer: {type: medicare}',
      '  provider: {npi: "1234567893", discipline: PT}',
      '  lines:',
      '    - {code: "97110", modifiers: [GP], units: 2, minutes: 30}',
      '    - {code: "97161", modifiers: [GP], units: 1, minutes: 20}',
      '',
    ].join('\n');
    const all = await lenses('file:///ws/estimate-units.claim.yaml', text);
    const title = all.find((l) => l.command?.command === '')?.command?.title ?? '';
    assert.match(title, /^30 timed min → 2 units supported · 2 billed · est\. \$\d+\.\d\d for 3 billed units \(national, unadjusted; MPPR applied\)$/);
  });

  it('shows one summary line per discipline pool (billing-rules §13.2)', async () => {
    const text = [
      'claim:',
      '  id: POOLS',
      '  date_of_service: 2026-03-02',
      '  payer: {type: medicare}',
      '  provider: {npi: "1234567893", discipline: other}',
      '  lines:',
      '    - {code: "97110", modifiers: [GP], units: 1, minutes: 10}',
      '    - {code: "97535", modifiers: [GO], units: 1, minutes: 10}',
      '',
    ].join('\n');
    const all = await lenses('file:///ws/pools.claim.yaml', text);
    const summaries = all.filter((l) => l.command?.command === '');
    const titles = summaries.map((l) => l.command!.title);
    assert.equal(titles.length, 2, titles.join(' | '));
    assert.match(titles[0], /^PT \(GP\): 10 timed min → 1 unit supported · 1 billed$/);
    assert.match(titles[1], /^OT \(GO\): 10 timed min → 1 unit supported · 1 billed · est\. /);
    assert.equal(summaries[0].range.start.line, summaries[1].range.start.line);
  });
});
