/**
 * Sources a reader can follow (issue 9 item 12):
 * - every source key cited anywhere (data tables, rule metadata, src/ text, docs, README,
 *   hovers, SARIF rule help) has an entry in docs/sources.md;
 * - every link to docs/sources.md (rule pages, hovers, SARIF, the page's own links) lands on
 *   an anchor that exists;
 * - no dollar amount is written twice: rule metadata states only amounts the data holds, and
 *   the rule, docs and hover sources carry no literal dollar figure or conversion factor.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_RULES, linkSources, sourceKeys, sourceRefs, SOURCES_URL } from '../../src/core';
import { allCodes } from '../../src/core/explain';
import { builtinTables } from '../../src/core/packs';
import { formatSarifLog } from '../../src/cli/formatters/sarif';
import { SOURCES } from '../../tools/docgen/sources';
import { citers } from '../../tools/docgen/sourcesPage';
import { codeHover, modifierHover } from '../../src/service/hoverText';
import { ROOT } from '../support/paths';

const PAGE = readFileSync(join(ROOT, 'docs', 'sources.md'), 'utf8');
const ANCHORS = new Set([...PAGE.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));

function walk(dir: string, ext: RegExp): string[] {
  assert.ok(existsSync(dir), `${dir} exists`);
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p, ext) : ext.test(f) ? [p] : [];
  });
}

/** Sample dates: each year the data prices, so every code and modifier in force is hovered. */
const DATES = ['2024-02-01', '2024-06-01', '2025-06-01', '2026-06-01'];

function hovers(): string[] {
  const out: string[] = [];
  for (const date of DATES) {
    const codes = allCodes(date).map((c) => c.code);
    for (const code of codes) out.push(codeHover(code, date, { modifiers: ['GP'], units: 2, plan: 'PT', otherCodes: codes.slice(0, 40) }) ?? '');
    for (const m of builtinTables.modifiers) out.push(modifierHover(m.modifier, date));
  }
  return out;
}

/** Markdown links to the sources page in `text`, as anchors. */
function sourceLinks(text: string, page: string): string[] {
  const esc = page.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return [...text.matchAll(new RegExp(`\\]\\(${esc}#([^)\\s]+)\\)`, 'g'))].map((m) => m[1]);
}

describe('sources a reader can follow (issue 9 item 12)', () => {
  it('finds the citations: the parser reads every key form and skips ICD-10 look-alikes', () => {
    assert.deepEqual(sourceKeys('UTHealth [S15], WebPT [S18][S19]; policy-rag [S4 q17, p04]; [S-web irg.urpt]'), ['S15', 'S18', 'S19', 'S4', 'S-web']);
    assert.deepEqual(sourceKeys('billing-rules §7, §7.1; billing-rules §2–§3 and billing-rules §13.8.'), [
      'billing-rules §7',
      'billing-rules §7.1',
      'billing-rules §2',
      'billing-rules §3',
      'billing-rules §13.8',
    ]);
    assert.deepEqual(sourceKeys('diagnosis [S52.571D] and [S72.002D]; CMS Pub 100-04 ch. 5 §20.2'), []);
    assert.equal(
      linkSources('NGS [S37]; billing-rules §4.3, §13.9', 'sources.md'),
      'NGS [\\[S37\\]](sources.md#s37); billing-rules [§4.3](sources.md#billing-rules-4-3), [§13.9](sources.md#billing-rules-13-9)',
    );
    assert.equal(sourceRefs('x [S4 q18] y')[0].text, '[S4 q18]');
  });

  it('docs/sources.md has one anchored entry per source, with publisher, date and what it supports', () => {
    const keys = SOURCES.map((s) => s.key);
    assert.equal(new Set(keys).size, keys.length, 'duplicate source keys');
    for (const s of SOURCES) {
      assert.ok(s.publisher && s.title && s.date && s.supports.length > 20, `${s.key}: incomplete entry`);
      const anchor = sourceRefs(s.key.startsWith('billing-rules') ? s.key : `[${s.key}]`)[0]?.anchor;
      assert.ok(anchor && ANCHORS.has(anchor), `${s.key}: no <a id="${anchor}"> in docs/sources.md`);
      for (const u of s.urls) assert.match(u, /^https?:\/\/\S+$/, `${s.key}: bad URL ${u}`);
    }
  });

  it('every key cited in the data, rule metadata, src/, docs, README, hovers and SARIF has an entry', () => {
    const known = new Set(SOURCES.map((s) => s.key));
    const texts: [string, string][] = [];
    for (const c of citers()) texts.push([`${c.group} ${c.label}`, c.text]);
    for (const f of [...walk(join(ROOT, 'src'), /\.ts$/), ...walk(join(ROOT, 'tools'), /\.ts$/)]) texts.push([relative(ROOT, f), readFileSync(f, 'utf8')]);
    for (const f of [...walk(join(ROOT, 'docs'), /\.md$/), join(ROOT, 'README.md')]) texts.push([relative(ROOT, f), readFileSync(f, 'utf8')]);
    hovers().forEach((h, i) => texts.push([`hover ${i}`, h]));
    const sarif = JSON.stringify(formatSarifLog([], '0.0.0'));
    texts.push(['SARIF rules', sarif]);
    const missing = new Set<string>();
    let cited = 0;
    for (const [where, text] of texts) {
      for (const key of sourceKeys(text)) {
        cited++;
        if (!known.has(key)) missing.add(`${key} (in ${where})`);
      }
    }
    assert.deepEqual([...missing], []);
    assert.ok(cited > 500, `only ${cited} citations found: the scan is not reading the sources`);
    // Every S-number and billing-rules section the rules and data cite is among them.
    for (const k of ['S4', 'S17', 'S28', 'S37', 'S62', 'S-web', 'billing-rules §13.2', 'billing-rules §4.3']) assert.ok(known.has(k), k);
  });

  it('every link to docs/sources.md resolves: rule pages, the page itself, hovers and SARIF help', () => {
    const broken: string[] = [];
    let links = 0;
    const check = (where: string, anchors: string[]) => {
      for (const a of anchors) {
        links++;
        if (!ANCHORS.has(a)) broken.push(`${where}: #${a}`);
      }
    };
    for (const f of walk(join(ROOT, 'docs', 'rules'), /\.md$/)) check(relative(ROOT, f), sourceLinks(readFileSync(f, 'utf8'), '../sources.md'));
    check('docs/sources.md', [...PAGE.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1]));
    hovers().forEach((h, i) => check(`hover ${i}`, sourceLinks(h, SOURCES_URL)));
    const log = formatSarifLog([], '0.0.0');
    for (const r of log.runs[0].tool.driver.rules ?? []) check(`SARIF ${r.id}`, sourceLinks(r.help?.markdown ?? '', SOURCES_URL));
    assert.deepEqual(broken, []);
    assert.ok(links > 300, `only ${links} links checked`);
  });

  it('rule pages, hovers and SARIF link each source they cite (no bare key left)', () => {
    const kx = readFileSync(join(ROOT, 'docs', 'rules', 'kx-modifier-missing.md'), 'utf8');
    assert.match(kx, /NGS \[\\\[S37\\\]\]\(\.\.\/sources\.md#s37\)/);
    assert.match(kx, /billing-rules \[§4\.3\]\(\.\.\/sources\.md#billing-rules-4-3\)/);
    const hover = codeHover('97530', '2026-06-01', { modifiers: ['GP'] }) ?? '';
    assert.match(hover, /_Source: .*\[\\\[S15\\\]\]\(https:\/\/github\.com\/claimlint\/claimlint\/blob\/main\/docs\/sources\.md#s15\)/);
    assert.match(modifierHover('KX', '2026-06-01'), /sources\.md#s\d+/);
    const rule = formatSarifLog([], '0.0.0').runs[0].tool.driver.rules?.find((r) => r.id === 'untimed-units');
    assert.match(rule?.help?.markdown ?? '', /\[\\\[S69\\\]\]\(https:\/\/\S+\/docs\/sources\.md#s69\)/);
    assert.equal(rule?.properties?.source, ALL_RULES.find((r) => r.id === 'untimed-units')?.source, 'the plain source stays for tools that read it');
  });

  describe('no dollar amount is written twice', () => {
    const amounts = new Set<number>();
    for (const k of builtinTables.kxThresholds) [k.pt_slp, k.ot, k.reviewThreshold].forEach((a) => amounts.add(a));
    for (const cf of builtinTables.conversionFactors) [cf.nonQp, cf.qp].forEach((a) => amounts.add(a));
    for (const f of builtinTables.fees) amounts.add(f.nationalAmount);

    it('every $ figure in rule metadata is an amount the data holds', () => {
      const wrong: string[] = [];
      let seen = 0;
      for (const r of ALL_RULES) {
        for (const m of `${r.description} ${r.rationale} ${r.source}`.matchAll(/\$(\d[\d,]*(?:\.\d+)?)/g)) {
          seen++;
          const n = Number(m[1].replace(/,/g, ''));
          if (!amounts.has(n)) wrong.push(`${r.id}: ${m[0]}`);
        }
      }
      assert.deepEqual(wrong, []);
      assert.ok(seen >= 4, 'the KX and review thresholds appear in the metadata, read from the data');
    });

    it('rule, docs and hover sources write no dollar figure, conversion factor or assistant rate of their own', () => {
      const files = [
        ...walk(join(ROOT, 'src', 'core', 'rules'), /\.ts$/),
        // The rules' billing helpers (formerly in the rule folders).
        ...['kx.ts', 'assistantCqCoText.ts', 'therapyModifiers.ts', 'ncci.ts'].map((f) => join(ROOT, 'src', 'core', 'billing', f)),
        ...walk(join(ROOT, 'tools', 'docgen'), /\.ts$/),
        ...walk(join(ROOT, 'src', 'service'), /\.ts$/),
        join(ROOT, 'scripts', 'gen-docs.js'),
      ];
      const found: string[] = [];
      for (const f of files) {
        // Code only: comments may explain an amount.
        const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
        for (const m of code.matchAll(/\$\d[\d,]*\.\d\d|\$\d{2,}[\d,]*|\b3[23]\.\d{4}\b|\b85 ?%|\b0\.85\b/g)) found.push(`${relative(ROOT, f)}: ${m[0]}`);
      }
      assert.deepEqual(found, []);
    });
  });
});
