import { defineRule } from '../applies';
import { TEXT_FIELDS } from '../../documentation/lexicon';
import { STRENGTH_DEFAULTS, STRENGTH_OPTIONS, weaknesses } from '../../documentation/strength';
import { lineLead } from '../../text';

export const documentationWeak = defineRule({
  id: 'documentation-weak',
  description: 'A documentation field says too little: boilerplate, too few words, no specifics, or a placeholder',
  category: 'documentation',
  defaultSeverity: 'warning',
  fixable: false,
  defaults: STRENGTH_DEFAULTS,
  options: STRENGTH_OPTIONS,
  rationale:
    'An auditor reads each field for what a therapist did and why. Stock phrases ("tolerated well", "continue POC", "as above", "see note", "would ' +
    'benefit from skilled PT") say nothing checkable; an intervention needs its dose or named task (sets, reps, distance, load, trials, technique), and ' +
    'neither the billed minutes ("ther ex x 23 min") nor the code\'s name restated ("neuro re-ed", "manual therapy") is one; gait training needs the ' +
    'deviation, cue or challenge worked on, not only a distance and an assist level; a supervision need names a risk, safety issue, cueing or monitoring; a ' +
    'justification names a limitation, deficit, condition or risk. Clinician shorthand counts: a short entry passes when it names two kinds of reason ' +
    '("TBI, MoCA 20/30, forgets appts & meds"). Placeholders (TODO, template blanks) are weak until written; an empty field is documentation-missing\'s. ' +
    'Boilerplate only counts when too little is left without it, so a specific note that ends "tolerated well" passes. Findings name the cue, never the ' +
    'text. The word lists are options, with their defaults and sources in src/core/documentation/documentation-weak.words.json. The functional goal\'s ' +
    'target, timeframe and functional tie are checked by goal-not-measurable.',
  source: 'BPM Pub 100-02 ch. 15 §220.3 [S62] and §220.2 (skilled care); CERT task-force guidance [S-web irg.urpt]; billing-rules §7; red-flag phrase lists (see documentation-weak.words.json)',
  check(ctx, report) {
    const opts = ctx.options;
    for (const l of ctx.lines) {
      const doc = l.line.documentation;
      if (!doc) continue;
      for (const field of TEXT_FIELDS) {
        const text = doc[field];
        if (text === undefined) continue;
        const found = weaknesses(field, text, opts, { code: l.line.code });
        if (!found.length) continue;
        const path = `lines[${l.index}].documentation.${field}`;
        report({ path, message: `${lineLead(l.index, l.line.code)}documentation.${field} is weak: it ${found.join('; it ')}.` });
      }
    }
  },
});
