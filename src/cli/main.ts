/**
 * claimlint [options] <files or folders…>
 * Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage,
 * config or read errors, or no claim file found in a folder or pattern given (unless
 * --no-error-on-unmatched-pattern).
 */
import { statSync, writeFileSync } from 'node:fs';
import { combineFindings, configKey, type Analysis, type FilePatientClaims, type LocatedFinding, type ResolvedConfig } from '../core/lite';
import type { AuditCache, AuditPool, PackStore } from './engine';
import { engine } from './lazyEngine';
import { buildId, packsKey, sha256 } from './cache/keys';
import { cacheLocation } from './cache/location';
import { ResultCache } from './cache/resultCache';
import { fileStamp } from './cache/stamp';
import { patientKeys, withPatientKeys, type PatientScope, type RunFile } from './patients';
import { parseThreads, threadCount } from './threads';
import { workersThatFit } from '../node/poolSizes';
import { commandsHelp, findCommand } from './commands';
import { ConfigResolver, type ConfigReader } from './config';
import { routeProcessWarnings } from '../node/warnings';
import { parseCommandLine } from './args';
import { terminalSafe } from './formatters/safe';
import { isUtf8 } from 'node:buffer';
import { decodeClaimBytes, discoverFiles, displayPath, isSymlink, readClaimBytes, type BytesResult } from '../node/discovery';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatStylish } from './formatters/stylish';
import { fileReport, isFixable, type FileReport, type Formatter } from './report';

// Only what a run answered from --cache needs is imported above: the engine (rules, schemas,
// reference data, worker pool; ./engine.ts) is loaded by engine() on the first file that is
// really audited, or for a format or command that needs it.
declare const CLAIMLINT_VERSION: string | undefined;
const VERSION = typeof CLAIMLINT_VERSION === 'string' ? CLAIMLINT_VERSION : '0.1.0';

const HELP = `Usage: claimlint [options] <files or folders…>

Audits outpatient therapy claim files (*.claim.yaml, *.claim.yml).

Options:
  -f, --format <name>   stylish (default), json, sarif, junit or html (an audit report)
      --fix             apply the unambiguous fixes and write the files back
  -c, --config <file>   use this config file instead of the nearest .claimlintrc.yaml
  -o, --output <file>   write the report to a file instead of standard output
      --debug           say on standard error which config file applies where
      --quiet           report errors only
      --max-warnings <n>
                        exit 1 when more than n warnings are found (as ESLint's
                        option; errors always exit 1)
      --no-error-on-unmatched-pattern
                        a folder with no claim files, or a pattern matching none,
                        is not an error (by default it exits 2)
      --cache           only audit files that changed since the last run (their
                        findings are kept in .claimlintcache)
      --cache-location <path>
                        the cache file, or a folder to hold .claimlintcache; inside
                        the current folder
      --threads <n|auto>
                        audit on n worker threads (auto: the machine's cores for
                        large inputs, else 1); the output is the same for every n
      --patient-scope <run|file>
                        checks across a patient's claims (grouped by patient.id)
                        cover every file of the run (default), or each file alone
      --report-include-patient-ids
                        show patient ids in the html report (default: claim ids only)
      --stdio           run the language server over standard input/output
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 usage, config or read errors, or no claim files found.`;

const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  // SARIF describes every rule (their metadata is the engine's).
  sarif: (reports, outcome) => engine().makeSarifFormatter(VERSION)(reports, outcome),
  junit: formatJunit,
};

export function run(argv: string[]): number | Promise<number> {
  routeProcessWarnings((line) => process.stderr.write(line + '\n'));
  const sub = findCommand(argv);
  if (sub) return sub.command.run(sub.args);
  const parsed = parseCommandLine(
    argv,
    {
      format: { type: 'string', short: 'f', default: 'stylish' },
      fix: { type: 'boolean', default: false },
      config: { type: 'string', short: 'c' },
      output: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', default: false },
      'max-warnings': { type: 'string' },
      'no-error-on-unmatched-pattern': { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      threads: { type: 'string', default: 'auto' },
      'patient-scope': { type: 'string', default: 'run' },
      'report-include-patient-ids': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
    usage,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP + commandsHelp() + '\n');
    return 0;
  }
  if (values.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const html = values.format === 'html';
  const formatter = html
    ? engine().makeHtmlFormatter({ version: VERSION, includePatientIds: !!values['report-include-patient-ids'], generatedAt: engine().generatedAt() })
    : FORMATTERS[values.format as string];
  if (!formatter) return usage(`unknown format "${values.format}" (use stylish, json, sarif, junit or html)`);
  if (!positionals.length) return usage('no files or folders given');
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  if (typeof maxWarnings === 'object') return usage(maxWarnings.error);

  const scope = values['patient-scope'] as string;
  if (scope !== 'run' && scope !== 'file') return usage(`--patient-scope must be run or file, not "${scope}"`);
  const debug = values.debug;
  const threads = parseThreads(values.threads);
  if (typeof threads === 'object') return usage(threads.error);
  let results: ResultCache | undefined;
  if (values.cache) {
    const where = cacheLocation(values['cache-location']);
    if ('error' in where) return usage(where.error);
    results = new ResultCache(where.path, buildId(VERSION));
  }
  // Config files are read by the schema's reader, or answered from the cache's memo of it.
  const schemaReader: ConfigReader = { read: (path, text) => engine().schemaConfigReader.read(path, text), defaults: () => engine().schemaConfigReader.defaults() };
  const configs = new ConfigResolver(values.config, results ? results.configReader(() => schemaReader) : schemaReader);
  const { files, missing, unmatched, outside, folders } = discoverFiles(positionals, (dir) => configs.globsFor(dir));
  let readErrors = missing.length;
  for (const m of missing) process.stderr.write(`claimlint: ${terminalSafe(m)}: no such file or folder\n`);
  // A config error is said once (not once per file), and also when the folder it governs
  // holds no claim file: a broken config is never "no problems".
  const configErrors = new Set<string>();
  const configError = (message: string) => {
    if (!configErrors.has(message)) process.stderr.write(`claimlint: ${terminalSafe(displayPath(message))}\n`);
    configErrors.add(message);
  };
  /** Distinct errors said on stderr (missing paths, configs, packs, unreadable files). */
  let errorsSaid = missing.length;
  for (const folder of folders) {
    const cfg = configs.forDir(folder);
    if ('error' in cfg) {
      configError(cfg.error);
      readErrors++;
    }
  }
  if (unmatched.length && !values['no-error-on-unmatched-pattern']) {
    // As ESLint: a CI job pointed at the wrong folder fails instead of passing on "0 files".
    for (const u of unmatched) process.stderr.write(`claimlint: no claim files found in "${terminalSafe(u)}" (*.claim.yaml, *.claim.yml or the config's "files")\n`);
    process.stderr.write('claimlint: nothing was audited; pass --no-error-on-unmatched-pattern to allow a folder or pattern without claim files\n');
    return 2;
  }
  if (debug) for (const line of configs.describe(folders, files)) process.stderr.write(`claimlint: debug: ${terminalSafe(line)}\n`);
  let unaudited = 0;
  for (const o of outside) process.stderr.write(`claimlint: warning: ${terminalSafe(displayPath(o))}: outside the folder given; skipped\n`);

  const wanted = threadCount(threads, files.reduce((n, f) => n + sizeOf(f), 0));
  // No more workers than the address-space limit (ulimit -v) leaves room for: V8 would abort.
  const fit = wanted > 1 ? workersThatFit(wanted) : wanted;
  const workers = Math.max(1, fit);
  if (workers < wanted && threads !== 'auto') {
    process.stderr.write(`claimlint: warning: --threads ${wanted}: the process's address-space limit (ulimit -v) leaves room for ${fit} worker thread${fit === 1 ? '' : 's'}; auditing ${workers === 1 ? 'on this thread only' : `with ${workers} threads`}\n`);
  }
  // The engine's parts, made on the first file that is really audited: a run answered from
  // --cache loads no engine and starts no worker.
  let pool: AuditPool | undefined;
  let auditCache: AuditCache | undefined;
  let packs: PackStore | undefined;
  // Without --cache every file is audited: the workers start now and boot while the files are read and cut.
  if (workers > 1 && !results && files.length) pool = new (engine().AuditPool)(workers);
  const packErrors = new Set<string>();
  const packKeys = new Map<string, string>();
  const configKeys = new WeakMap<ResolvedConfig, string>();
  const packsKeyOf = (config: ResolvedConfig): string => {
    const dirs = config.data ?? [];
    const id = dirs.join('\u0000');
    if (!packKeys.has(id)) packKeys.set(id, packsKey(dirs));
    return packKeys.get(id)!;
  };
  /**
   * Reports in file order; a finding list still being audited on a worker is a promise. With
   * each, the file's claims for the checks across claims, its config and its cache keys.
   */
  const pending: {
    report: Omit<FileReport, 'findings' | 'errorCount' | 'warningCount' | 'infoCount'>;
    findings: LocatedFinding[] | Promise<LocatedFinding[]>;
    claims: FilePatientClaims | Promise<FilePatientClaims>;
    file: string;
    config: ResolvedConfig;
    configKey: string;
    content: string;
  }[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    const cfg = configs.forFile(file);
    if ('error' in cfg) {
      configError(cfg.error);
      readErrors++;
      unaudited++;
      continue;
    }
    // The cache key: the effective config and the data packs' files.
    if (!configKeys.has(cfg.config)) configKeys.set(cfg.config, `${configKey(cfg.config)}\u0000${packsKeyOf(cfg.config)}`);
    const key = configKeys.get(cfg.config)!;
    // Read first (quietly) to look the file up in the cache; on a miss its data packs are
    // loaded and said wrong before anything about the file itself, as without --cache.
    // The cache hashes the bytes (the UTF-8 of the text, for a valid file): a hit decodes nothing.
    // A file that has not changed since a cached run (same stamp, taken before any read) is
    // answered without reading it, unless --fix or the html report needs its text.
    const stamp = results ? fileStamp(file) : undefined;
    const unchanged = values.fix || html ? undefined : results?.getByStamp(file, stamp, key);
    const unchangedClaims = unchanged ? results!.claims(file) : undefined;
    if (unchanged && unchangedClaims?.file === shown) {
      if (!unchanged.utf8) warnNotUtf8(shown);
      pending.push({ report: { path: shown, fixesApplied: 0, claims: undefined }, findings: unchanged.findings, claims: unchangedClaims, file, config: cfg.config, configKey: key, content: results!.contentOf(file)! });
      continue;
    }
    let read: BytesResult | { error: NodeJS.ErrnoException };
    try {
      read = readClaimBytes(file);
    } catch (err) {
      read = { error: err as NodeJS.ErrnoException };
    }
    let cached = results && 'bytes' in read ? results.get(file, read.bytes, key, stamp) : undefined;
    // An entry without the file's claims (or recorded under another name) is audited again.
    if (cached && results!.claims(file)?.file !== shown) cached = undefined;
    const needsEngine = !cached || values.fix || html;
    const data = needsEngine ? (packs ??= new (engine().PackStore)()).dataFor(cfg.config.data) : undefined;
    if (data?.errors.length) {
      for (const e of data.errors) {
        if (!packErrors.has(e)) {
          process.stderr.write(`claimlint: data pack ${terminalSafe(e)}\n`);
          errorsSaid++;
        }
        packErrors.add(e);
      }
      readErrors++;
      unaudited++;
      continue;
    }
    if ('error' in read) {
      process.stderr.write(`claimlint: ${terminalSafe(shown)}: cannot read (${read.error.code ?? 'error'})\n`);
      errorsSaid++;
      readErrors++;
      unaudited++;
      continue;
    }
    if ('skip' in read) {
      process.stderr.write(`claimlint: warning: ${terminalSafe(shown)}: ${read.skip}\n`);
      continue;
    }
    // A file answered from the cache is not decoded (no --fix or html report needs its text).
    const { bytes } = read;
    let text = cached && !values.fix && !html ? '' : decodeClaimBytes(bytes).text;
    let content: string | Uint8Array = bytes;
    const utf8 = isUtf8(bytes);
    if (!utf8) warnNotUtf8(shown);
    let applied = 0;
    // A cached file with nothing fixable: --fix would change nothing, so it is not audited again.
    if (values.fix && !(cached && !cached.some(isFixable))) {
      const fixed = engine().fixAll(text, { config: cfg.config, cache: (auditCache ??= new (engine().AuditCache)()), data: data!.data });
      for (const d of fixed.dropped) process.stderr.write(`claimlint: ${terminalSafe(shown)}: warning: fix "${terminalSafe(d.title)}" left out: it would make the YAML unreadable\n`);
      if (fixed.text !== text && isSymlink(file)) {
        process.stderr.write(`claimlint: warning: ${terminalSafe(shown)}: a symlink; --fix does not write through it\n`);
      } else if (fixed.text !== text) {
        try {
          writeFileSync(file, fixed.text);
        } catch (err) {
          process.stderr.write(`claimlint: ${terminalSafe(shown)}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
          errorsSaid++;
          readErrors++;
          unaudited++;
          continue;
        }
        text = content = fixed.text;
        applied = fixed.applied;
        cached = results?.get(file, content, key);
        if (cached && results!.claims(file)?.file !== shown) cached = undefined;
      }
    }
    const audited = content;
    const remember = (found: { findings: LocatedFinding[]; claims: FilePatientClaims }): { findings: LocatedFinding[]; claims: FilePatientClaims } => {
      const claims = withPatientKeys(found.claims);
      // The stamp vouches for the bytes read after it, not for a text --fix wrote.
      if (!cached) results?.set(file, audited, key, found.findings, audited === bytes ? stamp : undefined, audited !== bytes || utf8, claims);
      return { findings: found.findings, claims };
    };
    // One pipeline run gives the findings and the HTML report's claim facts (a cached or
    // threaded audit runs it here only when the report needs the facts).
    let analysis: Analysis | undefined;
    const analysed = (): Analysis => (analysis ??= engine().analyze(text, { config: cfg.config, cache: (auditCache ??= new (engine().AuditCache)()), data: data!.data }));
    let findings: LocatedFinding[] | Promise<LocatedFinding[]>;
    let claims: FilePatientClaims | Promise<FilePatientClaims>;
    if (cached) {
      findings = cached;
      claims = results!.claims(file)!;
    } else if (workers > 1) {
      const both = (pool ??= new (engine().AuditPool)(workers)).auditFileWithClaims(text, { config: cfg.config, data: data!.data }, { file: shown }).then(remember);
      findings = both.then((b) => b.findings);
      claims = both.then((b) => b.claims);
    } else {
      const both = remember({ findings: analysed().findings, claims: engine().fileClaims(analysed(), shown) });
      findings = both.findings;
      claims = both.claims;
    }
    pending.push({
      report: { path: shown, fixesApplied: applied, claims: html ? engine().collectClaims(analysed()) : undefined },
      findings,
      claims,
      file,
      config: cfg.config,
      configKey: key,
      content: sha256(audited),
    });
  }

  const finish = (own: LocatedFinding[][], claims: FilePatientClaims[]): number => {
    void pool?.close();
    const lists = acrossClaims(own, claims);
    const reports = pending.map(({ report }, i) => {
      const findings = values.quiet ? lists[i].filter((f) => f.severity === 'error') : lists[i];
      const r = fileReport(report.path, findings, report.fixesApplied);
      return report.claims ? { ...r, claims: report.claims } : r;
    });
    const unsaved = results?.save();
    if (unsaved) process.stderr.write(`claimlint: warning: ${terminalSafe(unsaved)}\n`);
    if (readErrors && !reports.length) {
      // Nothing could be read: no "0 files audited, no problems" beside the errors, no report file.
      process.stderr.write(`claimlint: nothing was audited${values.output ? `; ${values.output} not written` : ''}\n`);
      return 2;
    }
    const output = formatter(reports, { notAudited: unaudited, errorsAbove: errorsSaid + configErrors.size });
    if (values.output) {
      try {
        writeFileSync(values.output, output);
      } catch (err) {
        process.stderr.write(`claimlint: ${terminalSafe(String(values.output))}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
        return 2;
      }
    } else process.stdout.write(output);

    if (readErrors) return 2;
    if (reports.some((r) => r.errorCount > 0)) return 1;
    const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      process.stderr.write(`claimlint: too many warnings (${warnings}); at most ${maxWarnings} allowed (--max-warnings)\n`);
      return 1;
    }
    return 0;
  };
  /**
   * Each file's final findings: its own and those of the checks across claims. With --cache,
   * a file's cross-claim findings are reused only under the key of every claim they depend on
   * (./patients.ts): a changed claim of the same patient in another file makes them computed
   * again. A run whose keys all match loads no engine.
   */
  const acrossClaims = (own: LocatedFinding[][], claims: FilePatientClaims[]): LocatedFinding[][] => {
    const runFiles: RunFile[] = pending.map((p, i) => ({ file: p.report.path, claims: claims[i], configKey: p.configKey, content: p.content }));
    const keys = results ? patientKeys(runFiles, scope as PatientScope) : undefined;
    const reused = pending.map((p, i) => (keys ? results!.cross(p.file, keys.get(runFiles[i].file)!) : undefined));
    let index: InstanceType<ReturnType<typeof engine>['PatientIndex']> | undefined;
    return pending.map((p, i) => {
      let cross = reused[i];
      if (!cross) {
        if (!index) {
          index = new (engine().PatientIndex)({ scope: scope === 'file' ? 'file' : 'all' });
          pending.forEach((q, k) => index!.setFile(claims[k], q.config));
        }
        cross = engine().crossFindingsToKeep(own[i], index.findings(p.report.path));
        if (keys) results!.setCross(p.file, keys.get(runFiles[i].file)!, cross);
      }
      return combineFindings(own[i], cross);
    });
  };
  if (pending.some((p) => p.findings instanceof Promise || p.claims instanceof Promise)) {
    return Promise.all([Promise.all(pending.map((p) => p.findings)), Promise.all(pending.map((p) => p.claims))]).then(([f, c]) => finish(f, c));
  }
  return finish(
    pending.map((p) => p.findings as LocatedFinding[]),
    pending.map((p) => p.claims as FilePatientClaims),
  );
}

/** --max-warnings <n>: a whole number ≥ 0, or -1 (ESLint's "no limit"). */
function parseMaxWarnings(value: string | boolean | undefined): number | undefined | { error: string } {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!/^(-1|\d+)$/.test(value.trim())) return { error: `--max-warnings wants a whole number (0 or more, or -1 for no limit), not "${value}"` };
  const n = Number(value.trim());
  return n < 0 ? undefined : n;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function usage(message: string): number {
  process.stderr.write(`claimlint: ${terminalSafe(message)}\n\n${HELP}\n`);
  return 2;
}

if (require.main === module) {
  void Promise.resolve(run(process.argv.slice(2))).then((code) => (process.exitCode = code));
}

function warnNotUtf8(shown: string): void {
  process.stderr.write(`claimlint: warning: ${terminalSafe(shown)}: bytes that are not valid UTF-8 were read as U+FFFD\n`);
}
