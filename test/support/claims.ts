/**
 * The one claim builder of the tests: a ClaimSpec (a claim in a few words, defaults for the
 * rest) written as claim-file YAML in one of two layouts: 'flow' (compact, one line per map:
 * `payer: { type: medicare }`, `- { code: "97110", units: 1 }`) or 'block' (one key a line,
 * as a biller's file reads). `claimYaml`/`claimsFile` write a `claims:` list, `singleClaimYaml`
 * the one-claim `claim:` form. Values are written as given: quote them (JSON.stringify) when
 * they need it. The fixed claims built on it (the documented PT visit, the over-billed visit,
 * the benchmark's realistic claim) are in test/support/claimSamples.ts.
 */

export interface LineSpec {
  code: string;
  /** Written as given, e.g. ['GP', '"59"']. Default: GP (GN for an SLP claim, GO for OT); false leaves the key out. */
  modifiers?: string[] | false;
  units: number;
  minutes?: number;
  assistantMinutes?: number;
  /** A number, or a string written as given ('120.00'). */
  charge?: number | string;
  diagnosisPointers?: number[];
  /** The line's note: a string is written as given, a list of strings as a folded (>-) block of those lines. */
  documentation?: Record<string, string | string[]>;
}

export interface PlanSpec {
  /** Defaults: started and certified on the date of service, certified through the year's end. */
  start?: string;
  certified?: string;
  through?: string;
  daysSinceProgressReport?: number;
}

export interface ClaimSpec {
  id?: string;
  /** Default 2026-03-02. */
  date?: string;
  /** Default medicare. */
  payer?: string;
  payerName?: string;
  /** patient.id; the key is left out when neither this nor ytd is given. */
  patient?: string;
  /** patient.ytd_allowed, e.g. { pt_slp: '2400.00' }. */
  ytd?: Record<string, number | string>;
  discipline?: 'PT' | 'OT' | 'SLP';
  npi?: string;
  /** false leaves out the provider. */
  provider?: false;
  /** The plan of care; false leaves it out, 'discipline' writes only its discipline. */
  plan?: false | 'discipline' | PlanSpec;
  diagnoses?: string[];
  visit?: { timed?: number; treatment?: number; progressReport?: boolean };
  lines: LineSpec[];
}

export type Layout = 'flow' | 'block';

const THERAPY_MODIFIER = { PT: 'GP', OT: 'GO', SLP: 'GN' } as const;

/** A map's entries in order; an Inline map is written on one line in either layout, a Folded value as a >- block. */
type Value = string | Entries | Inline | Folded;
type Entries = [string, Value][];
class Inline {
  constructor(readonly entries: Entries) {}
}
class Folded {
  constructor(readonly lines: string[]) {}
}

const list = (xs: readonly (string | number)[]) => `[${xs.join(', ')}]`;
const present = <T>(key: string, value: T | undefined, show: (v: T) => Value = (v) => String(v)): Entries => (value === undefined ? [] : [[key, show(value)]]);

function lineEntries(l: LineSpec, discipline: 'PT' | 'OT' | 'SLP'): Entries {
  const modifiers = l.modifiers ?? [THERAPY_MODIFIER[discipline]];
  return [
    ['code', `"${l.code}"`],
    ...(modifiers === false ? [] : ([['modifiers', list(modifiers)]] as Entries)),
    ['units', String(l.units)],
    ...present('minutes', l.minutes),
    ...present('assistant_minutes', l.assistantMinutes),
    ...present('charge', l.charge),
    ...present('diagnosis_pointers', l.diagnosisPointers, list),
    ...present('documentation', l.documentation, (d) => Object.entries(d).map(([k, v]): [string, Value] => [k, Array.isArray(v) ? new Folded(v) : v])),
  ];
}

function planEntries(c: ClaimSpec, date: string, discipline: string): Entries {
  if (c.plan === false) return [];
  if (c.plan === 'discipline') return [['plan_of_care', [['discipline', discipline]]]];
  const p = c.plan ?? {};
  return [
    [
      'plan_of_care',
      [
        ['discipline', discipline],
        ['start_date', p.start ?? date],
        ['certified_date', p.certified ?? date],
        ['cert_through', p.through ?? `${date.slice(0, 4)}-12-31`],
        ...present('treatment_days_since_progress_report', p.daysSinceProgressReport),
      ],
    ],
  ];
}

function claimEntries(c: ClaimSpec): { head: Entries; lines: Entries[] } {
  const date = c.date ?? '2026-03-02';
  const discipline = c.discipline ?? 'PT';
  const patient: Entries = [...present('id', c.patient), ...present('ytd_allowed', c.ytd, (y) => new Inline(Object.entries(y).map(([k, v]) => [k, String(v)])))];
  const visit: Entries = [...present('total_timed_minutes', c.visit?.timed), ...present('total_treatment_minutes', c.visit?.treatment), ...(c.visit?.progressReport ? ([['progress_report', 'true']] as Entries) : [])];
  const head: Entries = [
    ['id', c.id ?? 'CLM-1'],
    ['date_of_service', date],
    ['payer', [['type', c.payer ?? 'medicare'], ...present('name', c.payerName)]],
    ...(patient.length ? ([['patient', patient]] as Entries) : []),
    ...(c.provider === false ? [] : ([['provider', [['npi', `"${c.npi ?? '1234567893'}"`], ['discipline', discipline]]]] as Entries)),
    ...planEntries(c, date, discipline),
    ...present('diagnoses', c.diagnoses, list),
    ...(visit.length ? ([['visit', visit]] as Entries) : []),
  ];
  return { head, lines: c.lines.map((l) => lineEntries(l, discipline)) };
}

const inline = (entries: Entries): string => `{ ${entries.map(([k, v]) => `${k}: ${v instanceof Inline ? inline(v.entries) : (v as string)}`).join(', ')} }`;

/** The lines (relative indentation) of a map's entries: nested maps inline in the flow layout, one key a line in the block layout. */
function mapLines(entries: Entries, layout: Layout): string[] {
  const out: string[] = [];
  for (const [key, value] of entries) {
    if (typeof value === 'string') out.push(`${key}: ${value}`);
    else if (value instanceof Inline) out.push(`${key}: ${inline(value.entries)}`);
    else if (value instanceof Folded) out.push(`${key}: >-`, ...value.lines.map((l) => `  ${l}`));
    else if (layout === 'flow' && !value.some(([, v]) => v instanceof Folded || Array.isArray(v))) out.push(`${key}: ${inline(value)}`);
    else out.push(`${key}:`, ...mapLines(value, layout).map((l) => `  ${l}`));
  }
  return out;
}

/** One list item: `- ` before the first line, the rest indented to match. */
const item = (lines: string[]) => lines.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`));

function claimLines(c: ClaimSpec, layout: Layout): string[] {
  const { head, lines } = claimEntries(c);
  return [
    ...mapLines(head, layout),
    'lines:',
    ...lines.flatMap((l) => (layout === 'flow' && !l.some(([, v]) => typeof v !== 'string') ? [`- ${inline(l)}`] : item(mapLines(l, 'block'))).map((s) => `  ${s}`)),
  ];
}

/** One claim as an item of a `claims:` list (no line break at the end). */
export function claimYamlItem(c: ClaimSpec, layout: Layout = 'flow'): string {
  return item(claimLines(c, layout))
    .map((l) => `  ${l}`)
    .join('\n');
}

/** A claim file (`claims:` list) of the given claims, flow layout. */
export function claimYaml(...claims: ClaimSpec[]): string {
  return claimsFile(claims);
}

/** A claim file (`claims:` list); `header` (e.g. a comment line with its line break) goes first. */
export function claimsFile(claims: ClaimSpec[], o: { layout?: Layout; header?: string } = {}): string {
  return `${o.header ?? ''}claims:\n${claims.map((c) => `${claimYamlItem(c, o.layout)}\n`).join('')}`;
}

/** A one-claim file (`claim:` form). */
export function singleClaimYaml(c: ClaimSpec, layout: Layout = 'flow'): string {
  return `claim:\n${claimLines(c, layout)
    .map((l) => `  ${l}\n`)
    .join('')}`;
}
