import { defineRule, optionsOf } from '../applies';
import { documentationWeak } from './documentationWeak';
import { EXERCISE_ACTIVITY_DEFAULTS, EXERCISE_ACTIVITY_OPTIONS, readIntervention } from '../../documentation/exerciseActivity';
import { listing } from '../../documentation/phrases';
import { isPlaceholder } from '../../documentation/strength';
import { lineLead } from '../../text';

const EXERCISE = '97110';
const BALANCE = '97112';
const ACTIVITY = '97530';

export const exerciseVsActivity = defineRule({
  id: 'exercise-vs-activity',
  description: 'The intervention describes isolated exercise or static balance drills billed as 97530, or a functional task billed as 97110',
  category: 'documentation',
  defaultSeverity: 'warning',
  fixable: true,
  defaults: EXERCISE_ACTIVITY_DEFAULTS,
  options: EXERCISE_ACTIVITY_OPTIONS,
  rationale:
    'The most common therapy coding error is billing isolated exercise (97110: strength, range of motion, endurance — bicep curls, straight-leg raises, ' +
    'band work) as therapeutic activities (97530: dynamic, functional, multi-plane tasks — transfers, lifting a box, reaching across midline, fine-motor ' +
    'tasks such as buttons, coins and pegs, agility and sport drills), which pays more; the reverse under-codes. Static balance drills (tandem or ' +
    'single-leg stance, foam, eyes closed, perturbations) billed as 97530 read as neuromuscular re-education (97112). The rule reads the intervention for ' +
    'cues of each kind and speaks only when one kind is clearly alone or dominant: a session that mixes both may be right, or may belong on two lines, ' +
    'which only the note\'s author can tell. Balance drills on 97110 are left alone. The quick fix offers the other code but is never preferred. Options: ' +
    'exerciseCues, activityCues, balanceCues (phrase lists, defaults and sources in src/core/documentation/exercise-vs-activity.words.json), ' +
    'minCuesAlone, minCuesMixed, ratio.',
  source: 'CPT descriptors of 97110, 97112 and 97530 as MACs restate them; code catalog notes (UTHealth [S15], WebPT [S18]); CPT descriptors as restated in src/core/data/codes-timed.ts',
  check(ctx, report) {
    const opts = ctx.options;
    // Placeholders are documentation-weak's finding; read its list so the two rules agree.
    // documentation-weak's placeholder list, as configured: one list for every documentation check.
    const weakOpts = optionsOf(documentationWeak, ctx.config);
    for (const l of ctx.lines) {
      const code = l.line.code;
      if (code !== EXERCISE && code !== ACTIVITY) continue;
      const text = l.line.documentation?.intervention;
      if (!text || isPlaceholder(text, weakOpts)) continue;
      const reading = readIntervention(text, opts);
      const wrong = code === ACTIVITY ? reading.kind === 'exercise' || reading.kind === 'balance' : reading.kind === 'activity';
      if (!wrong) continue;
      const other = code === EXERCISE ? ACTIVITY : reading.kind === 'balance' ? BALANCE : EXERCISE;
      const seen = code === ACTIVITY ? [...reading.exercise, ...reading.balance] : reading.activity;
      const against = code === ACTIVITY ? reading.activity : reading.exercise;
      const what = code === EXERCISE ? 'a dynamic functional task' : reading.kind === 'balance' ? 'static balance drills' : 'isolated exercise';
      const otherName = ctx.data.codeInfo(other, ctx.date)?.short.toLowerCase() ?? other;
      const thisName = l.info?.short.toLowerCase() ?? code;
      const mixed = against.length ? `; outweighing ${listing(against)}` : '';
      const codePath = `lines[${l.index}].code`;
      report({
        path: `lines[${l.index}].documentation.intervention`,
        message:
          `${lineLead(l.index, code)}documentation.intervention describes ${what} (${listing(seen)}${mixed}), but the code is ${code} (${thisName}); ` +
          `${what} ${what.endsWith('s') ? 'are' : 'is'} ${other} (${otherName}).`,
        fixes: [{ id: `code:${other}`, title: `Change the code to ${other} (${otherName})`, edits: ctx.fix.setValue(codePath, `"${other}"`) }],
      });
    }
  },
});
