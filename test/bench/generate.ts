/** Builds a large, realistic claim file for benchmarks (about 3 KB per claim). */
export function claimText(i: number): string {
  const minutes = 20 + (i % 40);
  const units = Math.floor(minutes / 15) + (minutes % 15 >= 8 ? 1 : 0);
  const id = String(100000 + i);
  return `  - id: CLM-2026-${id}
    date_of_service: 2026-03-${String(1 + (i % 28)).padStart(2, '0')}
    payer:
      type: medicare
      name: Medicare Part B
    patient:
      id: PT-${id}
      ytd_allowed: { pt_slp: ${(i * 7) % 2000}.00, ot: 0 }
    provider:
      npi: "1234567893"
      discipline: PT
    plan_of_care:
      discipline: PT
      start_date: 2026-02-02
      certified_date: 2026-02-10
      cert_through: 2026-05-02
      treatment_days_since_progress_report: ${i % 9}
    diagnoses: [I69.354, R26.2]
    visit:
      total_timed_minutes: ${minutes}
      total_treatment_minutes: ${minutes}
    lines:
      - code: "97530"
        modifiers: [GP]
        units: ${units}
        minutes: ${minutes}
        assistant_minutes: 0
        charge: 120.00
        diagnosis_pointers: [1, 2]
        documentation:
          justification: >-
            Left-sided hemiplegia after CVA limits reaching and grasping; cannot
            transfer bed to chair without moderate assistance and needs cues to
            sequence the transfer safely at home with a single caregiver present.
          functional_goal: >-
            Patient will transfer bed to wheelchair with stand-by assist within 4 weeks
            to return home with spouse and resume toileting with one helper.
          supervision_need: >-
            Fall risk (Berg 38/56) and need for tactile cueing for weight shift during
            pivots, with loss of balance to the left observed in two of five trials.
          intervention: >-
            Sit-to-stand and stand-pivot transfer practice, reaching tasks across midline
            in standing, 3 x 10 repetitions with gait belt, and lower-body dressing in
            standing at the grab bar for 2 trials with verbal cues for sequencing.
          assistance_level: mod
          equipment: gait belt, hemi-walker
`;
}

export function claimFile(count: number): string {
  const parts = ['# Generated benchmark file\nclaims:\n'];
  for (let i = 0; i < count; i++) parts.push(claimText(i));
  return parts.join('');
}

/**
 * One claim with `lines` service lines (issue 11 item 7: work per claim must be linear in
 * its lines). Lines cycle through codes and modifier mistakes, so every modifier rule, the
 * unit rules and their fixes run on each line.
 */
export function longClaim(lines: number): string {
  const parts = ['claim:\n  id: LONG-1\n  date_of_service: 2026-03-10\n  payer: {type: medicare}\n  patient: {id: PT-1}\n  plan_of_care: {discipline: PT}\n  lines:\n'];
  const codes = ['97110', '97530', '97140', '97112'];
  const mods = ['[]', '[GP]', '[CQ]', '[GO, GN]', '["GP", 59]'];
  for (let i = 0; i < lines; i++) {
    parts.push(`    - code: "${codes[i % codes.length]}"\n      modifiers: ${mods[i % mods.length]}\n      units: ${1 + (i % 3)}\n      minutes: ${10 + (i % 30)}\n      assistant_minutes: 0\n`);
  }
  return parts.join('');
}
