/**
 * Walks the claim format's JSON Schema (schema/claim.schema.json, generated from the zod
 * schemas of src/core/model/claim.ts by `npm run gen`; a test fails when it drifts) by key
 * path, for key and enum completion and for key hovers. Reading the generated schema keeps
 * zod's internals (and its JSON Schema generator) out of the language server.
 */
import claimFileSchema from '../../schema/claim.schema.json';

/** The JSON Schema subset the generator writes for the claim format (no $ref: it inlines). */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
}

/** Path segments: mapping keys, and '[]' for "an item of this sequence". */
export type KeyPath = readonly string[];

/** A document: one claim, or a list of claims (one of the two keys; completion offers both). */
const ROOT: JsonSchema = rootOf(claimFileSchema as unknown as JsonSchema);

function rootOf(file: JsonSchema): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const branch of file.anyOf ?? [file]) Object.assign(properties, branch.properties);
  const described: Record<string, string> = { claims: 'A list of claims', claim: 'One claim' };
  for (const [k, v] of Object.entries(properties)) properties[k] = { ...v, description: v.description ?? described[k] };
  return { type: 'object', properties, required: [] };
}

/** The description of a schema node. */
export function describeOf(s: JsonSchema): string | undefined {
  return s.description;
}

/** The node's type: object, array, enum, string, number, integer, boolean, or union (anyOf / several types). */
export function typeOf(s: JsonSchema): string {
  if (s.enum) return 'enum';
  if (typeof s.type === 'string') return s.type;
  return 'union';
}

/** The schema at a key path ([] is the document root), or undefined for an unknown path. */
export function schemaAt(path: KeyPath): JsonSchema | undefined {
  let cur: JsonSchema | undefined = ROOT;
  for (const seg of path) {
    if (!cur) return undefined;
    if (seg === '[]') cur = cur.type === 'array' ? cur.items : undefined;
    else cur = cur.type === 'object' && cur.properties && Object.hasOwn(cur.properties, seg) ? cur.properties[seg] : undefined;
  }
  return cur;
}

export interface KeyInfo {
  key: string;
  description?: string;
  required: boolean;
  /** object, array, enum, string, number, … */
  type: string;
  /** For arrays: the item type. */
  itemType?: string;
}

/** Keys of the mapping at `path` ([] is the document root). */
export function keysAt(path: KeyPath): KeyInfo[] {
  const s = schemaAt(path);
  if (!s || s.type !== 'object' || !s.properties) return [];
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties).map(([key, child]) => ({
    key,
    description: describeOf(child),
    required: required.has(key),
    type: typeOf(child),
    itemType: child.type === 'array' && child.items ? typeOf(child.items) : undefined,
  }));
}

/** Enum values allowed at `path` (the value of a key), or undefined when not an enum. */
export function enumValuesAt(path: KeyPath): string[] | undefined {
  const s = schemaAt(path);
  return s?.enum ? s.enum.map(String) : undefined;
}

/** Turn a source-map path (lines[1].documentation.intervention) into key segments. */
export function keyPathOf(prefix: string, path: string): string[] {
  const full = prefix ? (path ? (path.startsWith('[') ? prefix + path : `${prefix}.${path}`) : prefix) : path;
  return full
    .replace(/\[\d+\]/g, '.[]')
    .split('.')
    .filter(Boolean);
}
