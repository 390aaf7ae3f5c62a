/**
 * Issue 28: no documentation rule flags a field that its own rule page calls adequate.
 * Each documentation rule's page (docs/rules/<id>.md) shows short examples
 * (tools/docgen/documentationExamples.ts) and the claims of its example fixture. Here every adequate example
 * is put into a complete, strong note of its code and audited by the real engine: no
 * documentation rule may report it; every reported example must be reported by its rule.
 * The page's own YAML example is audited too: documentation findings only where its
 * `# expect` comments say.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../src/core/engine';
import { documentationRules } from '../../src/core/rules/documentation';
import { DOCUMENTATION_EXAMPLES, type DocExample } from '../../tools/docgen/documentationExamples';
import { keys, parseExpectations } from '../support/expectations';
import { ROOT } from '../support/paths';
import { claimYaml } from '../support/claims';

/** The rules that read note text (the plan-of-care date rules share the family but not the text). */
const NOTE_RULES = ['documentation-missing', 'documentation-weak', 'goal-not-measurable', 'exercise-vs-activity', 'documentation-unskilled'];

const PT = {
  justification: 'Right total knee replacement 3 weeks ago; knee flexion 92 degrees with a 10-degree quad lag; cannot rise from a standard chair without pushing up.',
  functional_goal: 'Patient will rise from an 18-inch chair without arm support 5 times within 4 weeks to use the toilet at home.',
  supervision_need: 'Quad lag and knee buckling when fatigued; needs tactile cues at the quad and correction of hip hiking.',
  assistance_level: 'supervision',
};
/** A complete, strong note per code (the example replaces one field or leaves some out). */
const BASE: Record<string, Record<string, string>> = {
  '97110': { ...PT, intervention: 'Short-arc quads 3 x 10 with 2 lb cuff weight, straight-leg raises 3 x 10, heel slides 2 x 15.' },
  '97112': { ...PT, intervention: 'Tandem stance on foam 4 x 30 seconds, lateral perturbations 3 x 10 with feedback on ankle strategy.' },
  '97116': { ...PT, intervention: 'Gait with a cane 100 ft x 3 with verbal cues for heel strike and equal step length.' },
  '97140': { ...PT, intervention: 'Grade III tibiofemoral anterior glides 3 bouts of 60 seconds and patellar mobilization; flexion 98 degrees after.' },
  '97530': { ...PT, intervention: 'Sit-to-stand from an 18-inch chair 3 x 8 with cues for weight shift, stand-pivot transfers x 4, toilet transfers x 3.' },
  '97535': {
    justification: 'Left hemiparesis after stroke with impaired sequencing; needs moderate assistance to dress the upper body.',
    functional_goal: 'Patient will dress the upper body with set-up only within 4 weeks to dress for church.',
    supervision_need: 'Left neglect and poor sequencing; needs verbal and tactile cues to attend to the left side.',
    intervention: 'Upper-body dressing training with hemi-dressing technique, 3 trials; cues reduced from 6 to 3 per trial.',
    assistance_level: 'mod',
  },
  '97129': {
    justification: 'Brain injury with impaired working memory; MoCA 21/30 and missed 3 medication doses last week.',
    functional_goal: 'Patient will fill a weekly pill organizer without errors in 3 sessions within 6 weeks to manage medications.',
    supervision_need: 'Impaired attention; needs cues to use a checklist and check each compartment.',
    intervention: 'Pill organizer set-up with a written checklist 2 trials, errors reduced from 4 to 1; taught a self-check strategy.',
  },
  '92507': {
    justification: 'Moderate aphasia after a left-hemisphere stroke; WAB-R aphasia quotient 58; cannot tell his wife what he needs.',
    functional_goal: 'Patient will name 8 of 10 household objects to tell family what he needs within 6 weeks.',
    intervention: 'Semantic feature analysis for 15 nouns, 70% accuracy with phonemic cues; scripted requests for help practised 5 times.',
  },
  '92526': {
    justification: 'Oropharyngeal dysphagia after stroke with penetration on thin liquids (PAS 5); on mildly thick liquids.',
    functional_goal: 'Patient will drink thin liquids by cup with a chin tuck with no signs of aspiration in 9 of 10 trials within 4 weeks.',
    intervention: 'Effortful swallow 3 x 10 and chin-tuck trials with thin liquid 20 trials, 16 of 20 without cough.',
  },
};
const DISCIPLINE = (code: string) => (code.startsWith('92') || code === '97129' ? ['SLP', 'GN'] : code === '97535' ? ['OT', 'GO'] : ['PT', 'GP']);

function claimWith(e: DocExample): string {
  const base = BASE[e.code];
  assert.ok(base, `no complete note for ${e.code} in this test`);
  const documentation: Record<string, string> = { ...base };
  for (const f of e.omit ?? []) delete documentation[f];
  if (e.field !== undefined) documentation[e.field] = e.text ?? '';
  const [discipline, modifier] = DISCIPLINE(e.code) as ['PT' | 'OT' | 'SLP', string];
  const note = Object.fromEntries(Object.entries(documentation).map(([k, v]) => [k, JSON.stringify(v)]));
  return claimYaml({
    id: 'EXAMPLE',
    date: '2026-03-16',
    discipline,
    plan: { start: '2026-02-23', certified: '2026-02-27', through: '2026-05-22', daysSinceProgressReport: 6 },
    diagnoses: ['R26.81'],
    visit: { timed: 15, treatment: 15 },
    lines: [{ code: e.code, modifiers: [modifier], units: 1, minutes: 15, diagnosisPointers: [1], documentation: note }],
  });
}

const noteFindings = (text: string) => audit(text).findings.filter((f) => NOTE_RULES.includes(f.rule));
const show = (e: DocExample) => `${e.code} ${e.field ?? ''} ${JSON.stringify(e.text ?? '')} ${e.omit ? `without ${e.omit.join(', ')}` : ''}`;

describe("documentation rules agree with their own pages' examples", () => {
  it('every base note of this test is clean', () => {
    for (const code of Object.keys(BASE)) assert.deepEqual(noteFindings(claimWith({ code })).map((f) => `${f.rule} ${f.path}`), [], code);
  });

  for (const rule of documentationRules.filter((r) => NOTE_RULES.includes(r.id))) {
    describe(rule.id, () => {
      it('has examples on its page, adequate and reported', () => {
        assert.ok(DOCUMENTATION_EXAMPLES[rule.id] && DOCUMENTATION_EXAMPLES[rule.id].adequate.length >= 3 && DOCUMENTATION_EXAMPLES[rule.id].reported.length >= 3, `${rule.id}: examples`);
        const page = readFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
        for (const e of [...DOCUMENTATION_EXAMPLES[rule.id]!.adequate, ...DOCUMENTATION_EXAMPLES[rule.id]!.reported]) if (e.text) assert.ok(page.includes(e.text), `${rule.id}: the page shows "${e.text}"`);
      });

      it('no documentation rule reports an example its page calls adequate', () => {
        for (const e of DOCUMENTATION_EXAMPLES[rule.id]?.adequate ?? []) {
          assert.deepEqual(noteFindings(claimWith(e)).map((f) => `${f.rule} ${f.path}: ${f.message}`), [], show(e));
        }
      });

      it('reports every example its page says it reports', () => {
        for (const e of DOCUMENTATION_EXAMPLES[rule.id]?.reported ?? []) {
          const found = noteFindings(claimWith(e)).filter((f) => f.rule === rule.id);
          const where = e.field && rule.id !== 'documentation-missing' ? `claims[0].lines[0].documentation.${e.field}` : 'claims[0].lines[0].documentation';
          assert.ok(found.some((f) => f.path === where), `${show(e)}: expected ${rule.id} at ${where}`);
        }
      });

      it("the page's YAML example has documentation findings exactly where its # expect comments say", () => {
        const page = readFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
        const m = /## Example that fails[\s\S]*?```yaml\n([\s\S]*?)\n```/.exec(page);
        assert.ok(m, `${rule.id}: the page has a YAML example`);
        const yaml = m![1];
        const expected = parseExpectations(yaml).filter((x) => NOTE_RULES.includes(x.rule));
        const got = audit(yaml).findings.filter((f) => NOTE_RULES.includes(f.rule)).map((f) => ({ line: f.range.start.line, rule: f.rule }));
        assert.deepEqual(keys(got), keys(expected));
      });
    });
  }
});
