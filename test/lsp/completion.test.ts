import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import { TestClient } from './support/harness';
import { applyEdits, caret, claimFile } from './support/fixtures';

describe('lsp: completion', () => {
  let client: TestClient;
  let n = 0;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.dispose());

  async function complete(marked: string): Promise<{ items: CompletionItem[]; text: string }> {
    const { text, position } = caret(marked);
    const uri = `file:///ws/complete-${++n}.claim.yaml`;
    client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    client.close(uri);
    // Clients show items by sortText.
    const items = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    return { items, text };
  }

  const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

  it('completes codes with their description, quoted', async () => {
    const { items, text } = await complete(claimFile().replace('code: "97530"', 'code: 975^'));
    const item = items.find((i) => i.label === '97530');
    assert.ok(item);
    assert.equal(item.detail, 'Therapeutic activities — timed, 15-minute units');
    assert.ok(labels(items).includes('97161'));
    assert.equal(applyEdits(text, [item.textEdit as TextEdit]), claimFile());
  });

  it('completes inside quotes without adding quotes', async () => {
    const { items, text } = await complete(claimFile().replace('code: "97530"', 'code: "97^"'));
    const item = items.find((i) => i.label === '97530')!;
    assert.equal(applyEdits(text, [item.textEdit as TextEdit]), claimFile());
  });

  it('completes modifiers valid for the plan: GP for PT, never GO/GN, no duplicates', async () => {
    const { items, text } = await complete(claimFile().replace('modifiers: [GP]\n        units: 1', 'modifiers: [GP, ^]\n        units: 1'));
    assert.deepEqual(labels(items), ['CQ', 'KX', '59', 'XE', 'XS', 'XP', 'XU']);
    const kx = items.find((i) => i.label === 'KX')!;
    assert.match(String(kx.detail), /medical policy/);
    assert.equal(applyEdits(text, [kx.textEdit as TextEdit]), claimFile({ modifiers530: 'GP, KX' }));
  });

  it('offers GO and CO under an OT plan, in a block list', async () => {
    const ot = claimFile().replace(/discipline: PT/g, 'discipline: OT').replace('modifiers: [GP]\n        units: 1', 'modifiers:\n          - ^\n        units: 1');
    const { items } = await complete(ot);
    assert.deepEqual(labels(items).slice(0, 2), ['GO', 'CO']);
    assert.ok(!labels(items).includes('GP') && !labels(items).includes('CQ'));
  });

  it('completes enum values: payer type, unit rule, discipline, assistance level', async () => {
    assert.deepEqual(labels((await complete(claimFile().replace('type: medicare', 'type: ^'))).items), ['medicare', 'medicare-advantage', 'medicaid', 'commercial']);
    assert.deepEqual(labels((await complete(claimFile().replace('type: medicare', 'type: medicare\n      unit_rule: ^'))).items), ['cms', 'per-code']);
    assert.deepEqual(labels((await complete(claimFile().replace('    plan_of_care:\n      discipline: PT', '    plan_of_care:\n      discipline: ^'))).items), ['PT', 'OT', 'SLP']);
    assert.deepEqual(labels((await complete(claimFile().replace('      discipline: PT\n    plan_of_care', '      discipline: ^\n    plan_of_care'))).items), ['PT', 'OT', 'SLP', 'physician', 'other']);
    assert.deepEqual(labels((await complete(claimFile().replace('assistance_level: cga', 'assistance_level: m^'))).items), ['independent', 'supervision', 'cga', 'min', 'mod', 'max', 'dependent']);
  });

  it('completes the keys valid in the mapping at the cursor, leaving out present ones', async () => {
    const payer = await complete(claimFile().replace('type: medicare', 'type: medicare\n      ^'));
    assert.deepEqual(labels(payer.items), ['name', 'unit_rule']);
    const line = await complete(claimFile().replace('        minutes: 18', '        minutes: 18\n        ch^'));
    assert.deepEqual(labels(line.items), ['assistant_minutes', 'charge']);
    const charge = line.items.find((i) => i.label === 'charge')!;
    assert.equal(applyEdits(line.text, [charge.textEdit as TextEdit]), claimFile().replace('        minutes: 18', '        minutes: 18\n        charge: '));
    const item = await complete(claimFile().replace('      - code: "97530"', '      - ^\n      - code: "97530"'));
    assert.deepEqual(labels(item.items).slice(0, 3), ['code', 'units', 'modifiers']);
    const root = await complete('^');
    assert.deepEqual(labels(root.items).sort(), ['claim', 'claims']);
    const visit = await complete(claimFile().replace('      total_treatment_minutes: 38', '      ^'));
    assert.deepEqual(labels(visit.items), ['total_treatment_minutes', 'progress_report']);
  });

  it('offers nothing inside comments and free text', async () => {
    assert.deepEqual((await complete(claimFile().replace('claims:', '# a note ^\nclaims:'))).items, []);
    assert.deepEqual((await complete(claimFile().replace('Straight-leg raises', 'Straight-leg^ raises'))).items, []);
  });
});
