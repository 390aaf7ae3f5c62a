/**
 * The documentation heuristics on their own: phrase matching, field strength, goal cues,
 * exercise-vs-activity reading, plan-of-care date reading and the hover guidance.
 */
import assert from 'node:assert/strict';
import { codeInfo } from '../../src/core/data';
import { daysBetween, readCertification, CERTIFICATION_DEFAULTS } from '../../src/core/documentation/certification';
import { EXERCISE_ACTIVITY_DEFAULTS, readIntervention } from '../../src/core/documentation/exerciseActivity';
import { GOAL_DEFAULTS, goalGaps } from '../../src/core/documentation/goal';
import { fieldGuidance, type GuidanceField } from '../../src/core/documentation/guidance';
import { TEXT_FIELDS } from '../../src/core/documentation/lexicon';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cues, hasAny, matchedLabels, rareLabels, topLevelBranches, without, wordCount, type PhraseSpec } from '../../src/core/documentation/phrases';
import { placeholderFor, REQUIREMENT_DEFAULTS, requiredFields, type DocField } from '../../src/core/documentation/requirements';
import { isPlaceholder, STRENGTH_DEFAULTS, weaknesses } from '../../src/core/documentation/strength';
import type { Claim } from '../../src/core/model/claim';
import { resolveConfig } from '../../src/core/config/schema';
import { appliesToPayer } from '../../src/core/rules/applies';
import { certificationExpired } from '../../src/core/rules/documentation/certificationExpired';
import { certificationLate } from '../../src/core/rules/documentation/certificationLate';

const weak = (field: (typeof TEXT_FIELDS)[number], text: string) => weaknesses(field, text, STRENGTH_DEFAULTS);

describe('documentation heuristics', () => {
  describe('phrases', () => {
    it('plain phrases match whole words, across spaces or hyphens, in any case', () => {
      const list = cues(['sit to stand', 'SLR']);
      assert.deepEqual(matchedLabels('Sit-to-stand x5', list), ['sit to stand']);
      assert.deepEqual(matchedLabels('slr 3x10', list), ['SLR']);
      assert.deepEqual(matchedLabels('SLRS and sit-to-standing', list), []);
    });

    it('labelled patterns are regular expressions; a broken one is skipped, not fatal', () => {
      const list = cues([{ label: 'reps', pattern: '\\d+\\s*x\\s*\\d+' }, { label: 'bad', pattern: '(' }]);
      assert.equal(list.length, 1);
      assert.deepEqual(matchedLabels('3 x 10', list), ['reps']);
    });

    it('hasAny and rareLabels read a list in one scan as cue by cue, back references included', () => {
      // "reps" has a group of its own before "doubled": in a plain union, \1 would name it.
      const list = cues(['tolerated well', { label: 'reps', pattern: '(\\d+)\\s*x\\s*\\d+' }, { label: 'doubled', pattern: '\\b(\\w+) \\1\\b' }, 'SLR']);
      assert.equal(list.length, 4);
      for (const [text, labels] of [
        ['Pt tolerated-well today', ['tolerated well']],
        ['said the the same', ['doubled']],
        ['SLR 3x10', ['reps', 'SLR']],
        ['the then 3 by 10', []],
        ['tolerated', []],
      ] as const) {
        assert.equal(hasAny(text, list), labels.length > 0, text);
        assert.deepEqual(rareLabels(text, list), labels, text);
        assert.deepEqual(matchedLabels(text, list), labels, text);
      }
      // A second call reads the same union again (no lastIndex left over from a global regex).
      assert.equal(hasAny('SLR', list), true);
      assert.equal(hasAny('SLR', list), true);
      const plain = cues(['tolerated well', 'SLR', 'continue POC']);
      assert.equal(hasAny('continue   poc', plain), true);
      assert.equal(hasAny('continued poc', plain), false);
      assert.deepEqual(rareLabels('SLR, tolerated well', plain), ['tolerated well', 'SLR']);
      assert.equal(without('SLR x10, tolerated well', plain), '  x10,  ');
      assert.equal(without('bridges x10', plain), 'bridges x10');
    });

    it('splits a regex source into its top-level alternatives, opening a group that is a whole alternative', () => {
      assert.deepEqual(topLevelBranches('a|(b|c)d|[|(]|\\|x'), ['a', '(b|c)d', '[|(]', '\\|x']);
      assert.deepEqual(topLevelBranches('(?:\\ba|\\bb)|(\\bc|d)|(?:e)?|(?<!f\\s)\\bg|(?=h|i)'), ['\\ba', '\\bb', '\\bc', 'd', '(?:e)?', '(?<!f\\s)\\bg', '(?=h|i)']);
      assert.deepEqual(topLevelBranches('[]|]|[^]|x'), ['[]', ']', '[^]', 'x']);
      assert.deepEqual(topLevelBranches(''), ['']);
    });

    it('a list matches a text exactly when one of its cues does (every shipped list, 3,000 texts made of its own words)', () => {
      const dir = join(__dirname, '../../src/core/documentation');
      const lists: PhraseSpec[][] = [];
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.words.json'))) {
        for (const entry of Object.values(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, { value?: unknown }>)) {
          if (Array.isArray(entry.value) && entry.value.some((v) => typeof v === 'object')) lists.push(entry.value as PhraseSpec[]);
        }
      }
      assert.ok(lists.length >= 15, `${lists.length} lists`);
      let seed = 11;
      const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
      let matched = 0;
      let checked = 0;
      for (const specs of lists) {
        const list = cues(specs);
        const words = [...new Set(list.flatMap((c) => c.re.source.match(/[a-z]{2,}/g) ?? []))];
        const glue = [' ', ' ', ' ', '-', ', ', '. ', '/', ' 3 ', ' 10x', '%', ' of ', ' with ', ''];
        for (let t = 0; t < 200; t++) {
          const text = Array.from({ length: 1 + next(12) }, () => words[next(words.length)] + glue[next(glue.length)]).join('');
          const anyCue = list.some((c) => {
            c.re.lastIndex = 0;
            return c.re.test(text);
          });
          assert.equal(hasAny(text, list), anyCue, text);
          matched += anyCue ? 1 : 0;
          checked++;
        }
      }
      // Both answers are exercised.
      assert.ok(matched > checked / 4 && matched < checked, `${matched} of ${checked}`);
    });

    it('counts "3x10", "sit-to-stand" and "2#" as one word each', () => {
      assert.equal(wordCount('Sit-to-stand 3x10 with 2# cuff'), 5);
      assert.equal(wordCount('  '), 0);
    });

    it('counts up to a limit exactly as far as a full count goes (random texts of words, joiners and non-ASCII letters)', () => {
      const pieces = ['a', 'Sit', '3x10', '2#', 'é', 'Ω', '𝒜', '-', '.', "'", '’', '/', ' ', '  ', ',', '\n', 'to', '--'];
      let seed = 7;
      const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
      for (let t = 0; t < 2000; t++) {
        const text = Array.from({ length: next(30) }, () => pieces[next(pieces.length)]).join('');
        const full = text.match(/[\p{L}\p{N}]+(?:['’./-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
        assert.equal(wordCount(text), full, text);
        for (const limit of [0, 1, 3, 8]) assert.equal(wordCount(text, limit), Math.min(full, limit), `${limit}: ${text}`);
      }
    });
  });

  describe('field strength', () => {
    it('a placeholder is reported alone, whatever else the field lacks', () => {
      assert.deepEqual(weak('intervention', 'TODO: what exactly was done'), ['is a placeholder still to be written (TODO or template text)']);
      assert.equal(weak('equipment', '[insert equipment]').length, 1);
    });

    it('boilerplate counts only when too little is left without it', () => {
      assert.match(weak('intervention', 'Tolerated well.')[0], /mostly boilerplate \(a tolerance statement\) with 0 other words/);
      assert.deepEqual(weak('intervention', 'Tandem stance on foam 4 x 30 seconds, single-leg stance 5 x 10 seconds. Tolerated treatment well.'), []);
    });

    it('names each missing cue of the field', () => {
      assert.deepEqual(weak('intervention', 'Gait training with walker on level surfaces, focusing on posture.'), [
        'has no specifics (no sets, reps, distance, load, trials or named task (the billed minutes and the code\'s name do not count))',
      ]);
      assert.deepEqual(weak('supervision_need', 'Patient likes to have the therapist there during the session.'), [
        'gives no risk, safety, cueing or monitoring reason',
      ]);
      // "would benefit from skilled …" is boilerplate, as "requires skilled …" is (issue 28 cluster 5).
      assert.deepEqual(weak('justification', 'Patient would benefit from continued skilled physical therapy services.'), [
        'is mostly boilerplate (a bare claim of skilled need) with 1 other word',
        'names no limitation, deficit, condition or risk',
      ]);
      assert.deepEqual(weak('justification', 'Needs PT.'), ['has too few words (2; at least 8 expected)', 'names no limitation, deficit, condition or risk']);
    });

    it('an empty string is not weak but missing (documentation-missing reports it); "none" is a fine equipment entry', () => {
      assert.deepEqual(weak('supervision_need', '  '), []);
      assert.deepEqual(weak('justification', ''), []);
      assert.deepEqual(weak('equipment', 'none'), []);
    });

    it('minimum word counts come from the options, per field', () => {
      const opts = { ...STRENGTH_DEFAULTS, minWords: { intervention: 2 } };
      assert.deepEqual(weaknesses('intervention', 'SLR 3x10', opts), []);
      assert.equal(weaknesses('intervention', 'SLR 3x10', STRENGTH_DEFAULTS).length, 1);
      // Fields not named keep their defaults.
      assert.equal(weaknesses('justification', 'Knee pain.', opts).length, 1);
    });
  });

  describe('goals', () => {
    const gaps = (t: string) => goalGaps(t, GOAL_DEFAULTS);

    it('a strong goal has a target, a timeframe and a functional tie', () => {
      assert.deepEqual(gaps('Patient will climb 12 stairs with one rail within 4 weeks to reach the bedroom.'), []);
      assert.deepEqual(gaps('Pt will be I with LB dressing using AE in 4 wks.'), []);
      assert.deepEqual(gaps('Transfer bed to wheelchair with minimal assistance by discharge.'), []);
      assert.deepEqual(gaps('Tolerate thin liquids with no s/s of aspiration x 2 weeks.'), []);
    });

    it('the number of a timeframe is not a measurable target', () => {
      assert.deepEqual(gaps('Patient will walk better within 4 weeks.'), ['target']);
    });

    it('names what is missing: target, timeframe, functional tie', () => {
      assert.deepEqual(gaps('Increase knee flexion to 110 degrees within 4 weeks.'), ['function']);
      assert.deepEqual(gaps('Walk 300 feet with a cane.'), ['timeframe']);
      assert.deepEqual(gaps('Improve strength.'), ['target', 'timeframe', 'function']);
    });

    it('"work on" is not a work task', () => {
      assert.deepEqual(gaps('Patient will work on balance for 10 minutes within 4 weeks.'), ['function']);
    });
  });

  describe('exercise or activity', () => {
    const read = (t: string) => readIntervention(t, EXERCISE_ACTIVITY_DEFAULTS).kind;

    it('reads a kind that is alone', () => {
      assert.equal(read('Bicep curls 3 x 10, straight-leg raises 3 x 10'), 'exercise');
      assert.equal(read('Stand-pivot transfers x 6, lifting a box from floor to counter'), 'activity');
      assert.equal(read('Obstacle course 3 laps with head turns'), 'none');
    });

    it('leaves mixed sessions alone unless one kind dominates 4 to 1 with 4 or more cues', () => {
      assert.equal(read('Theraband rows and bicep curls to prepare for carrying groceries'), 'mixed');
      assert.equal(read('SLR, quad sets, heel slides, bridges, then sit-to-stand x5'), 'exercise');
      assert.equal(read('SLR, quad sets, heel slides, then sit-to-stand x5'), 'mixed');
    });

    it('"functional squats" are not read as isolated exercise', () => {
      assert.equal(read('Step-ups 3x10, lunges, functional squats for stair climbing'), 'none');
      assert.equal(read('Wall squats 3 x 10'), 'exercise');
    });
  });

  describe('plan-of-care dates', () => {
    const claim = (poc: Partial<NonNullable<Claim['plan_of_care']>>, payer = 'medicare') =>
      ({ payer: { type: payer }, plan_of_care: { discipline: 'PT', ...poc } }) as unknown as Claim;

    it('counts calendar days, across months and leap days', () => {
      assert.equal(daysBetween('2026-01-05', '2026-04-05'), 90);
      assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
      assert.equal(daysBetween('2026-03-02', '2026-03-01'), -1);
    });

    it('reads a late signature reaching past day 90 as a recertification, one ending inside as initial', () => {
      const recert = readCertification(claim({ start_date: '2026-01-05', certified_date: '2026-03-30', cert_through: '2026-06-26' }), CERTIFICATION_DEFAULTS);
      assert.equal(recert?.recertification, true);
      const late = readCertification(claim({ start_date: '2026-01-05', certified_date: '2026-03-16', cert_through: '2026-04-04' }), CERTIFICATION_DEFAULTS);
      assert.equal(late?.recertification, false);
      assert.equal(late?.signedAfter, 70);
    });

    it('does not apply without a start date, and the engine applies it to the payerTypes only', () => {
      assert.equal(readCertification(claim({}), CERTIFICATION_DEFAULTS), undefined);
      assert.ok(readCertification(claim({ start_date: '2026-01-05' }, 'commercial'), CERTIFICATION_DEFAULTS));
      for (const rule of [certificationLate, certificationExpired]) {
        assert.equal(appliesToPayer(rule, resolveConfig(), 'medicare'), true);
        assert.equal(appliesToPayer(rule, resolveConfig(), 'commercial'), false);
        assert.equal(appliesToPayer(rule, resolveConfig({ rules: { [rule.id]: { options: { payerTypes: ['commercial'] } } } as never }), 'commercial'), true);
      }
    });
  });

  describe('requirements and placeholders', () => {
    it('timed one-on-one codes need all five fields; per-session codes two; byCode overrides', () => {
      const date = '2026-03-16';
      assert.equal(requiredFields('97530', codeInfo('97530', date)!, REQUIREMENT_DEFAULTS).length, 5);
      assert.deepEqual(requiredFields('92526', codeInfo('92526', date)!, REQUIREMENT_DEFAULTS), ['justification', 'intervention']);
      assert.deepEqual(requiredFields('97162', codeInfo('97162', date)!, REQUIREMENT_DEFAULTS), ['justification', 'intervention']);
      const byCode: Record<string, DocField[]> = { '92526': ['justification', 'functional_goal', 'intervention'] };
      assert.equal(requiredFields('92526', codeInfo('92526', date)!, { ...REQUIREMENT_DEFAULTS, byCode }).length, 3);
    });

    it('every placeholder prompt counts as a placeholder, so documentation-weak keeps it flagged', () => {
      for (const f of TEXT_FIELDS) {
        for (const oneOnOne of [true, false]) {
          const text = placeholderFor(f, oneOnOne)!;
          assert.ok(isPlaceholder(text), `${f}: ${text}`);
          assert.equal(weak(f, text).length, 1);
        }
      }
      assert.equal(placeholderFor('assistance_level', true), undefined);
    });
  });

  describe('hover guidance', () => {
    const fields: GuidanceField[] = ['justification', 'functional_goal', 'supervision_need', 'intervention', 'assistance_level', 'equipment'];

    it('has a title, a description and an example for every field', () => {
      for (const f of fields) {
        const g = fieldGuidance(f);
        assert.ok(g.title && g.strongEntry.length > 40 && g.example, f);
      }
    });

    it('its examples pass the checks they describe', () => {
      for (const f of TEXT_FIELDS) assert.deepEqual(weak(f, fieldGuidance(f).example), [], f);
      assert.deepEqual(goalGaps(fieldGuidance('functional_goal').example, GOAL_DEFAULTS), []);
      assert.equal(readIntervention(fieldGuidance('intervention').example, EXERCISE_ACTIVITY_DEFAULTS).kind, 'activity');
      assert.ok(['independent', 'supervision', 'cga', 'min', 'mod', 'max', 'dependent'].includes(fieldGuidance('assistance_level').example));
    });
  });
});
