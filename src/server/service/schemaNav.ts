/**
 * Walks the zod schemas of the claim format (src/core/model/claim.ts) by key path, for
 * key and enum completion and for key hovers: the format has one source of truth.
 */
import { z } from 'zod';
import { claimSchema } from '../../core';

type Schema = z.ZodType;

/** Path segments: mapping keys, and '[]' for "an item of this sequence". */
export type KeyPath = readonly string[];

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  entries?: Record<string, string>;
  options?: Schema[];
}

function def(s: Schema): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strip optional/default/nullable wrappers and transforms. */
export function unwrap(s: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = def(cur);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'readonly') && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else break;
  }
  return cur;
}

/** The description given with .describe() on the schema or any wrapper. */
export function describeOf(s: Schema): string | undefined {
  let cur: Schema | undefined = s;
  for (let i = 0; cur && i < 10; i++) {
    if (cur.description) return cur.description;
    const d = def(cur);
    cur = d.innerType ?? d.in;
  }
  return undefined;
}

export function isRequired(s: Schema): boolean {
  const t = def(s).type;
  return t !== 'optional' && t !== 'default';
}

/** A document: one claim, or a list of claims (one of the two keys; completion offers both). */
const ROOT: Schema = z.object({
  claims: z.array(claimSchema).describe('A list of claims'),
  claim: claimSchema.describe('One claim'),
});

/** The schema at a key path ([] is the document root), or undefined for an unknown path. */
export function schemaAt(path: KeyPath): Schema | undefined {
  let cur: Schema | undefined = ROOT;
  for (const seg of path) {
    if (!cur) return undefined;
    const d = def(unwrap(cur));
    if (seg === '[]') cur = d.type === 'array' ? d.element : undefined;
    else cur = d.type === 'object' ? d.shape?.[seg] : undefined;
  }
  return cur;
}

export interface KeyInfo {
  key: string;
  description?: string;
  required: boolean;
  /** object, array, enum, string, number, … (after unwrapping). */
  type: string;
  /** For arrays: the unwrapped item type. */
  itemType?: string;
}

/** Keys of the mapping at `path` ([] is the document root). */
export function keysAt(path: KeyPath): KeyInfo[] {
  const s = schemaAt(path);
  if (!s) return [];
  const d = def(unwrap(s));
  if (d.type !== 'object' || !d.shape) return [];
  return Object.entries(d.shape).map(([key, child]) => {
    const inner = def(unwrap(child));
    return {
      key,
      description: describeOf(child),
      required: isRequired(child),
      type: inner.type,
      itemType: inner.type === 'array' && inner.element ? def(unwrap(inner.element)).type : undefined,
    };
  });
}

/** Enum values allowed at `path` (the value of a key), or undefined when not an enum. */
export function enumValuesAt(path: KeyPath): string[] | undefined {
  const s = schemaAt(path);
  if (!s) return undefined;
  const d = def(unwrap(s));
  return d.type === 'enum' && d.entries ? Object.values(d.entries) : undefined;
}

/** Type at a path after unwrapping ('array', 'object', 'enum', …). */
export function typeAt(path: KeyPath): string | undefined {
  const s = schemaAt(path);
  return s ? def(unwrap(s)).type : undefined;
}

/** Turn a source-map path (lines[1].documentation.intervention) into key segments. */
export function keyPathOf(prefix: string, path: string): string[] {
  const full = prefix ? (path ? (path.startsWith('[') ? prefix + path : `${prefix}.${path}`) : prefix) : path;
  return full
    .replace(/\[\d+\]/g, '.[]')
    .split('.')
    .filter(Boolean);
}
