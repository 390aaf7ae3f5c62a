import { ruleOptions } from '../../config/schema';
import { TEXT_FIELDS } from '../../documentation/lexicon';
import { STRENGTH_DEFAULTS, STRENGTH_OPTIONS, weaknesses } from '../../documentation/strength';
import type { Rule } from '../../types';
import { lineLead } from '../../text';

export const documentationWeak: Rule = {
  id: 'documentation-weak',
  description: 'A documentation field says too little: boilerplate, too few words, no specifics, or a placeholder',
  category: 'documentation',
  defaultSeverity: 'warning',
  fixable: false,
  options: STRENGTH_OPTIONS,
  rationale:
    'An auditor reads each field for what a therapist did and why. Stock phrases ("tolerated well", "continue POC", "as above", "see note") say nothing ' +
    'checkable; an intervention needs its dose or named task (sets, reps, distance, time, load); a supervision need names a risk, safety issue, cueing or ' +
    'monitoring; a justification names a limitation, deficit, condition or risk. Placeholders (TODO, template blanks) are weak until written. Boilerplate ' +
    'only counts when too little is left without it, so a specific note that ends "tolerated well" passes. Findings name the cue, never the text. ' +
    'Options: minWords (per field), placeholders, boilerplate, interventionSpecifics, supervisionReasons, justificationReasons (phrase lists). ' +
    'The functional goal\'s target, timeframe and functional tie are checked by goal-not-measurable.',
  source: 'BPM Pub 100-02 ch. 15 §220.3 [S62]; CERT task-force guidance [S-web irg.urpt]; billing-rules §7; red-flag phrase lists (see lexicon.ts)',
  check(ctx, report) {
    const opts = ruleOptions(ctx.config, 'documentation-weak', STRENGTH_DEFAULTS);
    for (const l of ctx.lines) {
      const doc = l.line.documentation;
      if (!doc) continue;
      for (const field of TEXT_FIELDS) {
        const text = doc[field];
        if (text === undefined) continue;
        const found = weaknesses(field, text, opts);
        if (!found.length) continue;
        const path = `lines[${l.index}].documentation.${field}`;
        report({ path, message: `${lineLead(l.index, l.line.code)}documentation.${field} is weak: it ${found.join('; it ')}.` });
      }
    }
  },
};
