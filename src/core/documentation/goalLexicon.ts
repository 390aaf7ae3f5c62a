/**
 * Cues of a measurable, functional goal (goal-not-measurable). Goals "must be measurable
 * and functional" and the plan states their duration (BPM ch. 15 §220.1.2 via
 * billing-rules §7; CERT task-force guidance). The three lists are data and can be
 * replaced through the rule's options.
 */
import type { PhraseSpec } from './phrases';

/**
 * A target someone can check: a number, percentage, assistance level, distance, time,
 * repetitions, a standardized score, or an observable "without …" criterion.
 */
export const MEASURABLE_TARGETS: PhraseSpec[] = [
  { label: 'number', pattern: '\\d' },
  { label: 'number word', pattern: '\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred)\\b' },
  { label: 'percent', pattern: '%|\\bpercent\\b' },
  {
    label: 'assistance level',
    pattern:
      '\\bbe\\s+(mod(ified)?\\s+)?(i|ind|indep)\\b|\\b(independent(ly)?|mod(ified)?\\s+(i|ind|independent|independence)|supervision|sba|stand[\\s-]?by|cga|contact[\\s-]guard|(min|minimal|mod|moderate|max|maximal)\\s*(a\\b|assist(ance)?)|set[\\s-]?up\\s+(only|assist))',
  },
  {
    label: 'standardized score',
    pattern:
      '\\b(berg|tug|timed\\s+up\\s+and\\s+go|lefs|odi|oswestry|quick\\s?dash|dash|ndi|foto|fim|6mwt|10mwt|dgi|fga|tinetti|poma|abc\\s+scale|5xsts|five\\s+times\\s+sit|chair\\s+stand|fois|pas|penetration[\\s-]aspiration|mbsimp|moca|slums|copm|barthel|koos|hoos|psfs|gait\\s+speed|mmt|manual\\s+muscle)\\b',
  },
  { label: 'observable absence', pattern: '\\bno\\s+(overt\\s+)?(s/s|signs?|symptoms|loss\\s+of\\s+balance|lob|falls?|episodes?|freezing|coughing|choking)\\b' },
  {
    label: 'observable criterion',
    pattern:
      '\\bwithout\\s+(any\\s+)?(loss\\s+of\\s+balance|lob|rest(\\s+breaks?)?|cues?|cueing|verbal\\s+cues|assist(ance)?|(an\\s+)?assistive\\s+device|ad|ue\\s+support|(hand)?\\s?rails?|s/s|(overt\\s+)?signs?|coughing|choking|pain|increased\\s+pain|compensation|deviations?)\\b',
  },
];

/** When it is due: "within 4 weeks", "in 6 visits", "by discharge", "by week 3", a date. */
export const TIMEFRAMES: PhraseSpec[] = [
  {
    label: 'duration',
    pattern:
      '\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\\s*-?\\s*(days?|wks?|weeks?|months?|mos?|visits?|sessions?|treatments?|tx)\\b',
  },
  { label: 'discharge', pattern: '\\b(by|at|upon|before|prior\\s+to)\\s+(the\\s+)?(discharge|d/c|dc)\\b' },
  {
    label: 'end of plan',
    pattern: '\\bby\\s+(the\\s+)?end\\s+of\\s+(the\\s+|this\\s+)?(poc|plan(\\s+of\\s+care)?|episode|cert(ification)?(\\s+period)?|reporting\\s+period|care|treatment)\\b',
  },
  { label: 'numbered week or visit', pattern: '\\bby\\s+(week|wk|visit|session)\\s+\\d+' },
  { label: 'date', pattern: '\\bby\\s+(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}(/\\d{2,4})?)' },
];

/**
 * A tie to daily life: self-care (ADLs/IADLs), mobility, work, community, communication
 * or eating. Impairment-only goals ("increase knee flexion to 110°") miss this cue.
 */
export const FUNCTIONAL_TIES: PhraseSpec[] = [
  {
    label: 'mobility',
    pattern:
      '\\b(transfers?|transferring|ambulat(e|es|ion|ing)|walk(s|ing)?|gait|stairs?|steps|curbs?|ramps?|bed\\s+mobility|roll(ing)?\\s+(in\\s+bed|to)|sit[\\s-]?to[\\s-]?stand|stand(ing)?\\s+(up|from|for|tolerance|at)|rise\\s+from|get(ting)?\\s+(up|in|out)|kneel(ing)?|squat(ting)?|wheelchair|w/c|propel|household\\s+distances?|community\\s+distances?|uneven\\s+(ground|terrain|surfaces?))\\b',
  },
  {
    label: 'self-care',
    pattern:
      '\\b(adls?|iadls?|self[\\s-]?care|dress(ing)?|donning|doff(ing)?|bath(e|ing)|shower(ing)?|groom(ing)?|toilet(ing)?|hygiene|feed(ing)?|eat(ing)?|meals?|cook(ing)?|meal\\s+prep|laundry|housework|household|homemaking|clean(ing)?|shopping|grocer(y|ies)|medication\\s+management|manag(e|ing)\\s+((his|her|their|own)\\s+)?(medications?|meds|finances|bills|appointments)|cloth(es|ing)|shoes|footwear|bed\\s+making|kitchen|sink|counter(top)?|reach(ing)?\\s+(into|to|for|overhead)|cabinet|shelf|shelves)\\b',
  },
  {
    label: 'work or community',
    pattern:
      '\\b(work(?!\\s+(on|toward|towards)\\b)|job|occupation(al)?\\s+(demands|tasks|duties)|return\\s+to\\s+(work|duty|driving|sport|golf|play)|lift(ing)?|carry(ing)?|push(ing)?|pull(ing)?|driv(e|ing)|car|bus|community|yard|garden(ing)?|childcare|grandchild(ren)?|typing|keyboard|computer|writing|handwriting|church|leisure|hobby|hobbies)\\b',
  },
  {
    label: 'eating or communication',
    pattern:
      '\\b(swallow(ing)?|diet|liquids?|po\\s+intake|oral\\s+intake|solids|pur[eé]e|communicat(e|ion|ing)|conversation(al)?|speech|intelligib(le|ility)|express|needs\\s+and\\s+wants|phone|telephone|read(ing)?|word\\s+finding|naming|comprehension|follow(ing)?\\s+(directions|commands))\\b',
  },
];

export const TARGET_HINT = 'no measurable target (number, %, assist level, distance, time, reps or standardized score)';
export const TIMEFRAME_HINT = 'no timeframe (e.g. within 4 weeks, in 6 visits, by discharge)';
export const FUNCTION_HINT = 'no tie to a daily activity, work task or mobility (e.g. transfers, stairs, dressing, return to work)';
