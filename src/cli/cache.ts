/**
 * `claimlint --cache` (like ESLint's): the findings of each file are kept in one JSON file,
 * by default `.claimlintcache` in the current folder, and read back instead of auditing
 * again when nothing they depend on changed. An entry is used only when all of these match:
 * the file's content (SHA-256), the effective config with the data packs' tables (their
 * key holds each table's hash), and the claimlint that wrote it (version and a hash of the
 * running build). Anything unreadable, of another version or of the wrong shape counts as
 * no cache at all: the run audits and writes a fresh one. The cache file is only ever read
 * or written inside the current folder, never through a symlink, and written whole (a
 * temporary file renamed over it), so an interrupted run cannot leave half a cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { LocatedFinding, Position } from '../core';

export const CACHE_FILE = '.claimlintcache';
const FORMAT = 'claimlint-cache';
const FORMAT_VERSION = 1;
/** A cache file larger than this is not read (it is rebuilt). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

interface Entry {
  /** SHA-256 of the file's text. */
  content: string;
  /** SHA-256 of the effective config and data packs. */
  config: string;
  findings: LocatedFinding[];
}

interface CacheFile {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  /** The claimlint that wrote it: version+build hash. */
  claimlint: string;
  entries: Record<string, Entry>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Where the cache lives: `--cache-location` (a file, or a folder to hold `.claimlintcache`)
 * resolved against `cwd`, or `cwd/.claimlintcache`. A location outside `cwd` (after
 * resolving symlinks) is refused.
 */
export function cacheLocation(arg: string | undefined, cwd = process.cwd()): { path: string } | { error: string } {
  let path = resolve(cwd, arg ?? CACHE_FILE);
  if (arg !== undefined && (/[\\/]$/.test(arg) || (existsSync(path) && statSync(path).isDirectory()))) path = join(path, CACHE_FILE);
  let root: string;
  let parent: string;
  try {
    root = realpathSync(cwd);
    parent = realpathSync(dirname(path));
  } catch {
    return { error: `--cache-location: the folder ${dirname(path)} does not exist` };
  }
  const real = join(parent, basename(path));
  if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return { error: '--cache-location: the cache must be inside the current folder (claimlint writes nothing outside it)' };
  }
  return { path: real };
}

export class ResultCache {
  private entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private changed = false;
  hits = 0;
  misses = 0;

  /** Reads the cache at `path`; a missing, unreadable or foreign file is an empty cache. */
  constructor(
    readonly path: string,
    private readonly claimlint: string,
  ) {
    const read = readCacheFile(path);
    if (read && read.claimlint === claimlint) this.entries = read.entries;
    else this.changed = existsSync(path);
  }

  /** The cached findings of `file` when its text and config are the ones they were computed for. */
  get(file: string, text: string, configKey: string): LocatedFinding[] | undefined {
    const e = Object.hasOwn(this.entries, file) ? this.entries[file] : undefined;
    if (e && e.content === sha256(text) && e.config === sha256(configKey)) {
      this.hits++;
      return e.findings;
    }
    this.misses++;
    return undefined;
  }

  set(file: string, text: string, configKey: string, findings: LocatedFinding[]): void {
    this.entries[file] = { content: sha256(text), config: sha256(configKey), findings };
    this.changed = true;
  }

  /** Writes the cache when it changed (entries of files that no longer exist are dropped); an error message when it could not. */
  save(): string | undefined {
    for (const file of Object.keys(this.entries)) {
      if (!existsSync(file)) {
        delete this.entries[file];
        this.changed = true;
      }
    }
    if (!this.changed) return undefined;
    if (isSymlink(this.path)) return `${this.path}: a symlink; the cache is not written through it`;
    const body: CacheFile = { format: FORMAT, version: FORMAT_VERSION, claimlint: this.claimlint, entries: this.entries };
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(body), { flag: 'wx' });
      renameSync(tmp, this.path);
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written
      }
      return `${this.path}: cannot write the cache (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
    }
    return undefined;
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function readCacheFile(path: string): CacheFile | undefined {
  try {
    if (isSymlink(path)) return undefined;
    const st = statSync(path);
    if (!st.isFile() || st.size > MAX_CACHE_BYTES) return undefined;
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!isObject(parsed) || parsed.format !== FORMAT || parsed.version !== FORMAT_VERSION || typeof parsed.claimlint !== 'string' || !isObject(parsed.entries)) return undefined;
    const entries = Object.create(null) as Record<string, Entry>;
    for (const [file, e] of Object.entries(parsed.entries)) if (isEntry(e)) entries[file] = e;
    return { format: FORMAT, version: FORMAT_VERSION, claimlint: parsed.claimlint, entries };
  } catch {
    return undefined;
  }
}

// The cache is a file in the workspace anyone can edit: an entry is used only when every
// finding has the shape the formatters read.
function isEntry(e: unknown): e is Entry {
  return isObject(e) && typeof e.content === 'string' && typeof e.config === 'string' && Array.isArray(e.findings) && e.findings.every(isFinding);
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

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

/**
 * What identifies this claimlint build: the version, and the running bundle's size and
 * modification time (a rebuild of the same version invalidates the cache too).
 */
export function buildId(version: string, file = __filename): string {
  try {
    const st = statSync(file);
    return `${version}+${st.size}.${Math.round(st.mtimeMs)}`;
  } catch {
    return version;
  }
}
