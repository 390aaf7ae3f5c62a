import { defineRule, optionsOf } from '../applies';
import { documentationWeak } from './documentationWeak';
import { listing } from '../../documentation/phrases';
import { isPlaceholder } from '../../documentation/strength';
import { UNSKILLED_DEFAULTS, UNSKILLED_OPTIONS, unskilledCues } from '../../documentation/unskilled';
import { lineLead } from '../../text';

export const documentationUnskilled = defineRule({
  id: 'documentation-unskilled',
  description: 'The intervention describes care that needs no therapist\'s skill: a program done alone, feeding or a meal watched, walking logged by distance',
  category: 'documentation',
  defaultSeverity: 'info',
  fixable: false,
  defaults: UNSKILLED_DEFAULTS,
  options: UNSKILLED_OPTIONS,
  rationale:
    'Medicare pays for therapy only when the service needs a therapist\'s skill. A note can be specific and still describe unskilled care: the patient ' +
    'doing the home program independently while the therapist watches, feeding a patient or watching the meal, or walking logged as a distance with no ' +
    'cue, deviation or training. A reviewer reads these as care an aide or the patient could give. The rule speaks (as information) only when the ' +
    'intervention shows one of these and nothing skilled beside it — cueing, instruction or training, progression or modification, assessment, a named ' +
    'compensatory strategy, or a gait deviation or challenge worked on. Write what the therapist did that needed skill. Options: unskilledCues, ' +
    'ambulationLog, skilledCues (phrase lists, defaults and sources in src/core/documentation/documentation-unskilled.words.json).',
  source: 'BPM Pub 100-02 ch. 15 §220.2 (skilled care; services that do not need a therapist\'s skill are not covered); APTA skilled-care documentation guidance; ASHA on skilled dysphagia and cognitive treatment',
  check(ctx, report) {
    const opts = ctx.options;
    // Placeholders are documentation-weak's finding; read its list so the two rules agree.
    // documentation-weak's placeholder list, as configured: one list for every documentation check.
    const weakOpts = optionsOf(documentationWeak, ctx.config);
    for (const l of ctx.lines) {
      const text = l.line.documentation?.intervention;
      if (!text || !text.trim() || isPlaceholder(text, weakOpts)) continue;
      const seen = unskilledCues(text, opts);
      if (!seen.length) continue;
      report({
        path: `lines[${l.index}].documentation.intervention`,
        message:
          `${lineLead(l.index, l.line.code)}documentation.intervention describes care that needs no therapist's skill (${listing(seen)}) and names ` +
          'no cue, instruction, progression, assessment or strategy: a reviewer may deny it as unskilled (Pub 100-02 ch. 15 §220.2).',
      });
    }
  },
});
