import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { TestClient } from './support/harness';
import { caret, claimFile } from './support/fixtures';

describe('lsp: hover', () => {
  let client: TestClient;
  let n = 0;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.dispose());

  /** Open the fixture (caret removed) and hover at the caret. */
  async function hoverAt(marked: string): Promise<string | undefined> {
    const { text, position } = caret(marked);
    const uri = `file:///ws/hover-${++n}.claim.yaml`;
    client.open(uri, text);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    client.close(uri);
    return h ? (h.contents as MarkupContent).value : undefined;
  }

  it('explains a code: meaning, timing, discipline, payment, modifiers, exercise vs activity', async () => {
    const md = await hoverAt(claimFile().replace('code: "97530"', 'code: "975^30"'));
    assert.ok(md);
    assert.match(md, /\*\*97530 — Therapeutic activities\*\*/);
    assert.match(md, /\*\*Timed\*\* \(15-minute units/);
    assert.match(md, /Always therapy/);
    assert.match(md, /2026 payment:\*\* \$35\.07 per unit, a national, unadjusted Medicare amount/);
    assert.match(md, /Usually needs:\*\* GP \(PT plan\); CQ when an assistant furnished more than 10%/);
    assert.match(md, /97110\) instead/, 'exercise-vs-activity note');
    assert.doesNotMatch(md, /85%/);
  });

  it('shows the 85% assistant rate when the line has CQ', async () => {
    const md = await hoverAt(claimFile({ modifiers530: 'GP, CQ' }).replace('code: "97530"', 'code: "97530^"'));
    assert.match(md ?? '', /With CQ on this line:\*\* 85% → \$29\.81 per unit/);
  });

  it('explains 97110 with its exercise note', async () => {
    const md = await hoverAt(claimFile().replace('code: "97110"', 'code: ^"97110"'));
    assert.match(md ?? '', /Therapeutic exercise/);
    assert.match(md ?? '', /therapeutic activities \(97530\) instead/);
  });

  it('explains a modifier and when it is required', async () => {
    const md = await hoverAt(claimFile().replace('modifiers: [GP]', 'modifiers: [G^P]'));
    assert.match(md ?? '', /\*\*Modifier GP\*\* \(therapy\)/);
    assert.match(md ?? '', /physical therapy plan of care/);
    assert.match(md ?? '', /\*\*When:\*\* On every line/);
  });

  it('shows the visit\'s 8-minute arithmetic on units and minutes', async () => {
    const md = await hoverAt(claimFile({ units530: 2 }).replace('units: 2\n        minutes: 18', 'un^its: 2\n        minutes: 18'));
    assert.match(md ?? '', /8-minute rule \(CMS\)/);
    assert.match(md ?? '', /\| 97110 \| 20 \| 2 \| 2 \|/);
    assert.match(md ?? '', /\| 97530 \| 18 \| 2 \| 1 \|/);
    assert.match(md ?? '', /38 timed minutes support 3 units; \*\*4 billed\*\*/);
    const onMinutes = await hoverAt(claimFile().replace('total_timed_minutes: 38', 'total_timed_minutes: 3^8'));
    assert.match(onMinutes ?? '', /38 timed minutes support 3 units; \*\*3 billed\*\*/);
  });

  it('uses the per-code rule for a commercial payer', async () => {
    const md = await hoverAt(claimFile({ payer: 'commercial' }).replace('minutes: 20', 'minutes: 2^0'));
    assert.match(md ?? '', /Per-code rule/);
    assert.match(md ?? '', /Total: 2 units supported; \*\*3 billed\*\*/);
    assert.match(md ?? '', /\| 97110 \| 20 \| 2 \| 1 \|/);
  });

  it('gives guidance on a documentation field key', async () => {
    const md = await hoverAt(claimFile().replace('          functional_goal:', '          functional_go^al:'));
    assert.match(md ?? '', /\*\*Functional goal: measurable, timed, tied to daily life\*\*/);
    assert.match(md ?? '', /_Example:_/);
  });

  it('describes other keys from the format schema, and nothing on plain values', async () => {
    assert.match((await hoverAt(claimFile().replace('date_of_service:', 'date_of_se^rvice:'))) ?? '', /\*\*date_of_service\*\* — ISO date/);
    assert.equal(await hoverAt(claimFile().replace('id: PT-1', 'id: PT^-1')), undefined);
  });
});
