/**
 * Where a claim's fields are, kept compact (an editor holds every claim of a workspace in its
 * patient index): one [start, end) offset pair per path the cross-claim rules point at, in a
 * fixed order (placePaths), and the starts of the claim's lines to turn an offset into a line
 * and character on demand. Plain number arrays, so the CLI's --cache and worker threads carry
 * them as they are.
 */
import type { LineIndex } from '../parse/lines';
import { lastAtOrBefore } from '../search';
import type { Span } from '../types';
import type { PatientClaim, Place } from './types';

/** The claim fields the cross-claim rules point at (a line's fields are added per line). */
export const CLAIM_PATHS = [
  '',
  'id',
  'date_of_service',
  'patient',
  'patient.ytd_allowed',
  'patient.ytd_allowed.pt_slp',
  'patient.ytd_allowed.ot',
  'plan_of_care',
  'plan_of_care.start_date',
  'plan_of_care.certified_date',
  'plan_of_care.cert_through',
  'plan_of_care.treatment_days_since_progress_report',
  'visit',
  'visit.progress_report',
];
const LINE_FIELDS = ['', '.code', '.units', '.minutes', '.modifiers'];

type Shape = Pick<PatientClaim, 'lines'>;

/** The located paths of a claim, in the order of its `spans`: CLAIM_PATHS, then per line its fields and modifiers. */
export function placePaths(claim: Shape): string[] {
  const out = [...CLAIM_PATHS];
  for (const l of claim.lines) {
    for (const f of LINE_FIELDS) out.push(`lines[${l.index}]${f}`);
    l.modifiers.forEach((_, j) => out.push(`lines[${l.index}].modifiers[${j}]`));
  }
  return out;
}

/** Slot of each path per claim shape (its lines and their modifier counts): claims of one shape share it. */
const slotsByShape = new Map<string, Map<string, number>>();

function slotOf(claim: Shape, path: string): number | undefined {
  const shape = claim.lines.map((l) => `${l.index}:${l.modifiers.length}`).join(',');
  let slots = slotsByShape.get(shape);
  if (!slots) {
    if (slotsByShape.size >= 1024) slotsByShape.clear();
    slots = new Map(placePaths(claim).map((p, i) => [p, i]));
    slotsByShape.set(shape, slots);
  }
  return slots.get(path);
}

/**
 * The compact places of a claim: `spanOf(path)` for each placePaths entry (file offsets), and
 * the lines they lie on. Without `lines` (a unit's claims read apart from their file), the
 * spans only: the lines are taken once the unit is placed in its file (placedSpans), and a
 * worker would send them for nothing.
 */
export function compactPlaces(claim: Shape, spanOf: (path: string) => Span, lines: LineIndex | undefined): Pick<PatientClaim, 'spans' | 'firstLine' | 'lineStarts'> {
  const spans: number[] = [];
  for (const p of placePaths(claim)) {
    const s = spanOf(p);
    spans.push(s.start, s.end);
  }
  return lines ? placedSpans(spans, lines) : { spans, firstLine: 0, lineStarts: [] };
}

/** Spans (start, end pairs of file offsets) with the lines they lie on in `lines`. */
export function placedSpans(spans: number[], lines: LineIndex): Pick<PatientClaim, 'spans' | 'firstLine' | 'lineStarts'> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of spans) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  if (spans.length === 0) lo = hi = 0;
  const firstLine = lines.position(lo).line;
  const lastLine = lines.position(hi).line;
  const lineStarts: number[] = [];
  for (let k = firstLine; k <= lastLine; k++) lineStarts.push(lines.lineStart(k));
  return { spans, firstLine, lineStarts };
}

/** The places moved by `offset` characters and `lines` lines (the claim's own text unchanged). */
export function shiftPlaces(c: Pick<PatientClaim, 'spans' | 'firstLine' | 'lineStarts'>, offset: number, lines: number): Pick<PatientClaim, 'spans' | 'firstLine' | 'lineStarts'> {
  return { spans: c.spans.map((x) => x + offset), firstLine: c.firstLine + lines, lineStarts: c.lineStarts.map((x) => x + offset) };
}

/** A path's place in its claim, or its nearest parent's (a missing field is shown at its parent). */
export function placeOf(c: PatientClaim, path: string): Place {
  for (let p = path; ; p = parentPath(p)) {
    const slot = slotOf(c, p);
    if (slot !== undefined && 2 * slot + 1 < c.spans.length) {
      const span = { start: c.spans[2 * slot], end: c.spans[2 * slot + 1] };
      return { span, range: { start: positionIn(c, span.start), end: positionIn(c, span.end) } };
    }
    if (p === '') return { span: { start: 0, end: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }
}

function positionIn(c: Pick<PatientClaim, 'firstLine' | 'lineStarts'>, offset: number): { line: number; character: number } {
  const k = lastAtOrBefore(c.lineStarts.length, (i) => c.lineStarts[i], offset);
  return { line: c.firstLine + k, character: Math.max(0, offset - c.lineStarts[k]) };
}

function parentPath(p: string): string {
  const m = /^(.*?)(?:\.[^.[\]]+|\[\d+\])$/.exec(p);
  return m ? m[1] : '';
}
