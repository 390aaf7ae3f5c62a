import { defineRule, optionsOf } from '../applies';
import { documentationWeak } from './documentationWeak';
import { GOAL_DEFAULTS, GOAL_OPTIONS, GOAL_GAP_TEXT, goalGaps } from '../../documentation/goal';
import { isPlaceholder } from '../../documentation/strength';
import { lineLead } from '../../text';

export const goalNotMeasurable = defineRule({
  id: 'goal-not-measurable',
  description: 'A functional goal with no measurable target, no timeframe, or no tie to a daily activity, work task or mobility',
  category: 'documentation',
  defaultSeverity: 'warning',
  fixable: false,
  defaults: GOAL_DEFAULTS,
  options: GOAL_OPTIONS,
  rationale:
    'Medicare expects goals that are measurable and functional, with the plan saying how long they should take: a checkable target (number, %, assist ' +
    'level, distance, time, reps, a standardized score or an observable "without loss of balance"), a timeframe (within 4 weeks, in 6 visits, by ' +
    'discharge) and the daily activity, work task or mobility the goal serves. One finding per goal names every missing cue. Goals that are missing or ' +
    'still a placeholder are left to documentation-missing and documentation-weak. Options: measurableTargets, timeframes, functionalTies (phrase lists).',
  source: 'BPM Pub 100-02 ch. 15 §220.1.2 (plan of care: long-term goals, duration) [S4 q16][S67]; CERT task-force guidance [S-web irg.urpt]; billing-rules §7',
  check(ctx, report) {
    const opts = ctx.options;
    // Placeholders are documentation-weak's finding; read its list so the two rules agree.
    // documentation-weak's placeholder list, as configured: one list for every documentation check.
    const weakOpts = optionsOf(documentationWeak, ctx.config);
    for (const l of ctx.lines) {
      const goal = l.line.documentation?.functional_goal;
      if (goal === undefined || !goal.trim() || isPlaceholder(goal, weakOpts)) continue;
      const gaps = goalGaps(goal, opts);
      if (!gaps.length) continue;
      const path = `lines[${l.index}].documentation.functional_goal`;
      report({ path, message: `${lineLead(l.index, l.line.code)}documentation.functional_goal is not measurable: it has ${gaps.map((g) => GOAL_GAP_TEXT[g]).join('; ')}.` });
    }
  },
});
