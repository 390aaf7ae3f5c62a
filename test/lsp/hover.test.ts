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

  /** The code's full explanation at the caret: what the hover's "More" link opens (claimlint.server.codeDetails). */
  async function detailsAt(marked: string): Promise<string | undefined> {
    const { text, position } = caret(marked);
    const uri = `file:///ws/hover-${++n}.claim.yaml`;
    client.open(uri, text);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    const link = /\[More about [^\]]+\]\(command:claimlint\.showCodeDetails\?([^)]+)\)/.exec(h ? (h.contents as MarkupContent).value : '');
    assert.ok(link, 'the hover has a "More" link to the code details');
    const args = JSON.parse(decodeURIComponent(link[1]));
    assert.deepEqual(args, [uri, position], 'the link names this document and position');
    const md = await client.request<string | null>('workspace/executeCommand', { command: 'claimlint.server.codeDetails', arguments: args });
    client.close(uri);
    return md ?? undefined;
  }

  describe('a hover on a code fits the hover window (issue 10 item 9)', () => {
    const MAX_LINES = 12;

    it('leads with the code\'s explanation; a line without findings says so after it (issue 25 item 4)', async () => {
      const md = (await hoverAt(claimFile().replace('code: "97530"', 'code: "975^30"'))) ?? '';
      const paragraphs = md.split('\n\n');
      assert.match(paragraphs[0], /^\*\*97530 — Therapeutic activities\*\* · Timed, 15-minute units/, 'the explanation comes first');
      assert.ok(md.split('\n').length <= MAX_LINES, `${md.split('\n').length} lines:\n${md}`);
      assert.match(md, /Usually needs:\*\* GP \(PT plan\)/);
      assert.match(md, /\*\*This line:\*\* 1 unit → \$35\.07 national 2026, MPPR: paid in full as the 1st service\./);
      assert.equal(paragraphs.at(-2), '✓ No problems on service line 2 (97530).');
      assert.match(md.split('\n').at(-1) ?? '', /^\[More about 97530…\]\(command:claimlint\.showCodeDetails\?/, 'ends with the "More" link');
      assert.doesNotMatch(md, /On a day with several therapy units|_Source:|_Fee:|> /, 'the long explanation is behind "More"');
    });

    it('never repeats the diagnostics VS Code shows under the cursor: only the line\'s findings elsewhere, by rule and field, without messages', async () => {
      const text = claimFile({ units530: 3, modifiers530: '' });
      const { text: plain, position } = caret(text.replace('code: "97530"', 'code: "97^530"'));
      const uri = 'file:///ws/hover-elsewhere.claim.yaml';
      client.open(uri, plain);
      const published = await client.waitForDiagnostics(uri);
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      client.close(uri);
      const md = h ? (h.contents as MarkupContent).value : '';
      assert.match(md.split('\n\n')[0], /^\*\*97530 — Therapeutic activities\*\*/, 'the explanation comes first');
      assert.doesNotMatch(md, /problems? on this line/, 'no "N problems on this line" on top of VS Code\'s own list');
      const under = published.diagnostics.filter((d) => d.range.start.line <= position.line && d.range.end.line >= position.line);
      const notUnder = published.diagnostics.filter((d) => !under.includes(d));
      for (const d of published.diagnostics) {
        // No diagnostic's message (nor its first sentence) is repeated in the hover.
        const sentence = d.message.replace(/^Service line \d+ \([^)]*\): /, '').split(/[.;]/)[0];
        assert.ok(!md.includes(sentence), `the hover repeats "${sentence}"`);
      }
      const block = md.split('\n\n').find((p) => p.startsWith('**Elsewhere on service line 2 (97530):**')) ?? '';
      assert.ok(block, md);
      for (const l of block.split('\n').slice(1)) assert.match(l, /^- (Error|Warning|Info) \[[a-z0-9-]+\]\(command:claimlint\.showRuleDocs\?[^)]+\) on (`[a-z_.[\]0-9]+`|the line)$|^- and \d+ more \(Problems panel\)$/);
      assert.match(block, /\[therapy-modifier-missing\][^\n]* on `modifiers`/, 'the missing GP sits on the modifiers, not under the cursor');
      for (const d of under) {
        if (!notUnder.some((e) => e.code === d.code)) assert.ok(!block.includes(`[${String(d.code)}]`), `${String(d.code)} is under the cursor: VS Code shows it; not listed`);
      }
      assert.ok(md.split('\n').length <= MAX_LINES, `${md.split('\n').length} lines:\n${md}`);
      const other = (await hoverAt(text.replace('code: "97110"', 'code: "97^110"'))) ?? '';
      assert.doesNotMatch(other, /therapy-modifier-missing/, 'line 1 does not show line 2\'s findings');
    });
  });

  it('"More" explains a code: meaning, timing, discipline, payment, modifiers, exercise vs activity', async () => {
    const md = await detailsAt(claimFile().replace('code: "97530"', 'code: "975^30"'));
    assert.ok(md);
    assert.match(md, /\*\*97530 — Therapeutic activities\*\*/);
    assert.match(md, /\*\*Timed\*\* \(15-minute units/);
    assert.match(md, /Always therapy/);
    assert.match(md, /2026 payment \(CMS PFS RVU26C\):\*\* \$35\.07 per unit, a national, unadjusted Medicare amount/);
    assert.match(md, /Usually needs:\*\* GP \(PT plan\); CQ when an assistant furnished more than 10%/);
    assert.match(md, /97110\) instead/, 'exercise-vs-activity note');
    assert.doesNotMatch(md, /85%/);
  });

  it('shows the 85% assistant rate when the line has CQ', async () => {
    const md = await detailsAt(claimFile({ modifiers530: 'GP, CQ' }).replace('code: "97530"', 'code: "97530^"'));
    assert.match(md ?? '', /With CQ on this line:\*\* 85% of the amount\.\n- \*\*This line:\*\* 1 unit → \$29\.81 national 2026, MPPR: paid in full as the 1st service, CQ\/CO at 85%\./);
  });

  it('explains 97110 with its exercise note', async () => {
    const md = await detailsAt(claimFile().replace('code: "97110"', 'code: ^"97110"'));
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
