/**
 * The one claim builder of the tests: `claimYaml` writes a claim file from a short spec (one
 * claim or a list), `claimFile`/`claimItem` the documented PT visit that is clean for every
 * rule except what its options break, and OVER_BILLED the visit whose 47 timed minutes
 * support 3 units while 4 are billed.
 */

export interface LineSpec {
  code: string;
  /** Default: GP (GN for an SLP claim, GO for OT). */
  modifiers?: string[];
  units: number;
  minutes?: number;
  charge?: number;
}

export interface ClaimSpec {
  id?: string;
  /** Default 2026-03-02. */
  date?: string;
  payer?: string;
  discipline?: 'PT' | 'OT' | 'SLP';
  npi?: string;
  /** The plan of care; false leaves it out. Default: started, certified on the date, through the year's end. */
  plan?: false;
  lines: LineSpec[];
}

const THERAPY_MODIFIER = { PT: 'GP', OT: 'GO', SLP: 'GN' } as const;

/** One claim as an item of a `claims:` list (flow-style lines). */
export function claimYamlItem(c: ClaimSpec): string {
  const date = c.date ?? '2026-03-02';
  const discipline = c.discipline ?? 'PT';
  const line = (l: LineSpec) => {
    const parts = [`code: "${l.code}"`, `modifiers: [${(l.modifiers ?? [THERAPY_MODIFIER[discipline]]).join(', ')}]`, `units: ${l.units}`];
    if (l.minutes !== undefined) parts.push(`minutes: ${l.minutes}`);
    if (l.charge !== undefined) parts.push(`charge: ${l.charge}`);
    return `      - { ${parts.join(', ')} }`;
  };
  return [
    `  - id: ${c.id ?? 'CLM-1'}`,
    `    date_of_service: ${date}`,
    `    payer: { type: ${c.payer ?? 'medicare'} }`,
    `    provider: { npi: "${c.npi ?? '1234567893'}", discipline: ${discipline} }`,
    ...(c.plan === false ? [] : [`    plan_of_care: { discipline: ${discipline}, start_date: ${date}, certified_date: ${date}, cert_through: ${date.slice(0, 4)}-12-31 }`]),
    '    lines:',
    ...c.lines.map(line),
  ].join('\n');
}

/** A claim file (`claims:` list) of the given claims. */
export function claimYaml(...claims: ClaimSpec[]): string {
  return `claims:\n${claims.map(claimYamlItem).join('\n')}\n`;
}

/**
 * Over-billed: 47 timed minutes support 3 units, 4 billed (one timed-units-total finding; the
 * documentation rules are disabled in the file). `id` names the claim, `comment` is kept on
 * 97112's units line (a comment that --fix must keep).
 */
export function overBilled(id = 'CLM-OVER', comment = ''): string {
  return `# claimlint-disable-file documentation-missing, documentation-weak, goal-not-measurable
claims:
  - id: ${id}
    date_of_service: 2026-03-02
    payer: { type: medicare }
    provider: { npi: "1234567893", discipline: PT }
    plan_of_care: { discipline: PT, start_date: 2026-02-16, certified_date: 2026-02-20, cert_through: 2026-05-15 }
    lines:
      - code: "97112"
        modifiers: [GP]
        units: 3${comment ? `   # ${comment}` : ''}
        minutes: 24
      - code: "97110"
        modifiers: [GP]
        units: 1
        minutes: 23
`;
}

const DOCUMENTATION_97110 = `        documentation:
          justification: >-
            Left knee osteoarthritis with quadriceps weakness limits stair climbing;
            requires skilled progression of resistance and form correction.
          functional_goal: >-
            Patient will climb 12 stairs with one rail independently within 4 weeks
            to reach the bedroom at home.
          supervision_need: >-
            Fall risk (Berg 44/56) and need for tactile cues to control knee valgus.
          intervention: >-
            Straight-leg raises 3 x 10 with 2 lb cuff weight, terminal knee extension
            3 x 12 with band, hamstring stretch 3 x 30 seconds.
          assistance_level: supervision
          equipment: cuff weight, resistance band`;

const DOCUMENTATION_97530 = `        documentation:
          justification: >-
            Impaired balance and weakness after knee OA flare prevent safe transfers;
            requires skilled task grading and cueing.
          functional_goal: >-
            Patient will transfer bed to chair with supervision within 4 weeks to
            return home with spouse.
          supervision_need: >-
            Fall risk (Berg 44/56) and need for contact guard during weight shift.
          intervention: >-
            Sit-to-stand from 18-inch chair 3 x 8 with weight-shift cues, stand-pivot
            transfers x 4, reaching across midline in standing 2 x 10.
          assistance_level: cga
          equipment: gait belt`;

export interface ClaimOptions {
  id?: string;
  payer?: string;
  units110?: number;
  units530?: number;
  minutes110?: number;
  minutes530?: number;
  modifiers530?: string;
}

/**
 * One PT claim, clean for every rule except what the options break: 97110 20 min and
 * 97530 18 min support 2 + 1 units under the CMS rule.
 */
export function claimItem(o: ClaimOptions = {}): string {
  return `  - id: ${o.id ?? 'CLM-1'}
    date_of_service: 2026-03-14
    payer:
      type: ${o.payer ?? 'medicare'}
    patient:
      id: PT-1
    provider:
      npi: "1234567893"
      discipline: PT
    plan_of_care:
      discipline: PT
      start_date: 2026-02-02
      certified_date: 2026-02-10
      cert_through: 2026-05-02
    diagnoses: [M17.11]
    visit:
      total_timed_minutes: ${(o.minutes110 ?? 20) + (o.minutes530 ?? 18)}
      total_treatment_minutes: ${(o.minutes110 ?? 20) + (o.minutes530 ?? 18)}
    lines:
      - code: "97110"
        modifiers: [GP]
        units: ${o.units110 ?? 2}
        minutes: ${o.minutes110 ?? 20}
        diagnosis_pointers: [1]
${DOCUMENTATION_97110}
      - code: "97530"
        modifiers: [${o.modifiers530 ?? 'GP'}]
        units: ${o.units530 ?? 1}
        minutes: ${o.minutes530 ?? 18}
        diagnosis_pointers: [1]
${DOCUMENTATION_97530}
`;
}

export function claimFile(...items: ClaimOptions[]): string {
  return `claims:\n${(items.length ? items : [{}]).map(claimItem).join('')}`;
}
