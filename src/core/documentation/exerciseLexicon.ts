/**
 * Cues that tell therapeutic exercise (97110) from therapeutic activities (97530), for
 * exercise-vs-activity. 97110 works on one thing in isolation (strength, range of motion,
 * endurance, flexibility); 97530 uses dynamic, functional, multi-plane tasks. From the
 * code catalog's notes (UTHealth [S15], WebPT [S18]; src/core/data/codes-timed.ts) and
 * the examples. Each entry is one cue: a note is judged by how many distinct
 * cues of each kind it shows, so list a movement once, under one label.
 */
import type { PhraseSpec } from './phrases';

/** Isolated exercise: one muscle group, one joint motion, a machine or a band. */
export const EXERCISE_CUES: PhraseSpec[] = [
  { label: 'curls', pattern: '\\b(bicep|biceps|hamstring|wrist)\\s+curls?\\b|\\bcurls\\b' },
  { label: 'straight-leg raises', pattern: '\\bstraight[\\s-]?leg\\s+raises?\\b|\\bslrs?\\b' },
  { label: 'quad or glute sets', pattern: '\\b(quad(riceps)?|glute(al)?)\\s+sets?\\b' },
  { label: 'heel slides', pattern: '\\bheel\\s+slides?\\b' },
  { label: 'ankle pumps', pattern: '\\bankle\\s+pumps?\\b' },
  { label: 'theraband', pattern: '\\bthera[\\s-]?band\\b|\\bresistance\\s+bands?\\b|\\bred\\s+band\\b|\\b(yellow|green|blue|black)\\s+(band|tb)\\b' },
  { label: 'range-of-motion exercise', pattern: '\\b(a|aa|p)?rom\\s+(exercises?|ex)\\b|\\brange[\\s-]of[\\s-]motion\\s+exercises?\\b|\\b(aarom|arom)\\b' },
  { label: 'strengthening', pattern: '\\bstrengthening\\b|\\bstrength\\s+training\\b' },
  { label: 'stretching', pattern: '\\bstretch(es|ing)?\\b' },
  { label: 'isometrics', pattern: '\\bisometrics?\\b' },
  { label: 'weight machine', pattern: '\\bleg\\s+press\\b|\\b(knee|leg)\\s+extension\\s+machine\\b|\\bon\\s+(the\\s+)?machine\\b|\\b(cable|lat)\\s+(column|pull[\\s-]?downs?|rows?)\\b' },
  { label: 'free or cuff weights', pattern: '\\b(cuff|ankle)\\s+weights?\\b|\\bdumbbells?\\b|\\bfree\\s+weights?\\b' },
  { label: 'short-arc or long-arc quads', pattern: '\\b(short|long)[\\s-]arc\\s+quads?\\b|\\b(saq|laq)s?\\b' },
  { label: 'clamshells or side-lying abduction', pattern: '\\bclamshells?\\b|\\bside[\\s-]?lying\\s+(hip\\s+)?abduction\\b' },
  { label: 'bridges', pattern: '\\bbridg(es|ing)\\b' },
  { label: 'squats', pattern: '\\b(mini|wall|partial)[\\s-]?squats?\\b|(?<!functional\\s)\\bsquats\\b' },
  { label: 'heel or toe raises', pattern: '\\b(heel|toe|calf)\\s+raises?\\b' },
  { label: 'shoulder isolated motions', pattern: '\\bshoulder\\s+(flexion|abduction|extension|er|ir|external\\s+rotation|internal\\s+rotation)\\s+(exercises?|with|x|\\d)|\\bscap(ular)?\\s+(retraction|squeezes?)\\b|\\bpendulums?\\b|\\bpulleys?\\b|\\bwand\\s+exercises?\\b' },
  { label: 'stationary cycling', pattern: '\\b(ube|nustep|recumbent\\s+bike|stationary\\s+bike|upper\\s+body\\s+ergometer)\\b' },
  { label: 'sets of reps on a machine', pattern: '\\b\\d+\\s*x\\s*\\d+\\s+(on|using)\\s+(the\\s+)?(machine|leg\\s+press|cable)' },
];

/** Dynamic functional tasks: several movements or planes together, toward a real task. */
export const ACTIVITY_CUES: PhraseSpec[] = [
  { label: 'transfers', pattern: '\\btransfers?\\b|\\bstand[\\s-]?pivot\\b|\\bsquat[\\s-]?pivot\\b|\\bbed[\\s-]to[\\s-](chair|wheelchair|w/c)\\b' },
  { label: 'sit-to-stand', pattern: '\\bsit[\\s-]?to[\\s-]?stand\\b|\\bsts\\b|\\bchair\\s+rises?\\b' },
  { label: 'lifting', pattern: '\\blift(ing|s|ed)?\\s+(a\\s+|the\\s+)?(\\d+\\s*(lb|lbs|#|kg)\\s+)?(box(es)?|crate|basket|objects?|laundry|bag|groceries|weighted\\s+box|tote)\\b|\\bfloor[\\s-]to[\\s-](waist|counter|table|shelf)\\b|\\blift(ing)?\\s+mechanics\\b' },
  { label: 'carrying', pattern: '\\bcarr(y|ying|ied)\\b' },
  { label: 'reaching', pattern: '\\breach(ing|es)?\\s+(across|overhead|to|into|for|outside)\\b|\\bacross\\s+midline\\b' },
  { label: 'pushing or pulling', pattern: '\\b(push|pull)(ing)?\\s+(a\\s+|the\\s+)?(sled|cart|door|wheelbarrow|shopping\\s+cart|vacuum)\\b' },
  { label: 'functional task practice', pattern: '\\bfunctional\\s+(task|activity|activities|tasks|mobility\\s+training|reaching)\\b|\\btask[\\s-]specific\\b|\\bsimulated\\s+(work|job|household|home)\\b|\\bwork\\s+simulation\\b' },
  { label: 'floor recovery', pattern: '\\bfloor\\s+(to\\s+stand|recovery|transfers?)\\b|\\bget(ting)?\\s+up\\s+from\\s+(the\\s+)?floor\\b|\\bhalf[\\s-]kneel(ing)?\\s+to\\s+stand\\b' },
  { label: 'picking objects up', pattern: '\\bpick(ing)?\\s+up\\s+(objects?|items?|cones?|from\\s+(the\\s+)?floor)\\b|\\bretriev(e|ing)\\s+(objects?|items?)\\b' },
  { label: 'multi-plane or dynamic tasks', pattern: '\\bmulti[\\s-]?planar?\\b|\\bdynamic\\s+(functional|reaching|standing\\s+tasks?)\\b|\\btrunk\\s+rotation\\s+(during|while|with)\\b' },
];

/** Defaults for how clearly one kind must dominate a mixed note before the rule speaks. */
export const DOMINANCE = {
  /** With no cue of the other kind, this many cues of one kind are enough. */
  minCuesAlone: 1,
  /** With cues of both kinds, the dominant kind needs at least this many distinct cues… */
  minCuesMixed: 4,
  /** …and at least this many times as many as the other kind. */
  ratio: 4,
};
