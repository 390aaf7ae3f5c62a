/**
 * The labelled documentation corpus (test/doc-corpus): loads the excerpts, audits
 * each as a one-line claim through the real engine, and scores every documentation rule
 * against the labels (precision and recall). Shared by test/unit/docCorpus.test.ts and
 * `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { audit } from '../../src/core/engine';
import { TEXT_FIELDS } from '../../src/core/documentation/lexicon';

/** The rules the corpus labels: every documentation rule that reads note text. */
export const CORPUS_RULES = ['documentation-missing', 'documentation-weak', 'goal-not-measurable', 'exercise-vs-activity', 'documentation-unskilled'] as const;
export type CorpusRule = (typeof CORPUS_RULES)[number];

/** exercise-vs-activity is labelled on these codes only; elsewhere any finding is a false positive. */
const EXERCISE_ACTIVITY_CODES = ['97110', '97530'];

export interface CorpusItem {
  id: string;
  file: string;
  set: 'strong' | 'weak' | 'shorthand';
  code: string;
  minutes?: number;
  source: string;
  documentation: Record<string, string>;
  /** Per rule: the expected decision (a set of fields for documentation-weak, else yes/no). */
  expected: Record<CorpusRule, Set<string> | boolean>;
  reasons: Record<CorpusRule, string>;
}

const DISCIPLINE: Record<string, { discipline: string; modifier: string }> = {
  pt: { discipline: 'PT', modifier: 'GP' },
  ot: { discipline: 'OT', modifier: 'GO' },
  slp: { discipline: 'SLP', modifier: 'GN' },
};

/** "<decision> — <reason>" (an em dash, or " - "). */
function splitLabel(label: unknown, where: string): [string, string] {
  if (typeof label !== 'string') throw new Error(`${where}: a label is a string "<decision> — <reason>"`);
  const m = /^(.*?)\s+(?:—|-)\s+(.+)$/.exec(label.trim());
  if (!m) throw new Error(`${where}: no reason after the decision (write "<decision> — <reason>")`);
  return [m[1].trim(), m[2].trim()];
}

export function loadCorpus(root: string): CorpusItem[] {
  const dir = join(root, 'test', 'doc-corpus');
  const items: CorpusItem[] = [];
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const list = parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>[];
    for (const raw of list) {
      const id = String(raw.id);
      const where = `${file} ${id}`;
      if (ids.has(id)) throw new Error(`${where}: duplicate id`);
      ids.add(id);
      const prefix = id.split('-')[0];
      if (!DISCIPLINE[prefix]) throw new Error(`${where}: the id starts with pt-, ot- or slp-`);
      if (!['strong', 'weak', 'shorthand'].includes(String(raw.set))) throw new Error(`${where}: set is strong, weak or shorthand`);
      if (typeof raw.source !== 'string' || !raw.source.trim()) throw new Error(`${where}: no source`);
      const code = String(raw.code);
      const documentation = (raw.documentation ?? {}) as Record<string, string>;
      const labels = (raw.labels ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(labels)) if (!(CORPUS_RULES as readonly string[]).includes(key)) throw new Error(`${where}: unknown rule ${key}`);
      const expected = {} as CorpusItem['expected'];
      const reasons = {} as CorpusItem['reasons'];
      for (const rule of CORPUS_RULES) {
        const label = labels[rule];
        if (label === undefined) {
          if (rule === 'exercise-vs-activity' && !EXERCISE_ACTIVITY_CODES.includes(code)) {
            expected[rule] = false;
            reasons[rule] = 'not labelled: the rule reads 97110 and 97530 only';
            continue;
          }
          if (rule === 'goal-not-measurable' && documentation.functional_goal === undefined) {
            expected[rule] = false;
            reasons[rule] = 'not labelled: no goal written';
            continue;
          }
          throw new Error(`${where}: no label for ${rule}`);
        }
        const [decision, reason] = splitLabel(label, `${where} ${rule}`);
        reasons[rule] = reason;
        if (rule === 'documentation-weak') {
          const fields = decision === 'no' ? [] : decision.split(/\s*,\s*/);
          for (const f of fields) {
            if (!(TEXT_FIELDS as readonly string[]).includes(f)) throw new Error(`${where}: documentation-weak names ${f}, not a text field`);
            if (documentation[f] === undefined) throw new Error(`${where}: documentation-weak names ${f}, which the excerpt lacks`);
          }
          expected[rule] = new Set(fields);
        } else {
          if (decision !== 'yes' && decision !== 'no') throw new Error(`${where}: ${rule} is yes or no`);
          expected[rule] = decision === 'yes';
        }
      }
      items.push({ id, file, set: raw.set as CorpusItem['set'], code, minutes: raw.minutes as number | undefined, source: raw.source, documentation, expected, reasons });
    }
  }
  return items;
}

/** One claim per item: a plausible Medicare claim whose only line is the excerpt's. */
export function corpusClaimFile(items: CorpusItem[]): string {
  const claims = items.map((item) => {
    const d = DISCIPLINE[item.id.split('-')[0]];
    const minutes = item.minutes ?? 15;
    return {
      id: item.id,
      date_of_service: '2026-03-16',
      payer: { type: 'medicare' },
      provider: { npi: '1234567893', discipline: d.discipline },
      plan_of_care: { discipline: d.discipline, start_date: '2026-02-23', certified_date: '2026-02-27', cert_through: '2026-05-22', treatment_days_since_progress_report: 6 },
      diagnoses: ['R26.81'],
      visit: { total_timed_minutes: minutes, total_treatment_minutes: minutes },
      lines: [{ code: item.code, modifiers: [d.modifier], units: 1, minutes, diagnosis_pointers: [1], documentation: item.documentation }],
    };
  });
  return stringify({ claims }, { lineWidth: 0 });
}

export interface Decision {
  item: CorpusItem;
  expected: Set<string> | boolean;
  got: Set<string> | boolean;
}

/** Each item's decisions by the engine, per rule (fields for documentation-weak). */
export function runCorpus(items: CorpusItem[], config?: Parameters<typeof audit>[1]): Map<CorpusRule, Decision[]> {
  const { findings } = audit(corpusClaimFile(items), config);
  const got = items.map(() => new Map<CorpusRule, Set<string>>());
  for (const f of findings) {
    if (!(CORPUS_RULES as readonly string[]).includes(f.rule)) continue;
    const m = /^claims\[(\d+)\]\.lines\[0\]\.documentation(?:\.(\w+))?$/.exec(f.path ?? '');
    if (!m) throw new Error(`a ${f.rule} finding at an unexpected path: ${f.path}`);
    const bucket = got[Number(m[1])];
    const rule = f.rule as CorpusRule;
    if (!bucket.has(rule)) bucket.set(rule, new Set());
    bucket.get(rule)!.add(m[2] ?? '');
  }
  const out = new Map<CorpusRule, Decision[]>();
  for (const rule of CORPUS_RULES) {
    out.set(
      rule,
      items.map((item, i) => {
        const seen = got[i].get(rule);
        return { item, expected: item.expected[rule], got: rule === 'documentation-weak' ? new Set(seen ?? []) : !!seen };
      }),
    );
  }
  return out;
}

export interface Score {
  rule: CorpusRule;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** "id: expected … got …" for each disagreement. */
  misses: string[];
}

export function score(decisions: Map<CorpusRule, Decision[]>): Score[] {
  return CORPUS_RULES.map((rule) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const d of decisions.get(rule)!) {
      if (d.expected instanceof Set && d.got instanceof Set) {
        const both = [...d.got].filter((f) => (d.expected as Set<string>).has(f)).length;
        const extra = d.got.size - both;
        const lost = d.expected.size - both;
        tp += both;
        fp += extra;
        fn += lost;
        if (extra || lost) misses.push(`${d.item.id}: expected [${[...d.expected].join(', ')}], got [${[...d.got].join(', ')}] (${d.item.reasons[rule]})`);
      } else {
        if (d.expected && d.got) tp++;
        else if (d.got) fp++;
        else if (d.expected) fn++;
        if (d.expected !== d.got) misses.push(`${d.item.id}: expected ${d.expected ? 'a finding' : 'none'}, got ${d.got ? 'a finding' : 'none'} (${d.item.reasons[rule]})`);
      }
    }
    return { rule, tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, misses };
  });
}

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

/** The per-rule table, as `npm run bench` prints it. */
export function scoreTable(scores: Score[], items: number): string {
  const rows = [`documentation corpus: ${items} labelled excerpts`, `${'rule'.padEnd(26)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}   TP  FP  FN`];
  for (const s of scores) {
    rows.push(`${s.rule.padEnd(26)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
  }
  return rows.join('\n');
}

/** The floor both figures must reach, per rule. */
export const CORPUS_FLOOR = 0.9;
