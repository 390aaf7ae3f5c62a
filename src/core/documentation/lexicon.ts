/**
 * Word lists and phrase patterns of the documentation-strength checks (documentation-weak).
 * Data, not code: each list can be replaced through the rule's options. Where each list
 * comes from is noted above it; ../shared/domain/billing-rules.md §7 has the requirements.
 */
import type { PhraseSpec } from './phrases';

/** The free-text documentation fields (assistance_level is an enum and needs no wording check). */
export const TEXT_FIELDS = ['justification', 'functional_goal', 'supervision_need', 'intervention', 'equipment'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/**
 * Minimum words per field. Tuned on the fixture notes: the shortest strong entries seen
 * ("Fall risk, Berg 38/56; needs CGA and cues" = 8, "SLR 3x10 with 2 lb cuff weight" = 7)
 * clear them; one-liners such as "pt did well" or "as above" do not. Equipment may be "none".
 */
export const MIN_WORDS: Record<TextField, number> = {
  justification: 8,
  functional_goal: 6,
  supervision_need: 5,
  intervention: 6,
  equipment: 1,
};

/**
 * Text a person still has to write: template markers left in a note, and the placeholders
 * our own documentation-missing fix inserts ("TODO: …"), which must count as weak.
 */
export const PLACEHOLDERS: PhraseSpec[] = [
  { label: 'TODO', pattern: '\\b(TODO|TBD|FIXME)\\b' },
  { label: 'XXX', pattern: '\\bXXX+\\b' },
  { label: 'lorem ipsum', pattern: 'lorem ipsum' },
  { label: 'template blank', pattern: '\\[(insert|enter|add|describe|type)[^\\]]*\\]|<(insert|enter|add|describe|type)[^>]*>|_{3,}|\\?{3,}' },
];

/**
 * Boilerplate that says nothing an auditor can check. Sources: APTA-style "defensible
 * documentation" teaching and audit guides listing red-flag phrases (proactivechart.com
 * "audit-proof documentation"; themanualtherapist.com "what does tolerated well mean";
 * awittypt.com "phrases to avoid"), and the CERT task-force daily-note elements
 * (billing-rules §7, irg.urpt). A field is weak when, with these removed, too little is left.
 * Labels describe the kind of phrase rather than repeat it, so findings never echo the note.
 */
export const BOILERPLATE: PhraseSpec[] = [
  { label: 'a tolerance statement', pattern: '\\b(pt|patient)?\\s*tol(erated|\\.)?\\s+(the\\s+)?(tx|treatment|session|therapy|exercises?|activit(y|ies)|it|all|program|interventions?|visit)?\\s*(well|fair(ly)?|good)\\b' },
  { label: 'a did-well statement', pattern: '\\b(pt|patient)\\s+(did|doing|is doing)\\s+(well|good|great|fine|ok)\\b' },
  { label: 'a no-complaints statement', pattern: '\\bno\\s+(new\\s+)?(complaints|c/o|issues)\\b' },
  { label: 'continue-the-plan', pattern: "\\b(cont(inue|\\.)?|con't)\\s+(with\\s+|per\\s+)?(the\\s+)?(poc|plan(\\s+of\\s+care)?|current\\s+plan|tx\\s+plan|treatment\\s+plan|same)\\b" },
  { label: 'a pointer to the plan or flowsheet', pattern: '\\bper\\s+(the\\s+)?(poc|plan\\s+of\\s+care|flow\\s?sheet|exercise\\s+log)\\b' },
  { label: 'a pointer to text above', pattern: '\\b(as|see)\\s+(noted\\s+|stated\\s+|documented\\s+)?above\\b' },
  { label: 'a pointer to another document', pattern: '\\bsee\\s+(the\\s+)?(note|notes|flow\\s?sheet|exercise\\s+log|hep|attached|previous|prior|eval(uation)?|chart|daily\\s+note|referral|orders?|report|h&p)\\b' },
  { label: 'copied from a previous visit', pattern: '\\bsame\\s+as\\s+(last|previous|prior|before|yesterday)(\\s+(visit|session|time|tx|treatment|note|week))?\\b' },
  { label: 'a bare claim of skilled need', pattern: '\\b(requires?|needs?|need\\s+for|necessitates?)\\s+(continued\\s+)?skilled\\s+(pt|ot|slp|st|therapy|care|services?|intervention)\\b' },
  { label: 'a bare claim of medical necessity', pattern: '\\b(is\\s+)?medically\\s+necessary\\b' },
  { label: 'progress claimed without data', pattern: '\\bprogressing\\s+(well\\s+|slowly\\s+)?(toward|towards)\\s+(all\\s+)?(stgs?|ltgs?|goals?)\\b' },
  { label: 'an effort statement', pattern: '\\bgood\\s+(session|effort|day|participation|visit)\\b' },
];

/**
 * What makes an intervention specific: a dose (sets, reps, distance, time, load, grade)
 * or a named task or technique. Generic category words ("exercise", "balance",
 * "strengthening", "gait training") are deliberately absent: they restate the code.
 * From the CERT task-force elements and the CMS treatment-note requirement that each
 * intervention be described so it can be matched to its code (billing-rules §7).
 */
export const INTERVENTION_SPECIFICS: PhraseSpec[] = [
  { label: 'number', pattern: '\\d' },
  { label: 'number word', pattern: '\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)\\b' },
  { label: 'sets or reps', pattern: '\\b(sets?|reps?|repetitions?|trials?|rounds?|laps?|bouts?|cycles?)\\b' },
  { label: 'mobilization grade', pattern: '\\bgrades?\\s+(i{1,3}|iv|v)\\b' },
  { label: 'named task', pattern: '\\b(sit[\\s-]?to[\\s-]?stand|stand[\\s-]?pivot|squat[\\s-]?pivot|bed[\\s-]?to[\\s-]?(chair|wheelchair|w/c)|toilet|tub|car|floor)\\s*transfers?\\b|\\btransfers?\\b|\\bstairs?\\b|\\bcurbs?\\b|\\bramps?\\b|\\bstep[\\s-]?ups?\\b|\\bbridg(es|ing)\\b|\\bclamshells?\\b|\\b(quad|glute)\\s+sets?\\b|\\bheel\\s+(slides?|raises?)\\b|\\bslr\\b|\\bstraight[\\s-]?leg\\s+raises?\\b|\\btandem\\b|\\bsingle[\\s-]?(leg|limb)\\s+stance\\b|\\bfoam\\b|\\bperturbations?\\b|\\bweight\\s+shift(s|ing)?\\b|\\breach(ing|es)?\\b|\\blift(ing|s)?\\b|\\bcarr(y|ying|ies)\\b' },
  { label: 'named technique', pattern: '\\bglides?\\b|\\bmobili[sz]ations?\\b|\\bmanipulation\\b|\\bstm\\b|\\bmfr\\b|\\bsoft[\\s-]tissue\\b|\\bmyofascial\\b|\\bpnf\\b|\\bmuscle\\s+energy\\b|\\btraction\\b|\\bmanual\\s+lymph|\\bnmes\\b|\\bvitalstim\\b|\\bkinesio|\\btaping\\b|\\bmld\\b|\\bbandag(e|es|ing)\\b|\\bcompression\\b|\\btheraband\\b|\\bresistance\\s+band\\b|\\b(cuff|ankle)\\s+weights?\\b|\\bdumbbells?\\b' },
  { label: 'named education topic', pattern: '\\b(energy\\s+conservation|pursed[\\s-]lip|diaphragmatic\\s+breathing|joint\\s+protection|body\\s+mechanics|pacing|hip\\s+precautions|fall\\s+prevention|home\\s+safety)\\b' },
  { label: 'named ADL task', pattern: '\\b(dressing|bathing|showering|grooming|toileting|feeding|self[\\s-]?feeding|meal\\s+prep(aration)?|cooking|laundry|hygiene|donning|doffing|buttons?|zippers?|utensils?)\\b' },
  { label: 'named swallow or speech task', pattern: '\\b(chin\\s+tuck|effortful\\s+swallow|mendelsohn|supraglottic|super[\\s-]?supraglottic|shaker|masako|thin\\s+liquids?|nectar|honey|pur[eé]e|mechanical\\s+soft|iddsi|bolus(es)?|ice\\s+chips|oral\\s+motor|lingual|labial|articulation|word[\\s-]?finding|naming|phonation|lsvt|semantic\\s+feature)\\b' },
];

/**
 * Why the patient cannot do it safely alone: a risk, a safety issue, the cueing or
 * hands-on help only a clinician can give, or monitoring. From the CERT task-force
 * elements ("cues or assistance given", billing-rules §7) and skilled-care teaching.
 */
export const SUPERVISION_REASONS: PhraseSpec[] = [
  { label: 'fall risk', pattern: '\\bfall(s|ing)?\\b|\\blob\\b|loss\\s+of\\s+balance|\\bunsteady\\b|\\bimbalance\\b|\\bberg\\b|\\btug\\b|\\bbalance\\b' },
  { label: 'physical assistance', pattern: '\\b(min|mod|max|minimal|moderate|maximal)\\s*(a|assist(ance)?)\\b|\\bcga\\b|\\bsba\\b|\\bcontact[\\s-]guard\\b|\\bstand[\\s-]?by\\s+assist|\\bassist\\s+(of\\s+)?(x\\s?2|two)\\b' },
  { label: 'tissue protection', pattern: '\\bpost[\\s-]?op|\\bprotocol\\b|\\brestrict(s|ed|ions?)?\\b|\\brepair\\b|\\bgraft\\b|\\bsurgical\\b|\\bfragile\\b|\\bskin\\s+integrity\\b|\\bwound\\b' },
  { label: 'safety', pattern: '\\bunsafe\\b|\\bsafe(ty|ly)?\\b|\\brisk\\b|\\binjur(y|ies)\\b|\\bprecautions?\\b|\\bweight[\\s-]?bearing\\b|\\b(nwb|twb|pwb|wbat|ttwb)\\b|\\bguard(ing)?\\b|\\bgait\\s+belt\\b' },
  { label: 'cueing', pattern: '\\bcue(s|d|ing)?\\b|\\bcueing\\b|\\bverbal\\b|\\btactile\\b|\\bvisual\\s+(cue|feedback)|\\bfacilitat(e|ion|ed)\\b|\\bhands[\\s-]on\\b|\\bmanual\\s+(guidance|assist(ance)?|facilitation)\\b|\\bfeedback\\b|\\bdemonstration\\b|\\bcorrect(ion|ing)?\\b|\\bcompensat(e|ion|ory|ions)\\b|\\bsubstitution\\b|\\bform\\b|\\btechnique\\b' },
  { label: 'cognition or judgment', pattern: '\\bimpulsiv(e|ity)\\b|\\b(poor|impaired|decreased)\\s+(judg(e)?ment|insight|awareness|safety\\s+awareness|attention|memory|sequencing|problem\\s+solving)\\b|\\bcognit(ive|ion)\\b|\\bneglect\\b|\\bdementia\\b|\\bconfus(ed|ion)\\b|\\bapraxia\\b' },
  { label: 'swallow safety', pattern: '\\baspirat(e|ion)\\b|\\bpenetration\\b|\\bchok(e|ing)\\b|\\bcough(ing)?\\b|\\bresidue\\b|\\bpocketing\\b|\\bwet\\s+vocal' },
  { label: 'monitoring', pattern: '\\bmonitor(ing|ed)?\\b|\\bvitals?\\b|\\b(bp|hr|spo2|o2\\s+sat|rpe)\\b|blood\\s+pressure|heart\\s+rate|\\borthostatic\\b|\\bdizz(y|iness)\\b|\\bvertigo\\b|\\bshortness\\s+of\\s+breath|\\bsob\\b|\\bpain\\s+response\\b' },
  { label: 'motor control', pattern: '\\bspastic(ity)?\\b|\\bhemipare(sis|tic)\\b|\\bhemipleg(ia|ic)\\b|\\bataxi(a|c)\\b|\\binstability\\b|\\bsublux(ation)?\\b|\\bknee\\s+buckl(e|ing)\\b|\\bbuckling\\b|\\bfreezing\\b' },
];

/**
 * A reason for skilled care: a limitation, deficit or condition, or the skilled
 * decisions the therapist makes. From BPM ch. 15 §220.2–§220.3 (skilled need; Jimmo:
 * coverage follows the need for skilled care, not improvement) via billing-rules §7.
 */
export const JUSTIFICATION_REASONS: PhraseSpec[] = [
  { label: 'limitation', pattern: "\\b(unable|inability|cannot|can't|can\\s+not|difficulty|limit(s|ed|ation|ations|ing)?|restrict(s|ed|ion|ions)?|dependen(t|ce)|requires?\\s+(min|mod|max|moderate|maximal|minimal|contact|cga|sba|assist))" },
  { label: 'deficit', pattern: '\\b(deficits?|impair(ed|ment|ments)?|decreased|reduced|weak(ness)?|pain(ful)?|stiff(ness)?|edema|swelling|contractures?|instability|spastic(ity)?|atroph(y|ied)|fatigue|endurance|tremor|numbness|neglect)\\b' },
  { label: 'condition', pattern: '\\b(s/p|status\\s+post|post[\\s-]?op(erative)?|after|following)\\b.{0,40}\\b(surgery|tka|tha|thr|tkr|arthroplasty|repair|fracture|orif|cva|stroke|replacement|reconstruction|acdf|fusion)\\b|\\b(cva|stroke|hemipare(sis|tic)|hemipleg(ia|ic)|parkinson|ms|tbi|dysphagia|aphasia|dysarthria|apraxia|neuropathy|copd|chf|oa|osteoarthritis|fracture|sprain|tear|tendin(itis|opathy)|radiculopathy|stenosis)\\b' },
  { label: 'risk', pattern: '\\b(fall|falls|aspiration|injury|readmission|safety)\\b|\\brisk\\b' },
  { label: 'measured finding', pattern: '\\b\\d[+-]?/5\\b|\\b\\d+/\\d+\\b|\\b(berg|tug|lefs|odi|ndi|dash|foto)\\b|\\blag\\b|\\bgiv(es|ing)\\s+way\\b|\\bbuckl(e|es|ing)\\b|\\bhypomobil|\\bguarding\\b|\\bantalgic\\b|\\bdeviations?\\b' },
  { label: 'skilled decision', pattern: '\\b(progress(ed|ion|ing)|modif(y|ied|ication)|grad(e|ed|ing)|facilitat(e|ed|ion)|assess(ed|ment)|analys(is|e|ed)|clinical\\s+(judg(e)?ment|reasoning|decision))\\b' },
];

/** What a weak intervention lacks, for the message. */
export const SPECIFICS_HINT = 'no sets, reps, distance, time, load or named task';
export const SUPERVISION_HINT = 'no risk, safety, cueing or monitoring reason';
export const JUSTIFICATION_HINT = 'no limitation, deficit, condition or risk';
