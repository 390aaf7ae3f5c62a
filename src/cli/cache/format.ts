/**
 * The `--cache` file's format: its head's shape, and reading it back (the layout of head and
 * parts: ./layout.ts). The cache is a file in the workspace anyone can edit, so a file is used
 * only when its head is signed by this user on this machine (./mac.ts), each part only when
 * its bytes match the digest the head gives, and every entry and part only when it has the
 * shape the CLI reads; anything else is no cache (or, for a part, no entry).
 */
import { lstatSync } from 'node:fs';
import type { ConfigLoad, FilePatientClaims, LocatedFinding, Position, ResolvedConfig } from '../../core/lite';
import type { ReadConfig } from '../config';
import { READ_LIMITS } from '../../node/boundedRead';
import { isPartRef, openCacheFile, type PartReader, type PartRef } from './layout';
import { verifiedCacheText } from './mac';

export const FORMAT = 'claimlint-cache';
export const FORMAT_VERSION = 5;
/** A cache file larger than this is not read (it is rebuilt). */
export const MAX_CACHE_BYTES = READ_LIMITS.cache;

/** A file's entry in the head; its findings, claims and cross-claim findings are parts. */
export interface EntryHead {
  /** SHA-256 of the file's text. */
  content: string;
  /** The file's device, inode, size and times, when it had not changed for a while (see fileStamp). */
  stamp?: string;
  /** False when the file's bytes are not valid UTF-8 (a hit by stamp says so without reading them). */
  utf8?: boolean;
  /** SHA-256 of the effective config and data packs. */
  config: string;
  /** The file as the reports name it (its claims' `file`): a hit by stamp checks it without reading the claims. */
  shown?: string;
  /** The file's own findings (LocatedFinding[]), keyed by content and config. */
  findings: PartRef;
  /** The file's claims for the checks across claims (FilePatientClaims: patient ids only as keys; see ../patients.ts). */
  claims?: PartRef;
  /** The file's findings of the checks across claims, under the key of every claim they depend on (patientKeys). */
  cross?: { key: string; findings: PartRef };
}

/** The last run's report as written (./reportKey.ts), with what its exit code is made of. */
export interface ReportHead {
  key: string;
  text: PartRef;
  errors: number;
  warnings: number;
}

export interface CacheHead {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  /** The claimlint that wrote it: version+build hash. */
  claimlint: string;
  entries: Record<string, EntryHead>;
  /**
   * What this claimlint's config reader said about each config text (by SHA-256 of path and
   * text; "defaults" when no file applies): a cached run finds the config files and keys
   * the results without loading the config schema.
   */
  configs: Record<string, ReadConfig | { defaults: ResolvedConfig }>;
  report?: ReportHead;
}

export function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The cache's head, checked, and a reader of its parts (to be closed); undefined when there is no usable cache. */
export function readCacheFile(path: string, key: Buffer): { head: CacheHead; parts: PartReader } | undefined {
  let opened: ReturnType<typeof openCacheFile>;
  try {
    if (isSymlink(path)) return undefined;
    opened = openCacheFile(path, MAX_CACHE_BYTES);
  } catch {
    return undefined;
  }
  if (!opened) return undefined;
  const head = checkedHead(opened.head, key);
  if (!head) opened.parts.close();
  return head && { head, parts: opened.parts };
}

function checkedHead(signed: string, key: Buffer): CacheHead | undefined {
  try {
    // Only a cache this user signed on this machine, in this folder, untouched (./mac.ts).
    const text = verifiedCacheText(signed, key);
    if (text === undefined) return undefined;
    const parsed = JSON.parse(text) as unknown;
    if (!isObject(parsed) || parsed.format !== FORMAT || parsed.version !== FORMAT_VERSION || typeof parsed.claimlint !== 'string' || !isObject(parsed.entries)) return undefined;
    const entries = Object.create(null) as Record<string, EntryHead>;
    for (const [file, e] of Object.entries(parsed.entries)) if (isEntryHead(e)) entries[file] = e;
    const configs = Object.create(null) as CacheHead['configs'];
    if (isObject(parsed.configs)) {
      for (const [key, c] of Object.entries(parsed.configs)) {
        if (key === 'defaults' && isObject(c) && isResolved(c.defaults)) configs[key] = { defaults: bareConfig(c.defaults) };
        else if (key !== 'defaults' && isReadConfig(c)) configs[key] = c.config ? { load: c.load, config: bareConfig(c.config) } : { load: c.load };
      }
    }
    const report = isReportHead(parsed.report) ? parsed.report : undefined;
    return { format: FORMAT, version: FORMAT_VERSION, claimlint: parsed.claimlint, entries, configs, report };
  } catch {
    return undefined;
  }
}

function isEntryHead(e: unknown): e is EntryHead {
  return (
    isObject(e) &&
    typeof e.content === 'string' &&
    typeof e.config === 'string' &&
    (e.stamp === undefined || typeof e.stamp === 'string') &&
    (e.utf8 === undefined || typeof e.utf8 === 'boolean') &&
    (e.shown === undefined || typeof e.shown === 'string') &&
    isPartRef(e.findings) &&
    (e.claims === undefined || isPartRef(e.claims)) &&
    (e.cross === undefined || (isObject(e.cross) && typeof e.cross.key === 'string' && isPartRef(e.cross.findings)))
  );
}

function isReportHead(r: unknown): r is ReportHead {
  return isObject(r) && typeof r.key === 'string' && isPartRef(r.text) && Number.isSafeInteger(r.errors) && (r.errors as number) >= 0 && Number.isSafeInteger(r.warnings) && (r.warnings as number) >= 0;
}

/** A findings part's list, when every finding has the shape the formatters read. */
export function parseFindings(bytes: Buffer): LocatedFinding[] | undefined {
  const v = parsePart(bytes);
  return Array.isArray(v) && v.every(isFinding) ? v : undefined;
}

/** A claims part, when it has the shape the checks across claims read. */
export function parseClaims(bytes: Buffer): FilePatientClaims | undefined {
  const c = parsePart(bytes);
  return isObject(c) && Array.isArray(c.claims) && Array.isArray(c.directives) && typeof c.file === 'string' ? (c as unknown as FilePatientClaims) : undefined;
}

function parsePart(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

// A remembered config: the parts the CLI reads before any audit (errors, warnings, globs,
// pack folders) have the shape it reads; the rest goes to the engine as the schema's reader made it.
function isReadConfig(c: unknown): c is ReadConfig {
  if (!isObject(c) || !isLoad(c.load)) return false;
  return c.config === undefined ? !c.load.ok : c.load.ok && isResolved(c.config);
}

function isLoad(l: unknown): l is ConfigLoad {
  if (!isObject(l) || typeof l.path !== 'string') return false;
  if (l.ok === false) return typeof l.message === 'string' && (l.line === undefined || Number.isInteger(l.line)) && isProblems(l.problems);
  if (l.ok !== true || !isObject(l.config) || (l.config.files !== undefined && !isStrings(l.config.files))) return false;
  return l.warnings === undefined || isProblems(l.warnings);
}

function isProblems(list: unknown): boolean {
  return (
    Array.isArray(list) &&
    list.every((w) => isObject(w) && typeof w.path === 'string' && typeof w.message === 'string' && (w.severity === 'error' || w.severity === 'warning') && (w.line === undefined || Number.isInteger(w.line)))
  );
}

function isResolved(c: unknown): c is ResolvedConfig {
  return isObject(c) && isObject(c.rules) && isObject(c.unitRule) && isObject(c.unitRule.byPayerType) && isObject(c.unitRule.byPayerName) && isStrings(c.files) && (c.data === undefined || isStrings(c.data));
}

/** The resolved config's records without a prototype, as resolveConfig() makes them. */
function bareConfig(c: ResolvedConfig): ResolvedConfig {
  const bare = <T extends object>(o: T): T => Object.assign(Object.create(null) as T, o);
  return { ...c, rules: bare(c.rules), unitRule: { ...c.unitRule, byPayerName: bare(c.unitRule.byPayerName) } };
}

function isFinding(f: unknown): f is LocatedFinding {
  if (!isObject(f)) return false;
  const { rule, severity, message, path, span, range, fixes } = f;
  return (
    typeof rule === 'string' &&
    typeof severity === 'string' &&
    SEVERITIES.has(severity) &&
    typeof message === 'string' &&
    typeof path === 'string' &&
    isObject(span) &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    isObject(range) &&
    isPosition(range.start) &&
    isPosition(range.end) &&
    Array.isArray(fixes) &&
    fixes.every(isFix) &&
    (f.document === undefined || Number.isInteger(f.document))
  );
}

function isFix(x: unknown): boolean {
  return (
    isObject(x) &&
    typeof x.id === 'string' &&
    typeof x.title === 'string' &&
    (x.preferred === undefined || typeof x.preferred === 'boolean') &&
    Array.isArray(x.edits) &&
    x.edits.every((e) => isObject(e) && Number.isInteger(e.start) && Number.isInteger(e.end) && typeof e.newText === 'string')
  );
}

function isPosition(p: unknown): p is Position {
  return isObject(p) && Number.isInteger(p.line) && Number.isInteger(p.character) && (p.line as number) >= 0 && (p.character as number) >= 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
