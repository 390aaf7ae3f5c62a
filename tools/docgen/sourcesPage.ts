/**
 * docs/sources.md: every source of claimlint's billing facts, with an anchor per key, and
 * for each what in claimlint cites it — read from the data tables and rule metadata, so the
 * page cannot drift from them. Pure: scripts/gen-docs.js writes it, the drift test compares.
 */
import { ALL_RULES, builtinTables as tables, linkSources, sourceAnchor, sourceKeys, therapyStatus, type Rule } from '../../src/core';
import { KIND_HEADING, SOURCES, type SourceKind } from './sources';

/** Something in claimlint that cites sources: a rule, a code, a table row. */
export interface Citer {
  /** The group it is listed under on the page ("Rules", "Codes", "MUEs" …). */
  group: string;
  /** How it is named there (markdown). */
  label: string;
  /** The citation text whose keys it cites. */
  text: string;
  /** A qualifier merged per label on the page, e.g. the year of a fee: "97110 (2025, 2026)". */
  detail?: string;
}

const money = (n: number): string => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Every citing thing in the built-in data and the rules. */
export function citers(rules: readonly Rule[] = ALL_RULES): Citer[] {
  const out: Citer[] = [];
  for (const r of rules) out.push({ group: 'Rules', label: `[\`${r.id}\`](rules/${r.id}.md)`, text: `${r.description} ${r.rationale} ${r.source}` });
  for (const c of tables.codes) {
    out.push({ group: 'Codes (catalogue entry)', label: c.code, text: c.source });
    const status = therapyStatus(c.code);
    if (status) out.push({ group: 'Codes (always/sometimes therapy status)', label: c.code, text: status.source });
  }
  for (const m of tables.modifiers) out.push({ group: 'Modifiers', label: m.modifier, text: m.source });
  for (const f of tables.fees) out.push({ group: 'Fees (RVUs)', label: f.code, detail: f.from.slice(0, 4), text: f.source });
  for (const cf of tables.conversionFactors) out.push({ group: 'Conversion factors', label: `${money(cf.nonQp)} from ${cf.from}`, text: cf.source });
  for (const k of tables.kxThresholds) {
    out.push({ group: 'KX thresholds', label: `${k.from.slice(0, 4)}: ${money(k.pt_slp)}, review ${money(k.reviewThreshold)}`, text: k.source });
  }
  for (const p of tables.ncciPairs) out.push({ group: 'NCCI pairs', label: `${p.column1}/${p.column2}`, text: p.source });
  for (const g of tables.sameDayExclusiveGroups) out.push({ group: 'NCCI same-day groups', label: g.id, text: g.source });
  for (const m of tables.mues) out.push({ group: 'MUEs', label: m.code, text: m.source });
  for (const a of tables.assistantDifferentials) {
    out.push({ group: 'Assistant (CQ/CO) rate', label: `${pct(a.rate)} from ${a.from}, de minimis ${pct(a.deMinimis)}`, text: a.source });
  }
  return out;
}

/** S-numbers in numeric order, sections in section order. */
function keyOrder(key: string): number {
  const m = /(\d+)(?:\.(\d+))?/.exec(key);
  return m ? Number(m[1]) * 100 + Number(m[2] ?? 0) : 0;
}

const KIND_ORDER: SourceKind[] = ['cms', 'association', 'secondary', 'web', 'repository', 'billing-rules'];

export function sourcesPage(all: Citer[] = citers()): string {
  // key → group → label → details
  const citedBy = new Map<string, Map<string, Map<string, Set<string>>>>();
  for (const c of all) {
    for (const key of sourceKeys(c.text)) {
      const groups = citedBy.get(key) ?? new Map<string, Map<string, Set<string>>>();
      const labels = groups.get(c.group) ?? new Map<string, Set<string>>();
      const details = labels.get(c.label) ?? new Set<string>();
      if (c.detail) details.add(c.detail);
      labels.set(c.label, details);
      groups.set(c.group, labels);
      citedBy.set(key, groups);
    }
  }
  const out: string[] = [
    '# Sources',
    '',
    'Generated from `tools/docgen/sources.ts`, the data tables and the rule metadata by `npm run gen:docs`.',
    '',
    "Every source key that claimlint's data, rule pages, hovers and SARIF output cite has an entry here:",
    '',
    '- **[S1] … [S74]** are the sources of claimlint\'s billing-rules reference, the research report its data was built from;',
    '  a qualifier after the number points into the source (`[S4 q18]` is question 18 of S4).',
    '- **[S-web …]** names one of the low-weight web pages listed under one entry.',
    '- **billing-rules §N** is a section of that reference; §13 ("Corrections, 2026-11") overrides the earlier sections.',
    '',
    'Confidence tags in citations: confirmed (a CMS or MAC page, or two independent sources, one quoting CMS), secondary source,',
    'derived (worked out from confirmed rules), unconfirmed. The CMS primary files (manuals, PTP and MUE tables, RVU file) could',
    'not be opened when the reference was written; load them with `claimlint data import` (see the README) to replace the',
    'built-in tables. Amounts are national and unadjusted.',
    '',
  ];
  for (const kind of KIND_ORDER) {
    const entries = SOURCES.filter((s) => s.kind === kind).sort((a, b) => keyOrder(a.key) - keyOrder(b.key));
    if (!entries.length) continue;
    out.push(`## ${KIND_HEADING[kind]}`, '');
    for (const s of entries) {
      const label = kind === 'billing-rules' ? s.key : `[${s.key}]`;
      out.push(`<a id="${sourceAnchor(s.key)}"></a>`, '', `### ${label} ${s.title}`, '');
      out.push(`- **Publisher:** ${s.publisher}`);
      out.push(`- **Date:** ${s.date}`);
      if (s.urls.length === 1) out.push(`- **URL:** <${s.urls[0]}>`);
      else if (s.urls.length > 1) out.push('- **URLs:**', ...s.urls.map((u) => `  - <${u}>`));
      out.push(`- **Supports:** ${linkSources(s.supports, '')}`);
      if (s.basedOn) out.push(`- **Based on:** ${linkSources(s.basedOn, '')}`);
      const groups = citedBy.get(s.key);
      if (groups?.size) {
        out.push('- **Cited by:**');
        for (const [group, labels] of groups) {
          const named = [...labels].map(([label, details]) => (details.size ? `${label} (${[...details].sort().join(', ')})` : label));
          out.push(`  - ${group}: ${named.join(', ')}`);
        }
      } else {
        out.push('- **Cited by:** no data entry or rule directly; background for the sections that cite it.');
      }
      out.push('');
    }
  }
  return out.join('\n');
}
