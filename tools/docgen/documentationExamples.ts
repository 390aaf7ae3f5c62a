/**
 * Short examples for the documentation rules' pages (docs/rules/<id>.md, "## Examples"):
 * what each rule calls written well enough, and what it reports. Each example is a line of
 * `code` whose note is complete and strong except for what the example sets: `field` written
 * as `text` (an empty string is a field written empty), and the fields in `omit` left out.
 * test/unit/docRuleExamples.test.ts audits every one through the real engine. Build-time
 * data: the docs generator and the tests read it; nothing shipped does.
 */
export interface DocExample {
  code: string;
  field?: 'justification' | 'functional_goal' | 'supervision_need' | 'intervention' | 'equipment';
  text?: string;
  omit?: Array<'justification' | 'functional_goal' | 'supervision_need' | 'intervention' | 'assistance_level' | 'equipment'>;
}

export interface RuleExamples {
  /** Written well enough: no documentation rule reports them. */
  adequate: DocExample[];
  /** The rule reports each of these. */
  reported: DocExample[];
}

export const DOCUMENTATION_EXAMPLES: Record<string, RuleExamples> = {
  'documentation-weak': {
    adequate: [
      { code: '97116', field: 'intervention', text: "Gait w/ RW 150' x3, VC for step length & heel strike, TC at pelvis for R Trendelenburg." },
      { code: '97110', field: 'intervention', text: 'SAQ 3x10 2#, SLR 3x10, heel slides 2x15, seated HS stretch 3x30s.' },
      { code: '97110', field: 'intervention', text: 'Quad sets 2 x 15, straight-leg raises 3 x 10 with 2 lb cuff weight. Tolerated well.' },
      { code: '97112', field: 'supervision_need', text: 'CGA; monitors dizziness with head turns.' },
      { code: '92507', field: 'justification', text: 'L MCA CVA w/ mod nonfluent aphasia, WAB AQ 54, unable to convey needs to spouse.' },
      { code: '97129', field: 'justification', text: 'TBI, MoCA 20/30, forgets appts & meds.' },
    ],
    reported: [
      { code: '97110', field: 'intervention', text: 'Ther ex x 23 min for LE strengthening.' },
      { code: '97112', field: 'intervention', text: 'Neuro re-ed x 15 min for balance.' },
      { code: '97116', field: 'intervention', text: 'Gait training 150 ft x 2 with rolling walker, min assist.' },
      { code: '97530', field: 'justification', text: 'Patient would benefit from continued skilled physical therapy services.' },
      { code: '97112', field: 'supervision_need', text: 'Patient tolerated treatment well.' },
      { code: '97110', field: 'justification', text: 'TODO: why skilled one-on-one care was needed' },
    ],
  },
  'goal-not-measurable': {
    adequate: [
      { code: '97116', field: 'functional_goal', text: "Amb 150' w/ RW mod I x4 wks for household mobility." },
      { code: '92507', field: 'functional_goal', text: 'Patient will name 8 of 10 household objects to tell family what he needs within 6 weeks.' },
      { code: '97129', field: 'functional_goal', text: 'Patient will fill a weekly pill organizer without errors within 6 weeks to manage medications.' },
      { code: '97535', field: 'functional_goal', text: 'Patient will shave and comb his hair with set-up only within 3 weeks.' },
      { code: '97530', field: 'functional_goal', text: 'Return to soccer: agility T-test under 11 s x5 wks.' },
      { code: '97112', field: 'functional_goal', text: 'DHI < 30 and walking with head turns w/o LOB x6 wks to return to driving.' },
    ],
    reported: [
      { code: '97110', field: 'functional_goal', text: 'Increase knee flexion to 110 degrees within 4 weeks.' },
      { code: '97110', field: 'functional_goal', text: 'Improve strength.' },
      { code: '97129', field: 'functional_goal', text: 'Patient will improve memory.' },
      { code: '97116', field: 'functional_goal', text: 'Patient will walk 300 feet with a cane.' },
    ],
  },
  'exercise-vs-activity': {
    adequate: [
      { code: '97530', field: 'intervention', text: 'Pegboard 25 pegs x2, coin flips 2x10, button board 3 trials.' },
      { code: '97530', field: 'intervention', text: 'Agility ladder 5 patterns x3, figure-8 runs x6, lateral bounds 3x10 with feedback on landing.' },
      { code: '97110', field: 'intervention', text: 'Short-arc quads 3 x 10 with 2 lb cuff weight, straight-leg raises 3 x 10.' },
      { code: '97530', field: 'intervention', text: 'Sit-to-stand 3 x 8 with 2 lb cuff weights, lifting a laundry basket from floor to waist x 6, step-ups 2 x 10.' },
    ],
    reported: [
      { code: '97530', field: 'intervention', text: 'Static standing on foam 3 x 30 seconds, tandem stance 3 x 30 seconds, single-leg stance 5 x 10 seconds.' },
      { code: '97530', field: 'intervention', text: 'Bicep curls 3 x 10 with 3 lb dumbbells, straight-leg raises 3 x 10.' },
      { code: '97110', field: 'intervention', text: 'Stand-pivot transfers x 6, sit-to-stand 3 x 8, lifting a laundry basket floor to counter x 5.' },
    ],
  },
  'documentation-unskilled': {
    adequate: [
      { code: '92526', field: 'intervention', text: 'Chin-tuck with thin liquid by cup 20 trials, 16 of 20 without cough; cues faded to verbal only.' },
      { code: '97116', field: 'intervention', text: 'Gait with quad cane 100 ft x 3 with tactile cues at the knee to prevent hyperextension.' },
      { code: '97110', field: 'intervention', text: 'Home program reviewed and progressed: bridges 3 x 12 added, clamshells moved to green band; form corrected.' },
    ],
    reported: [
      { code: '97110', field: 'intervention', text: 'Patient performed HEP independently: bridges 3 x 10, clamshells 3 x 10.' },
      { code: '92526', field: 'intervention', text: 'Fed patient lunch and observed for signs of aspiration; ate 75%.' },
      { code: '97116', field: 'intervention', text: 'Pt ambulated 300 ft x 2 in hallway with SBA.' },
    ],
  },
  'documentation-missing': {
    adequate: [
      { code: '97140', omit: ['supervision_need', 'assistance_level'] },
      { code: '97129', omit: ['assistance_level'] },
      { code: '92507', omit: ['functional_goal', 'supervision_need', 'assistance_level'] },
    ],
    reported: [
      { code: '97110', omit: ['supervision_need'] },
      { code: '92507', field: 'justification', text: '' },
      { code: '97140', omit: ['intervention'] },
    ],
  },
};
