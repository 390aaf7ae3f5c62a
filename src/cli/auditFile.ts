/**
 * One claim file of a CLI run: its config, a look in the --cache, reading it, --fix, and its
 * audit (here or on a worker thread). What goes wrong is said and counted by the run's
 * RunTally (./runTally.ts); the file's findings and claims come back for the run's report
 * and the checks across claims (./main.ts).
 *
 * Only what a run answered from --cache needs is imported here: the engine (./engine.ts) is
 * loaded through engine() on the first file that is really audited.
 */
import { writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Analysis, FilePatientClaims, LocatedFinding, ResolvedConfig } from '../core/lite';
import type { AuditCache, AuditPool, PackStore } from './engine';
import { engine } from './lazyEngine';
import { sha256 } from './cache/keys';
import type { ResultCache } from './cache/resultCache';
import { fileStamp, type FileStamp } from './cache/stamp';
import type { ConfigResolver } from './config';
import { withPatientKeys } from './patients';
import type { RunTally } from './runTally';
import { terminalSafe } from './formatters/safe';
import { decodeClaimBytes, displayPath, isSymlink, readClaimBytes, type BytesResult } from '../node/discovery';
import { isFixable, type FileReport } from './report';
import { CHUNK_FILE_BYTES } from '../node/poolSizes';

type ReferenceData = ReturnType<PackStore['dataFor']>['data'];

/**
 * A file's place in the run's reports, in file order: its findings (a promise while a worker
 * audits it) and claims for the checks across claims, with its config and its cache keys.
 */
export interface PendingFile {
  report: Omit<FileReport, 'findings' | 'errorCount' | 'warningCount' | 'infoCount'>;
  findings: LocatedFinding[] | Promise<LocatedFinding[]>;
  claims: FilePatientClaims | Promise<FilePatientClaims>;
  file: string;
  config: ResolvedConfig;
  configKey: string;
  /** SHA-256 of the content audited, for the --cache's keys (empty without --cache: nothing else reads it). */
  content: string;
  /**
   * Answered from the --cache. A file answered by its stamp has its findings and claims read
   * from the cache on first use: ResultCache.usable() says first whether they can be.
   */
  cached: boolean;
}

/**
 * The engine's parts, made on the first file that is really audited: a run answered from
 * --cache loads no engine and starts no worker.
 */
export class EngineParts {
  private auditPool?: AuditPool;
  private parseCache?: AuditCache;
  private packStore?: PackStore;

  constructor(readonly workers: number) {}

  /** The worker pool (workers > 1 only). Started early when every file will be audited: the workers boot while the files are read. */
  pool(): AuditPool {
    return (this.auditPool ??= new (engine().AuditPool)(this.workers));
  }

  cache(): AuditCache {
    return (this.parseCache ??= new (engine().AuditCache)());
  }

  packs(): PackStore {
    return (this.packStore ??= new (engine().PackStore)());
  }

  close(): void {
    void this.auditPool?.close();
  }
}

/** What auditing one file of a run needs. */
export interface FileRun {
  configs: ConfigResolver;
  /** --cache */
  results: ResultCache | undefined;
  tally: RunTally;
  engine: EngineParts;
  /** --fix */
  fix: boolean;
  /** --format html: the report needs each file's text and claim facts. */
  html: boolean;
  /** The cache key of a config's results: the effective config and its data packs' files. */
  keyOf(config: ResolvedConfig): string;
}

/** A file of the run, once its config is known. */
interface FileJob {
  file: string;
  /** The file as the reports name it. */
  shown: string;
  config: ResolvedConfig;
  key: string;
  /** Taken before the file is read (with --cache). */
  stamp: FileStamp | undefined;
}

/** One file of the run: its reports' entry, or undefined when it is skipped or could not be audited (said and counted). */
export function auditFile(file: string, run: FileRun): PendingFile | undefined {
  const shown = displayPath(file);
  const cfg = run.configs.forFile(file);
  if ('error' in cfg) {
    run.tally.configError(cfg.error, true);
    return undefined;
  }
  const job: FileJob = { file, shown, config: cfg.config, key: run.keyOf(cfg.config), stamp: run.results ? fileStamp(file) : undefined };
  return unchangedFile(job, run) ?? readAndAudit(job, run);
}

/**
 * A file that has not changed since a cached run (same stamp, taken before any read) is
 * answered without reading it, unless --fix or the html report needs its text.
 */
function unchangedFile(job: FileJob, run: FileRun): PendingFile | undefined {
  const { results } = run;
  const unchanged = run.fix || run.html ? undefined : results?.getByStamp(job.file, job.stamp, job.key);
  if (!unchanged || results!.shownOf(job.file) !== job.shown) return undefined;
  if (!unchanged.utf8) warnNotUtf8(job.shown);
  const cache = results!;
  return {
    report: { path: job.shown, fixesApplied: 0, claims: undefined },
    get findings() {
      return cache.findings(job.file)!;
    },
    get claims() {
      return cache.claims(job.file)!;
    },
    file: job.file,
    config: job.config,
    configKey: job.key,
    content: cache.contentOf(job.file)!,
    cached: true,
  };
}

/** A file's bytes as read, the text audited, and the findings cached for them. */
interface FileText {
  bytes: Buffer;
  utf8: boolean;
  text: string;
  /** What is audited and cached: the bytes read, or the text --fix wrote. */
  content: string | Uint8Array;
  applied: number;
  cached: LocatedFinding[] | undefined;
}

/**
 * Read first (quietly) to look the file up in the cache; on a miss its data packs are loaded
 * and said wrong before anything about the file itself, as without --cache. The cache hashes
 * the bytes (the UTF-8 of the text, for a valid file): a hit decodes nothing.
 */
function readAndAudit(job: FileJob, run: FileRun): PendingFile | undefined {
  const { results, tally } = run;
  let read: BytesResult | { error: NodeJS.ErrnoException };
  try {
    read = readClaimBytes(job.file);
  } catch (err) {
    read = { error: err as NodeJS.ErrnoException };
  }
  let cached = results && 'bytes' in read ? results.get(job.file, read.bytes, job.key, job.stamp) : undefined;
  // An entry without the file's claims (or recorded under another name) is audited again.
  if (cached && results!.claims(job.file)?.file !== job.shown) cached = undefined;
  const needsEngine = !cached || run.fix || run.html;
  const data = needsEngine ? run.engine.packs().dataFor(job.config.data) : undefined;
  if (data?.errors.length) {
    tally.packErrors(data.errors);
    return undefined;
  }
  if ('error' in read) {
    tally.fileError(job.shown, `cannot read (${read.error.code ?? 'error'})`);
    return undefined;
  }
  if ('skip' in read) {
    process.stderr.write(`claimlint: warning: ${terminalSafe(job.shown)}: ${read.skip}\n`);
    return undefined;
  }
  // A file answered from the cache is not decoded (no --fix or html report needs its text).
  const { bytes } = read;
  const text = cached && !run.fix && !run.html ? '' : decodeClaimBytes(bytes).text;
  const utf8 = isUtf8(bytes);
  if (!utf8) warnNotUtf8(job.shown);
  const file: FileText = { bytes, utf8, text, content: bytes, applied: 0, cached };
  // A cached file with nothing fixable: --fix would change nothing, so it is not audited again.
  if (run.fix && !(cached && !cached.some(isFixable)) && !writeFixes(job, run, file, data!.data)) return undefined;
  return audited(job, run, file, data?.data);
}

/** --fix: the preferred fixes written back; `file` then holds the fixed text. False when the file could not be written (said and counted). */
function writeFixes(job: FileJob, run: FileRun, file: FileText, data: ReferenceData): boolean {
  const fixed = engine().fixAll(file.text, { config: job.config, cache: run.engine.cache(), data });
  for (const d of fixed.dropped) process.stderr.write(`claimlint: ${terminalSafe(job.shown)}: warning: fix "${terminalSafe(d.title)}" left out: it would make the YAML unreadable\n`);
  if (fixed.text === file.text) return true;
  if (isSymlink(job.file)) {
    process.stderr.write(`claimlint: warning: ${terminalSafe(job.shown)}: a symlink; --fix does not write through it\n`);
    return true;
  }
  try {
    writeFileSync(job.file, fixed.text);
  } catch (err) {
    run.tally.fileError(job.shown, `cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return false;
  }
  file.text = file.content = fixed.text;
  file.applied = fixed.applied;
  file.cached = run.results?.get(job.file, file.content, job.key);
  if (file.cached && run.results!.claims(job.file)?.file !== job.shown) file.cached = undefined;
  return true;
}

/** The file's findings and claims: from the cache, from a worker, or from one pipeline run here (which also gives the HTML report's claim facts). */
function audited(job: FileJob, run: FileRun, file: FileText, data: ReferenceData | undefined): PendingFile {
  const { results } = run;
  const { cached, content } = file;
  const remember = (found: { findings: LocatedFinding[]; claims: FilePatientClaims }): { findings: LocatedFinding[]; claims: FilePatientClaims } => {
    const claims = withPatientKeys(found.claims);
    // The stamp vouches for the bytes read after it, not for a text --fix wrote.
    if (!cached) results?.set(job.file, content, job.key, found.findings, content === file.bytes ? job.stamp : undefined, content !== file.bytes || file.utf8, claims);
    return { findings: found.findings, claims };
  };
  // A cached or threaded audit runs the pipeline here only when the report needs the facts.
  let analysis: Analysis | undefined;
  const analysed = (): Analysis => (analysis ??= engine().analyze(file.text, { config: job.config, cache: run.engine.cache(), data: data! }));
  let findings: LocatedFinding[] | Promise<LocatedFinding[]>;
  let claims: FilePatientClaims | Promise<FilePatientClaims>;
  if (cached) {
    findings = cached;
    claims = results!.claims(job.file)!;
  } else if (run.engine.workers > 1) {
    const both = run.engine.pool().auditFileWithClaims(file.text, { config: job.config, data: data! }, { file: job.shown }).then(remember);
    findings = both.then((b) => b.findings);
    claims = both.then((b) => b.claims);
  } else {
    // A big file (no report facts wanted) unit by unit: only each unit's findings and facts
    // stay, not the whole file's parsed nodes (as the workers do it; same result).
    const inUnits = !run.html && file.text.length >= CHUNK_FILE_BYTES ? engine().auditInUnits(file.text, { config: job.config, data: data!, claims: { file: job.shown } }) : undefined;
    const both = remember(inUnits ?? { findings: analysed().findings, claims: engine().fileClaims(analysed(), job.shown) });
    findings = both.findings;
    claims = both.claims;
  }
  return {
    report: { path: job.shown, fixesApplied: file.applied, claims: run.html ? engine().collectClaims(analysed()) : undefined },
    findings,
    claims,
    file: job.file,
    config: job.config,
    configKey: job.key,
    // Only the cache's keys read it: without --cache, 75 ms of a 30 MB file's run for nothing.
    content: results ? sha256(content) : '',
    cached: !!cached,
  };
}

export function warnNotUtf8(shown: string): void {
  process.stderr.write(`claimlint: warning: ${terminalSafe(shown)}: bytes that are not valid UTF-8 were read as U+FFFD\n`);
}
