/**
 * Validates one claim against the zod schema and repairs what it can: an invalid optional
 * field is left out, an unusable line is dropped (and the claim marked incomplete), so the
 * other rules still run on everything that is sound.
 */
import type * as z from 'zod';
import { claimSchema, type Claim } from '../model/claim';
import { joinPath, pathFromKeys } from '../parse/sourceMap';
import { ServiceLine } from '../text';
import { unknownKey } from '../unknownText';

export interface SchemaIssue {
  /** Path relative to the claim of the offending value (or of the object missing a key). */
  path: string;
  /** For an unrecognized key, the key's own path (underline the key; never shown, it holds the key's text). */
  keyPath?: string;
  message: string;
}

export interface ValidatedClaim {
  claim?: Claim;
  /** Original index of each line kept in claim.lines. */
  lineIndex: number[];
  complete: boolean;
  issues: SchemaIssue[];
  /** Paths a schema issue covers; other rules stay quiet there. */
  invalid: Set<string>;
}

const REQUIRED_TOP = new Set(['', 'id', 'date_of_service', 'payer', 'payer.type', 'lines']);
const MAX_REPAIRS = 25;

export function validateClaim(raw: unknown): ValidatedClaim {
  const issues: SchemaIssue[] = [];
  const invalid = new Set<string>();
  const first = claimSchema.safeParse(raw, { reportInput: true });
  if (first.success) return { claim: first.data, lineIndex: first.data.lines.map((_, i) => i), complete: true, issues, invalid };

  for (const issue of first.error.issues) issues.push(...describe(issue, raw));
  if (!isObject(raw)) return { lineIndex: [], complete: false, issues, invalid };

  const work = structuredClone(raw) as Record<string, unknown>;
  const lines = Array.isArray(work.lines) ? (work.lines as unknown[]) : undefined;
  const dropped = new Set<number>();
  let result: z.ZodSafeParseResult<Claim> = first;

  for (let round = 0; round < MAX_REPAIRS && !result.success; round++) {
    let progressed = false;
    for (const issue of result.error.issues) {
      let keys = [...issue.path];
      if (issue.code === 'unrecognized_keys') keys = [...keys, issue.keys[0]];
      // Map indices of the filtered lines array back to the original lines.
      if (keys[0] === 'lines' && typeof keys[1] === 'number') keys[1] = keptIndices(lines, dropped)[keys[1]] ?? keys[1];
      const path = pathFromKeys(keys as PropertyKey[]);
      invalid.add(path);
      if (keys[0] === 'lines' && typeof keys[1] === 'number' && lines) {
        const lineNo = keys[1];
        const removed = keys.length === 2 ? undefined : deleteAt(lines[lineNo], keys.slice(2), true);
        if (removed) invalid.add(pathFromKeys(['lines', lineNo, ...removed]));
        else dropped.add(lineNo);
        progressed = true;
      } else if (!REQUIRED_TOP.has(path)) {
        const removed = deleteAt(work, keys, false);
        if (removed && !REQUIRED_TOP.has(pathFromKeys(removed))) {
          invalid.add(pathFromKeys(removed));
          progressed = true;
        }
      }
    }
    if (!progressed) break;
    const candidate = { ...work, lines: lines?.filter((_, i) => !dropped.has(i)) };
    result = claimSchema.safeParse(candidate, { reportInput: true });
  }
  if (!result.success) return { lineIndex: [], complete: false, issues, invalid };
  return { claim: result.data, lineIndex: keptIndices(lines, dropped), complete: dropped.size === 0, issues, invalid };
}

function keptIndices(lines: unknown[] | undefined, dropped: Set<number>): number[] {
  return (lines ?? []).map((_, i) => i).filter((i) => !dropped.has(i));
}

const REQUIRED_IN_LINE = new Set(['code', 'units']);

/**
 * Remove the value at `keys` (or its nearest optional parent) from `target` and return the
 * keys actually removed; undefined when nothing could be removed (below a line, the caller
 * then drops the whole line).
 */
function deleteAt(target: unknown, keys: PropertyKey[], withinLine: boolean): PropertyKey[] | undefined {
  if (keys.length === 0) return undefined;
  if (withinLine && keys.length === 1 && REQUIRED_IN_LINE.has(String(keys[0]))) return undefined;
  let parent: unknown = target;
  for (const k of keys.slice(0, -1)) {
    if (!isObject(parent) && !Array.isArray(parent)) return undefined;
    parent = (parent as Record<PropertyKey, unknown>)[k as never];
  }
  const last = keys[keys.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') {
    // An invalid item of a list (a modifier, a pointer): drop the whole list field.
    return deleteAt(target, keys.slice(0, -1), withinLine);
  }
  if (!isObject(parent)) return deleteAt(target, keys.slice(0, -1), withinLine);
  if (!(String(last) in parent)) {
    // A required key is missing inside an optional object: drop that object.
    return keys.length > 1 ? deleteAt(target, keys.slice(0, -1), withinLine) : undefined;
  }
  delete (parent as Record<string, unknown>)[String(last)];
  return keys;
}

/**
 * What a message names: a claim field by its path, a line's field after the line as billing
 * people count it ("Service line 2 (97110): units"); the path itself stays in `path`.
 */
function subject(path: string, raw: unknown): string {
  const m = /^lines\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (!m) return path || 'claim';
  const index = Number(m[1]);
  const lines = isObject(raw) ? raw.lines : undefined;
  const line = Array.isArray(lines) ? (lines as unknown[])[index] : undefined;
  const code = isObject(line) && typeof line.code === 'string' ? line.code : undefined;
  return m[2] ? `${ServiceLine(index, code)}: ${m[2]}` : ServiceLine(index, code);
}

function describe(issue: z.core.$ZodIssue, raw: unknown): SchemaIssue[] {
  const path = pathFromKeys(issue.path as PropertyKey[]);
  const where = subject(path, raw);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({
        path,
        keyPath: joinPath(path, k),
        message: `${where}: ${unknownKey(k, CLAIM_KEYS)}; the claim format has no such field.`,
      }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ path, message: `${where}: required field is missing.` }];
      return [{ path, message: `${where}: expected ${issue.expected}.` }];
    case 'invalid_value':
      return [{ path, message: `${where}: must be one of ${issue.values.map(String).join(', ')}.` }];
    case 'invalid_union':
      return [{ path, message: `${where}: expected ${expectedOf(path)}.` }];
    case 'too_big':
    case 'too_small':
    case 'invalid_format':
    case 'custom':
      return [{ path, message: `${where}: ${issue.message}.`.replace(/\.\.$/, '.') }];
    default:
      return [{ path, message: `${where}: invalid value.` }];
  }
}

/** Every key name of the claim format, for "did you mean …?". */
const CLAIM_KEYS = new Set<string>();
(function collect(s: unknown): void {
  const z4 = s as { shape?: Record<string, unknown>; unwrap?: () => unknown; element?: unknown; def?: { in?: unknown } };
  if (z4.shape) {
    for (const [k, v] of Object.entries(z4.shape)) {
      CLAIM_KEYS.add(k);
      collect(v);
    }
  } else if (typeof z4.unwrap === 'function') collect(z4.unwrap());
  else if (z4.element) collect(z4.element);
  else if (z4.def?.in) collect(z4.def.in);
})(claimSchema);

function expectedOf(path: string): string {
  if (/modifiers\[\d+\]$/.test(path)) return 'a two-character modifier such as GP or 59';
  if (/\.code$/.test(path)) return 'a procedure code such as "97530"';
  return 'a value of the right type';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
