/**
 * The documentation and plan-of-care rules through the engine: their quick fixes (exact
 * text), their options, and that no message carries note text or patient values.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { resolveConfig, type Config } from '../../src/core/config/schema';
import { applyFixes, audit, fixAll } from '../../src/core/engine';
import type { LocatedFinding } from '../../src/core/types';
import { FIXTURES } from '../support/paths';

const MINE = ['documentation-missing', 'documentation-weak', 'goal-not-measurable', 'exercise-vs-activity', 'certification-late', 'certification-expired', 'progress-report-due'];

const HEAD = `claims:
  - id: CLM-UNIT-1
    date_of_service: 2026-03-16
    payer: { type: medicare }
    provider: { npi: "1234567893", discipline: PT }
    plan_of_care: { discipline: PT, start_date: 2026-02-23, certified_date: 2026-02-27, cert_through: 2026-05-22 }
    lines:
`;

const STRONG_DOC = `        documentation:
          justification: Right TKA 4 weeks ago with knee flexion limited to 95 degrees and a 10-degree quad lag.
          functional_goal: Patient will climb 12 stairs reciprocally with one rail within 4 weeks to reach the bedroom.
          supervision_need: Knee buckling on fatigue; needs tactile cues to stop hip-hiking compensation.
          intervention: Supine SLR 3 x 10 with 2 lb cuff weight, quad sets 2 x 15, heel slides 3 x 10.
          assistance_level: supervision
`;

function mine(text: string, config?: Config): LocatedFinding[] {
  return audit(text, config ? { config: resolveConfig(config) } : {}).findings.filter((f) => MINE.includes(f.rule));
}

function summary(fs: LocatedFinding[]): string[] {
  return fs.map((f) => `${f.range.start.line + 1}:${f.rule}`);
}

/** Apply the one fix of the finding with this rule (and path, when given). */
function applyOnly(text: string, rule: string, path?: string): string {
  const f = audit(text).findings.find((x) => x.rule === rule && (!path || x.path === path));
  assert.ok(f, `no ${rule} finding`);
  assert.equal(f.fixes.length, 1);
  assert.ok(!f.fixes[0].preferred, 'fix must not be preferred');
  return applyFixes(text, [f], (x) => x.fixes[0]).text;
}

describe('documentation rules through the engine', () => {
  describe('documentation-missing placeholders', () => {
    it('creates the documentation mapping on a block line, before the next line, keeping comments', () => {
      const text =
        HEAD +
        `      - code: "97530"  # therapist's line
        modifiers: [GP]
        units: 1
        minutes: 15
      # the next line
      - code: "97110"
        modifiers: [GP]
        units: 1
        minutes: 15
${STRONG_DOC}`;
      const fixed = applyOnly(text, 'documentation-missing', 'claims[0].lines[0].documentation');
      assert.equal(
        fixed,
        HEAD +
          `      - code: "97530"  # therapist's line
        modifiers: [GP]
        units: 1
        minutes: 15
        documentation:
          justification: "TODO: why skilled one-on-one care was needed"
          functional_goal: "TODO: measurable functional goal with a timeframe"
          supervision_need: "TODO: why the patient could not do this safely alone"
          intervention: "TODO: what exactly was done (tasks, sets, reps, cues)"
      # the next line
      - code: "97110"
        modifiers: [GP]
        units: 1
        minutes: 15
${STRONG_DOC}`,
      );
      // The placeholders are weak, the assistance level is still missing, and nothing else fires.
      assert.deepEqual(summary(mine(fixed)), ['12:documentation-missing', '13:documentation-weak', '14:documentation-weak', '15:documentation-weak', '16:documentation-weak']);
      assert.match(mine(fixed)[0].message, /lacks assistance_level/);
    });

    it('adds missing keys at the end of an existing mapping', () => {
      const text =
        HEAD +
        `      - code: "97110"
        modifiers: [GP]
        units: 2
        minutes: 30
        documentation:
          justification: Right TKA 4 weeks ago with knee flexion limited to 95 degrees and a 10-degree quad lag.
          intervention: Supine SLR 3 x 10 with 2 lb cuff weight, quad sets 2 x 15, heel slides 3 x 10.  # dose from the log
          assistance_level: supervision
`;
      const fixed = applyOnly(text, 'documentation-missing');
      assert.equal(
        fixed,
        text +
          `          functional_goal: "TODO: measurable functional goal with a timeframe"
          supervision_need: "TODO: why the patient could not do this safely alone"
`,
      );
      assert.deepEqual(summary(mine(fixed)), ['16:documentation-weak', '17:documentation-weak']);
    });

    it('writes flow style into a flow line', () => {
      const text = HEAD + `      - { code: "97116", modifiers: [GP], units: 0, minutes: 5 }\n`;
      const fixed = applyOnly(text, 'documentation-missing');
      assert.equal(
        fixed,
        HEAD +
          `      - { code: "97116", modifiers: [GP], units: 0, minutes: 5, documentation: { justification: "TODO: why skilled one-on-one care was needed", ` +
          `functional_goal: "TODO: measurable functional goal with a timeframe", supervision_need: "TODO: why the patient could not do this safely alone", ` +
          `intervention: "TODO: what exactly was done (tasks, sets, reps, cues)" } }\n`,
      );
      assert.equal(mine(fixed).filter((f) => f.rule === 'documentation-weak').length, 4);
    });

    it('fills an empty flow mapping', () => {
      const text = HEAD + `      - code: "97150"\n        modifiers: [GP]\n        units: 1\n        documentation: {}\n`;
      const fixed = applyOnly(text, 'documentation-missing');
      assert.equal(
        fixed,
        text.replace('{}', '{ justification: "TODO: why skilled care was needed", intervention: "TODO: what exactly was done (tasks, sets, reps, cues)" }'),
      );
      assert.deepEqual(summary(mine(fixed)), ['11:documentation-weak', '11:documentation-weak']);
    });

        it('is never applied by fix-all: it adds text a person must write', () => {
      const text = HEAD + `      - code: "97150"\n        modifiers: [GP]\n        units: 1\n`;
      assert.equal(fixAll(text).text, text);
    });

    it('offers no fix when only the assistance level is missing', () => {
      const text = HEAD + `      - code: "97110"\n        modifiers: [GP]\n        units: 2\n        minutes: 30\n` + STRONG_DOC.replace(/ *assistance_level.*\n/, '');
      const [f] = mine(text);
      assert.equal(f.rule, 'documentation-missing');
      assert.deepEqual(f.fixes, []);
    });

    it('takes its field lists from the options', () => {
      const text = HEAD + `      - code: "92507"\n        modifiers: [GN]\n        units: 1\n        documentation:\n          justification: Moderate expressive aphasia after CVA with word-finding deficits; cannot convey needs by phone.\n          intervention: Semantic feature analysis for 20 household items, 16 of 20 named with cues.\n`;
      assert.deepEqual(mine(text), []);
      const found = mine(text, { rules: { 'documentation-missing': { options: { byCode: { '92507': ['justification', 'functional_goal', 'intervention'] } } } } });
      assert.equal(found.length, 1);
      assert.match(found[0].message, /^Service line 1 \(92507\): documentation lacks functional_goal: the code is billed per session/);
    });
  });

  describe('exercise-vs-activity', () => {
    const line = (code: string, intervention: string) =>
      HEAD + `      - code: ${code}\n        modifiers: [GP]\n        units: 2\n        minutes: 30\n` + STRONG_DOC.replace(/intervention: .*/, `intervention: ${intervention}`);

    it('offers the other code, replacing only the code value', () => {
      const text = line('97530', 'Bicep curls 3 x 10 with 3 lb dumbbells, straight-leg raises 3 x 10.');
      const fixed = applyOnly(text, 'exercise-vs-activity');
      assert.equal(fixed, text.replace('code: 97530', 'code: "97110"'));
      assert.deepEqual(mine(fixed), []);
      assert.equal(fixAll(text).text, text, 'never applied by fix-all');
    });

    it('names the cues it saw and, for a dominated mix, the ones outweighed', () => {
      const [f] = mine(line('"97530"', 'SLR 3 x 10, quad sets 2 x 15, heel slides 3 x 10, bridges 3 x 12, then sit-to-stand x 5.'));
      assert.equal(f.message, 'Service line 1 (97530): documentation.intervention describes isolated exercise (straight-leg raises, quad or glute sets, heel slides and bridges; outweighing sit-to-stand), but the code is 97530 (therapeutic activities); isolated exercise is 97110 (therapeutic exercise).');
    });

    it('follows its dominance options', () => {
      const text = line('"97110"', 'Stand-pivot transfers bed to chair x 6 with hand-placement cues.');
      assert.equal(mine(text).length, 1);
      assert.deepEqual(mine(text, { rules: { 'exercise-vs-activity': { options: { minCuesAlone: 2 } } } }), []);
    });
  });

  describe('documentation-weak options', () => {
    const text = HEAD + `      - code: "97110"\n        modifiers: [GP]\n        units: 2\n        minutes: 30\n` + STRONG_DOC.replace(/supervision_need: .*/, 'supervision_need: Needs cues for form as discussed with the patient today.');

    it('uses the configured boilerplate list and minimum word counts', () => {
      assert.deepEqual(mine(text), []);
      const custom = mine(text, { rules: { 'documentation-weak': { options: { boilerplate: [{ label: 'a discussion note', pattern: 'as discussed.*' }] } } } });
      assert.equal(custom.length, 1);
      assert.match(custom[0].message, /mostly boilerplate \(a discussion note\) with 4 other words/);
      const longer = mine(text, { rules: { 'documentation-weak': { options: { minWords: { intervention: 30 } } } } });
      assert.match(longer[0].message, /intervention is weak: it has too few words \(\d+; at least 30 expected\)/);
    });
  });

  describe('plan-of-care options', () => {
    const claim = (poc: string, payer = 'medicare') =>
      HEAD.replace(/plan_of_care: .*/, `plan_of_care: { discipline: PT, ${poc} }`).replace('{ type: medicare }', `{ type: ${payer} }`) +
      `      - code: "97110"\n        modifiers: [GP]\n        units: 2\n        minutes: 30\n` +
      STRONG_DOC;

    it('progress-report-due: dueAt and payerTypes', () => {
      const ten = claim('start_date: 2026-02-23, certified_date: 2026-02-27, cert_through: 2026-05-22, treatment_days_since_progress_report: 10');
      assert.deepEqual(summary(mine(ten)), ['6:progress-report-due']);
      assert.deepEqual(mine(ten, { rules: { 'progress-report-due': { options: { dueAt: 11 } } } }), []);
      const commercial = claim('start_date: 2026-02-23, treatment_days_since_progress_report: 12', 'commercial');
      assert.deepEqual(mine(commercial), []);
      assert.deepEqual(summary(mine(commercial, { rules: { 'progress-report-due': { options: { payerTypes: ['medicare', 'commercial'] } } } })), ['6:progress-report-due']);
    });

    it('certification-late: the 30-day window is an option', () => {
      const late = claim('start_date: 2026-01-05, certified_date: 2026-02-19, cert_through: 2026-04-04');
      assert.deepEqual(summary(mine(late)), ['6:certification-late']);
      assert.deepEqual(mine(late, { rules: { 'certification-late': { options: { certifyWithinDays: 60 } } } }), []);
    });

    it('certification-expired: the 90-day maximum is an option', () => {
      const long = claim('start_date: 2026-01-05, certified_date: 2026-01-08, cert_through: 2026-05-01').replace('2026-03-16', '2026-04-13');
      assert.deepEqual(summary(mine(long)), ['3:certification-expired']);
      assert.deepEqual(mine(long, { rules: { 'certification-expired': { options: { maxPeriodDays: 120 } } } }), []);
    });

    it('a rule turned off in the config says nothing', () => {
      const late = claim('start_date: 2026-01-05, certified_date: 2026-02-19, cert_through: 2026-04-04');
      assert.deepEqual(mine(late, { rules: { 'certification-late': 'off' } }), []);
    });
  });

  describe('messages', () => {
    const root = join(FIXTURES, 'rules');
    const files = MINE.flatMap((id) => {
      try {
        return readdirSync(join(root, id)).filter((f) => f.endsWith('.claim.yaml')).map((f) => join(root, id, f));
      } catch {
        return [];
      }
    });

    /** Patient values and runs of four words of note text, from every claim of a file. */
    function forbidden(text: string): { values: string[]; runs: string[] } {
      const values: string[] = [];
      const runs: string[] = [];
      for (const doc of parseAllDocuments(text)) {
        const js = (doc as { toJS(): unknown }).toJS() as { claims?: Record<string, unknown>[] };
        for (const c of js.claims ?? []) {
          const claim = c as { id: string; date_of_service: string; patient?: { id?: string }; provider?: { npi?: string }; diagnoses?: string[]; lines: { documentation?: Record<string, string> }[] };
          values.push(String(claim.id), String(claim.date_of_service), ...(claim.diagnoses ?? []));
          if (claim.patient?.id) values.push(claim.patient.id);
          if (claim.provider?.npi) values.push(String(claim.provider.npi));
          for (const l of claim.lines) {
            for (const [key, v] of Object.entries(l.documentation ?? {})) {
              if (key === 'assistance_level') continue;
              const words = String(v).toLowerCase().split(/\s+/).filter(Boolean);
              for (let i = 0; i + 4 <= words.length; i++) runs.push(words.slice(i, i + 4).join(' '));
            }
          }
        }
      }
      return { values, runs };
    }

    it('name fields, codes, numbers and cues, never note text or patient values', () => {
      assert.ok(files.length >= 7, 'fixtures of every rule');
      let checked = 0;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const { values, runs } = forbidden(text);
        for (const f of mine(text)) {
          const m = f.message.toLowerCase();
          for (const v of values) assert.ok(!m.includes(v.toLowerCase()), `${file}: "${f.message}" contains a patient value`);
          for (const r of runs) assert.ok(!m.includes(r), `${file}: "${f.message}" quotes the note ("${r}")`);
          checked++;
        }
      }
      assert.ok(checked >= 30, `only ${checked} findings checked`);
    });
  });
});
