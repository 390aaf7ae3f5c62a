/**
 * `claimlint --cache` (like ESLint's): the findings of each file are kept in one JSON file,
 * by default `.claimlintcache` in the current folder, and read back instead of auditing
 * again when nothing they depend on changed. An entry is used only when all of these match:
 * the file's content (SHA-256), the effective config (from the config file found by lookup
 * or --config) with the data packs' files (each pack file's SHA-256, packsKey), and the
 * claimlint that wrote it (version and the size and time of its bundles). The cache also
 * remembers what the config reader said about each config text, so a run whose files all
 * hit finds, keys and reports without loading the engine (./lazyEngine.ts). Anything
 * unreadable, of another version or of the wrong shape counts as no cache at all: the run
 * audits and writes a fresh one. The cache file is only ever read
 * or written inside the current folder, never through a symlink, and written whole (a
 * temporary file renamed over it), so an interrupted run cannot leave half a cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { ConfigLoad, FilePatientClaims, LocatedFinding, Position, ResolvedConfig } from '../core/lite';
import type { ConfigReader, ReadConfig } from './config';
import { READ_LIMITS, readBounded, readBoundedText } from '../node/boundedRead';
import { CACHE_FILE, cacheMacKey, notACacheFile, signCacheText, verifiedCacheText } from './cacheMac';

export { CACHE_FILE };

const FORMAT = 'claimlint-cache';
const FORMAT_VERSION = 4;
/**
 * A file whose last change is older than this when it is read gets a stamp: a later write
 * gives it another change time (the kernel's clock ticks in milliseconds), so an equal stamp
 * proves the bytes unchanged without reading them (Git's "racy" rule; ESLint's metadata).
 */
const STABLE_AFTER_NS = 1_000_000_000n;
/** Config files remembered (what the reader said about each text); the oldest go first. */
const MAX_CONFIGS = 256;
/** A cache file larger than this is not read (it is rebuilt). */
const MAX_CACHE_BYTES = READ_LIMITS.cache;

interface Entry {
  /** SHA-256 of the file's text. */
  content: string;
  /** The file's device, inode, size and times, when it had not changed for a while (see fileStamp). */
  stamp?: string;
  /** False when the file's bytes are not valid UTF-8 (a hit by stamp says so without reading them). */
  utf8?: boolean;
  /** SHA-256 of the effective config and data packs. */
  config: string;
  /** The file's own findings (per claim), keyed by content and config. */
  findings: LocatedFinding[];
  /** The file's claims for the checks across claims (patient ids only as keys; see ./patients.ts). */
  claims?: FilePatientClaims;
  /** The file's findings of the checks across claims, under the key of every claim they depend on (patientKeys). */
  cross?: { key: string; findings: LocatedFinding[] };
}

interface CacheFile {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  /** The claimlint that wrote it: version+build hash. */
  claimlint: string;
  entries: Record<string, Entry>;
  /**
   * What this claimlint's config reader said about each config text (by SHA-256 of path and
   * text; "defaults" when no file applies): a cached run finds the config files and keys
   * the results without loading the config schema.
   */
  configs: Record<string, ReadConfig | { defaults: ResolvedConfig }>;
}

/** SHA-256 of a text (of its UTF-8) or of bytes: a valid UTF-8 file and its text hash alike. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
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
  const notCache = notACacheFile(real);
  if (notCache) return { error: `--cache-location: ${notCache}` };
  return { path: real };
}


export class ResultCache {
  private entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private configs: CacheFile['configs'] = Object.create(null) as CacheFile['configs'];
  private changed = false;
  private readonly key: Buffer;
  hits = 0;
  misses = 0;

  /** Reads the cache at `path`; a missing, unreadable or foreign file is an empty cache. */
  constructor(
    readonly path: string,
    private readonly claimlint: string,
  ) {
    this.key = cacheMacKey(path);
    const read = readCacheFile(path, this.key);
    if (read && read.claimlint === claimlint) {
      this.entries = read.entries;
      this.configs = read.configs;
    } else this.changed = existsSync(path);
  }

  /**
   * A config reader answering from the cache what `fresh()` (the schema's reader, loaded on
   * first use) said about the same text before, and remembering what it says now.
   */
  configReader(fresh: () => ConfigReader): ConfigReader {
    const remember = <T extends CacheFile['configs'][string]>(key: string, make: () => T): T => {
      const hit = Object.hasOwn(this.configs, key) ? this.configs[key] : undefined;
      if (hit) return hit as T;
      const made = make();
      const keys = Object.keys(this.configs);
      if (keys.length >= MAX_CONFIGS) delete this.configs[keys[0]];
      this.configs[key] = made;
      this.changed = true;
      return made;
    };
    return {
      read: (path, text) => remember(sha256(`${path}\u0000${text}`), () => fresh().read(path, text)) as ReadConfig,
      defaults: () => remember('defaults', () => ({ defaults: fresh().defaults() })).defaults,
    };
  }

  /** The cached findings of `file` when its text and config are the ones they were computed for. */
  get(file: string, text: string | Uint8Array, configKey: string, stamp?: FileStamp): LocatedFinding[] | undefined {
    const e = this.entry(file);
    if (e && e.config === this.keyHash(configKey) && e.content === sha256(text)) {
      this.hits++;
      // Settled since it was recorded (or touched, same bytes): the next run need not read it.
      if (stamp?.stable && e.stamp !== stamp.id) {
        e.stamp = stamp.id;
        this.changed = true;
      }
      return e.findings;
    }
    this.misses++;
    return undefined;
  }

  /**
   * The cached entry of `file` when its stamp (taken before reading it) and config are the
   * ones it was recorded with: a hit without reading the file.
   */
  getByStamp(file: string, stamp: FileStamp | undefined, configKey: string): { findings: LocatedFinding[]; utf8: boolean } | undefined {
    const e = this.entry(file);
    if (!stamp?.stable || !e?.stamp || e.stamp !== stamp.id || e.config !== this.keyHash(configKey)) return undefined;
    this.hits++;
    return { findings: e.findings, utf8: e.utf8 !== false };
  }

  /** The claims recorded with `file`'s entry (read after a hit: they belong to the same content). */
  claims(file: string): FilePatientClaims | undefined {
    return this.entry(file)?.claims;
  }

  /** SHA-256 of the content `file`'s entry was recorded for. */
  contentOf(file: string): string | undefined {
    return this.entry(file)?.content;
  }

  /** `file`'s cross-claim findings when recorded under `key` (every claim they depend on unchanged). */
  cross(file: string, key: string): LocatedFinding[] | undefined {
    const f = this.entry(file)?.cross;
    return f && f.key === key ? f.findings : undefined;
  }

  /** Records `file`'s cross-claim findings under `key` (its entry must exist). */
  setCross(file: string, key: string, findings: LocatedFinding[]): void {
    const e = this.entry(file);
    if (!e || e.cross?.key === key) return;
    e.cross = { key, findings };
    this.changed = true;
  }

  /** Records `file`'s findings; `stamp` only when it was taken before reading exactly these bytes. */
  set(file: string, text: string | Uint8Array, configKey: string, findings: LocatedFinding[], stamp?: FileStamp, utf8 = true, claims?: FilePatientClaims): void {
    const entry: Entry = { content: sha256(text), config: this.keyHash(configKey), findings };
    if (claims) entry.claims = claims;
    if (stamp?.stable) entry.stamp = stamp.id;
    if (!utf8) entry.utf8 = false;
    this.entries[file] = entry;
    this.changed = true;
  }

  private entry(file: string): Entry | undefined {
    return Object.hasOwn(this.entries, file) ? this.entries[file] : undefined;
  }

  private readonly keyHashes = new Map<string, string>();
  private keyHash(configKey: string): string {
    let h = this.keyHashes.get(configKey);
    if (h === undefined) this.keyHashes.set(configKey, (h = sha256(configKey)));
    return h;
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
    const body: CacheFile = { format: FORMAT, version: FORMAT_VERSION, claimlint: this.claimlint, entries: this.entries, configs: this.configs };
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, signCacheText(JSON.stringify(body), this.key), { flag: 'wx' });
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

export interface FileStamp {
  /** Device, inode, size, modification and change times (ns). */
  id: string;
  /** Whether the file last changed at least STABLE_AFTER_NS before now. */
  stable: boolean;
}

/** `file`'s stamp, taken before it is read; undefined when it cannot be stat'ed. */
export function fileStamp(file: string, nowNs = BigInt(Date.now()) * 1_000_000n): FileStamp | undefined {
  try {
    const st = statSync(file, { bigint: true });
    if (!st.isFile()) return undefined;
    const last = st.ctimeNs > st.mtimeNs ? st.ctimeNs : st.mtimeNs;
    return { id: `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`, stable: last + STABLE_AFTER_NS < nowNs };
  } catch {
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

function readCacheFile(path: string, key: Buffer): CacheFile | undefined {
  try {
    if (isSymlink(path)) return undefined;
    // Only a cache this user signed on this machine, in this folder, untouched (./cacheMac.ts).
    const text = verifiedCacheText(readBoundedText(path, MAX_CACHE_BYTES), key);
    if (text === undefined) return undefined;
    const parsed = JSON.parse(text) as unknown;
    if (!isObject(parsed) || parsed.format !== FORMAT || parsed.version !== FORMAT_VERSION || typeof parsed.claimlint !== 'string' || !isObject(parsed.entries)) return undefined;
    const entries = Object.create(null) as Record<string, Entry>;
    for (const [file, e] of Object.entries(parsed.entries)) if (isEntry(e)) entries[file] = e;
    const configs = Object.create(null) as CacheFile['configs'];
    if (isObject(parsed.configs)) {
      for (const [key, c] of Object.entries(parsed.configs)) {
        if (key === 'defaults' && isObject(c) && isResolved(c.defaults)) configs[key] = { defaults: bareConfig(c.defaults) };
        else if (key !== 'defaults' && isReadConfig(c)) configs[key] = c.config ? { load: c.load, config: bareConfig(c.config) } : { load: c.load };
      }
    }
    return { format: FORMAT, version: FORMAT_VERSION, claimlint: parsed.claimlint, entries, configs };
  } catch {
    return undefined;
  }
}

// The cache is a file in the workspace anyone can edit: an entry is used only when every
// finding has the shape the formatters read.
function isEntry(e: unknown): e is Entry {
  return (
    isObject(e) &&
    typeof e.content === 'string' &&
    typeof e.config === 'string' &&
    (e.stamp === undefined || typeof e.stamp === 'string') &&
    (e.utf8 === undefined || typeof e.utf8 === 'boolean') &&
    Array.isArray(e.findings) &&
    e.findings.every(isFinding) &&
    (e.claims === undefined || (isObject(e.claims) && Array.isArray(e.claims.claims) && Array.isArray(e.claims.directives) && typeof e.claims.file === 'string')) &&
    (e.cross === undefined || (isObject(e.cross) && typeof e.cross.key === 'string' && Array.isArray(e.cross.findings) && e.cross.findings.every(isFinding)))
  );
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

/**
 * What identifies this claimlint build: the version, and the size and modification time of
 * the running bundle and of the engine and worker bundles beside it (a rebuild of the same
 * version — new rules, a new built-in data pack — invalidates the cache too).
 */
export function buildId(version: string, files = [__filename, join(__dirname, 'cliEngine.js'), join(__dirname, 'auditWorker.js')]): string {
  const stamps: string[] = [];
  for (const file of files) {
    try {
      const st = statSync(file);
      stamps.push(`${st.size}.${Math.round(st.mtimeMs)}`);
    } catch {
      // not built beside this one (the unbundled tests)
    }
  }
  return stamps.length ? `${version}+${stamps.join('.')}` : version;
}

/**
 * The data packs' part of the cache key: each pack folder (absolute, in overlay order) with
 * the name and SHA-256 of every file in it — the manifest and the tables it lists (their
 * names are plain file names in the folder), so any change to a pack is a new key. Read
 * without loading the pack; a folder that cannot be read keys as such (its files are not
 * audited then, so nothing is cached under it).
 */
export function packsKey(dirs: readonly string[] | undefined): string {
  if (!dirs?.length) return 'built-in';
  return dirs
    .map((dir) => {
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch (err) {
        return `${dir}:${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`;
      }
      const files = names.map((name) => {
        try {
          const path = join(dir, name);
          return statSync(path).isFile() ? `${name}=${sha256(readBounded(path, READ_LIMITS.packTable))}` : `${name}/`;
        } catch {
          return `${name}?`;
        }
      });
      return `${dir}:${files.join(',')}`;
    })
    .join('\u0000');
}
