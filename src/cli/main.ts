/**
 * claimlint [options] <files or folders…>
 * Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage,
 * config or read errors, or no claim file found in a folder or pattern given (unless
 * --no-error-on-unmatched-pattern).
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { combineFindings, type FilePatientClaims, type LocatedFinding } from '../core/lite';
import type { PatientSummary } from '../report';
import { engine } from './lazyEngine';
import { auditFile, EngineParts, type FileRun, type PendingFile } from './auditFile';
import { buildId, resultKeys } from './cache/keys';
import { cacheLocation } from './cache/location';
import { ResultCache } from './cache/resultCache';
import { reportKey } from './cache/reportKey';
import { patientKeys, type PatientScope, type RunFile } from './patients';
import { RunTally } from './runTally';
import { parseThreads, threadCount } from './threads';
import { workersThatFit } from '../node/poolSizes';
import { commandsHelp, findCommand } from './commands';
import { ConfigResolver, type ConfigReader } from './config';
import { routeProcessWarnings } from '../node/warnings';
import { shortRunFlagsSet, tuneForShortRun } from '../node/burstTiering';
import { parseCommandLine } from './args';
import { terminalSafe } from './formatters/safe';
import { displayPath } from '../node/discovery';
import { discoverFiles } from '../node/claimSearch';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatStylish, useColor } from './formatters/stylish';
import { fileReport, type Formatter, type StreamingFormatter } from './report';

// The binary (bin/claimlint.js) tunes V8 before it runs the command line.
export { tuneForShortRun };

// Only what a run answered from --cache needs is imported above: the engine (rules, schemas,
// reference data, worker pool; ./engine.ts) is loaded by engine() on the first file that is
// really audited (./auditFile.ts), or for a format or command that needs it.
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
                        (and how V8 is tuned for the run)
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
  const options = parseOptions(argv);
  return typeof options === 'number' ? options : auditRun(options);
}

/** The audit's options, checked; a number is the exit code of a run that ends here (help, version, usage). */
interface RunOptions {
  positionals: string[];
  format: string;
  formatter: Formatter;
  html: boolean;
  fix: boolean;
  config: string | undefined;
  output: string | undefined;
  quiet: boolean;
  maxWarnings: number | undefined;
  errorOnUnmatched: boolean;
  debug: boolean;
  cache: boolean;
  cacheLocation: string | undefined;
  threads: number | 'auto';
  scope: PatientScope;
}

function parseOptions(argv: string[]): RunOptions | number {
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
    () => HELP + commandsHelp(),
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
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
  const threads = parseThreads(values.threads);
  if (typeof threads === 'object') return usage(threads.error);
  return {
    positionals,
    format: values.format as string,
    formatter,
    html,
    fix: !!values.fix,
    config: values.config,
    output: values.output,
    quiet: !!values.quiet,
    maxWarnings,
    errorOnUnmatched: !values['no-error-on-unmatched-pattern'],
    debug: !!values.debug,
    cache: !!values.cache,
    cacheLocation: values['cache-location'],
    threads,
    scope,
  };
}

/** Finds the claim files, audits each (./auditFile.ts), and writes the report; what goes wrong is counted by a RunTally. */
function auditRun(o: RunOptions): number | Promise<number> {
  let results: ResultCache | undefined;
  if (o.cache) {
    const where = cacheLocation(o.cacheLocation);
    if ('error' in where) return usage(where.error);
    results = new ResultCache(where.path, buildId(VERSION));
  }
  // Config files are read by the schema's reader, or answered from the cache's memo of it.
  const schemaReader: ConfigReader = { read: (path, text) => engine().schemaConfigReader.read(path, text), defaults: () => engine().schemaConfigReader.defaults() };
  const configs = new ConfigResolver(o.config, results ? results.configReader(() => schemaReader) : schemaReader);
  const { files, missing, unmatched, outside, folders } = discoverFiles(o.positionals, (dir) => configs.globsFor(dir));
  const tally = new RunTally();
  for (const m of missing) tally.missingPath(m);
  for (const folder of folders) {
    const cfg = configs.forDir(folder);
    if ('error' in cfg) tally.configError(cfg.error, false);
  }
  if (unmatched.length && o.errorOnUnmatched) {
    // As ESLint: a CI job pointed at the wrong folder fails instead of passing on "0 files".
    for (const u of unmatched) process.stderr.write(`claimlint: no claim files found in "${terminalSafe(u)}" (*.claim.yaml, *.claim.yml or the config's "files")\n`);
    process.stderr.write('claimlint: nothing was audited; pass --no-error-on-unmatched-pattern to allow a folder or pattern without claim files\n');
    return 2;
  }
  if (o.debug) for (const line of [...configs.describe(folders, files), v8Tuning()]) process.stderr.write(`claimlint: debug: ${terminalSafe(line)}\n`);
  for (const f of outside) process.stderr.write(`claimlint: warning: ${terminalSafe(displayPath(f))}: outside the folder given; skipped\n`);

  const parts = new EngineParts(workerCount(o.threads, files));
  // Without --cache every file is audited: the workers start now and boot while the files are read and cut.
  if (parts.workers > 1 && !results && files.length) parts.pool();
  const run: FileRun = { configs, results, tally, engine: parts, fix: o.fix, html: o.html, keyOf: resultKeys() };
  let pending: PendingFile[] = [];
  for (const file of files) {
    const p = auditFile(file, run);
    if (p) pending.push(p);
  }
  // With --cache (no --fix, no html report) the report is remembered under the key of all it is made of:
  // a run whose files all hit, under the same key, writes it again.
  const remember = results && !o.fix && !o.html;
  if (remember && pending.length && pending.every((p) => p.cached)) {
    const remembered = results!.report(reportMemoKey(o, tally, pending, results!));
    if (remembered) {
      parts.close();
      return writeOutput(o, tally, results, [remembered.text], remembered.errors, remembered.warnings);
    }
  }
  // A file answered by its stamp has its findings and claims read now; if they cannot be, it is audited again.
  if (results) pending = pending.flatMap((p) => (!p.cached || results.usable(p.file) ? [p] : (results.forget(p.file), auditFile(p.file, run) ?? [])));
  const finish = (own: LocatedFinding[][], claims: FilePatientClaims[]): number => {
    parts.close();
    const { lists, patients } = acrossClaims(pending, own, claims, results, o.scope, o.html);
    // The key of the files as finally audited (a file whose cached parts could not be read was read again).
    return writeReport(o, tally, pending, lists, results, patients, remember ? reportMemoKey(o, tally, pending, results!) : undefined);
  };
  if (pending.some((p) => p.findings instanceof Promise || p.claims instanceof Promise)) {
    return Promise.all([Promise.all(pending.map((p) => p.findings)), Promise.all(pending.map((p) => p.claims))]).then(([f, c]) => finish(f, c));
  }
  return finish(
    pending.map((p) => p.findings as LocatedFinding[]),
    pending.map((p) => p.claims as FilePatientClaims),
  );
}

/** --debug: how V8 was tuned for this run (tuneForShortRun). */
function v8Tuning(): string {
  const set = shortRunFlagsSet();
  if (!set) return 'V8: as node was started (not run as the claimlint binary)';
  return set.length ? `V8: ${set.join(' ')} (a short run)` : "V8: node's own inlining flag kept";
}

/** The key this run's report is remembered under (./cache/reportKey.ts). */
function reportMemoKey(o: RunOptions, tally: RunTally, pending: readonly PendingFile[], results: ResultCache): string {
  return reportKey({
    format: o.format,
    color: useColor(),
    quiet: o.quiet,
    scope: o.scope,
    outcome: tally.outcome(),
    files: pending.map((p) => [p.file, p.report.path, p.content, results.keyHash(p.configKey)] as const),
  });
}

/** Worker threads for the run: --threads (auto: by the files' size), no more than the address-space limit (ulimit -v) leaves room for (V8 would abort). */
function workerCount(threads: number | 'auto', files: readonly string[]): number {
  const wanted = threadCount(threads, files.reduce((n, f) => n + sizeOf(f), 0));
  const fit = wanted > 1 ? workersThatFit(wanted) : wanted;
  const workers = Math.max(1, fit);
  if (workers < wanted && threads !== 'auto') {
    process.stderr.write(`claimlint: warning: --threads ${wanted}: the process's address-space limit (ulimit -v) leaves room for ${fit} worker thread${fit === 1 ? '' : 's'}; auditing ${workers === 1 ? 'on this thread only' : `with ${workers} threads`}\n`);
  }
  return workers;
}

/** The report (stdout or --output) of the files' final findings; the run's exit code. With `memo`, the report is remembered in the cache under it. */
function writeReport(
  o: RunOptions,
  tally: RunTally,
  pending: readonly PendingFile[],
  lists: LocatedFinding[][],
  results: ResultCache | undefined,
  patients?: PatientSummary[],
  memo?: string,
): number {
  const reports = pending.map(({ report }, i) => {
    const findings = o.quiet ? lists[i].filter((f) => f.severity === 'error') : lists[i];
    const r = fileReport(report.path, findings, report.fixesApplied);
    return report.claims ? { ...r, claims: report.claims } : r;
  });
  if (tally.failed && !reports.length) {
    const unsaved = results?.save();
    if (unsaved) process.stderr.write(`claimlint: warning: ${terminalSafe(unsaved)}\n`);
    // Nothing could be read: no "0 files audited, no problems" beside the errors, no report file.
    process.stderr.write(`claimlint: nothing was audited${o.output ? `; ${o.output} not written` : ''}\n`);
    return 2;
  }
  // The JSON report is written as it is made (a big file's is tens of megabytes); the others whole.
  const outcome = { ...tally.outcome(), patients };
  const chunks = 'chunks' in o.formatter ? (o.formatter as StreamingFormatter).chunks(reports, outcome) : [o.formatter(reports, outcome)];
  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  return writeOutput(o, tally, results, chunks, errors, warnings, memo);
}

/**
 * Writes the report's text to stdout or --output, then the cache (with the report under `memo`
 * once it is written whole); the run's exit code.
 */
function writeOutput(o: RunOptions, tally: RunTally, results: ResultCache | undefined, chunks: Iterable<string | Buffer>, errors: number, warnings: number, memo?: string): number {
  const written: Buffer[] | undefined = memo ? [] : undefined;
  const bytesOf = (chunk: string | Buffer): Buffer | string => {
    if (!written) return chunk;
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    written.push(b);
    return b;
  };
  let failed = false;
  if (o.output) {
    let fd: number | undefined;
    try {
      fd = openSync(o.output, 'w');
      for (const chunk of chunks) writeAll(fd, bytesOf(chunk));
    } catch (err) {
      process.stderr.write(`claimlint: ${terminalSafe(String(o.output))}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
      failed = true;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  } else for (const chunk of chunks) process.stdout.write(bytesOf(chunk));
  if (memo && written && !failed) results!.setReport(memo, written, errors, warnings);
  const unsaved = results?.save();
  if (unsaved) process.stderr.write(`claimlint: warning: ${terminalSafe(unsaved)}\n`);
  return failed ? 2 : tally.exitCode(errors, warnings, o.maxWarnings);
}

/** `text` written whole to `fd` (a write may take only part of it). */
function writeAll(fd: number, text: string | Buffer): void {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

/**
 * Each file's final findings: its own and those of the checks across claims. With --cache,
 * a file's cross-claim findings are reused only under the key of every claim they depend on
 * (./patients.ts): a changed claim of the same patient in another file makes them computed
 * again. A run whose keys all match loads no engine.
 */
function acrossClaims(
  pending: readonly PendingFile[],
  own: LocatedFinding[][],
  claims: FilePatientClaims[],
  results: ResultCache | undefined,
  scope: PatientScope,
  html: boolean,
): { lists: LocatedFinding[][]; patients?: PatientSummary[] } {
  const runFiles: RunFile[] = pending.map((p, i) => ({ file: p.report.path, claims: claims[i], configKey: p.configKey, content: p.content }));
  const keys = results ? patientKeys(runFiles, scope) : undefined;
  const reused = pending.map((p, i) => (keys ? results!.cross(p.file, keys.get(runFiles[i].file)!) : undefined));
  let index: InstanceType<ReturnType<typeof engine>['PatientIndex']> | undefined;
  const indexed = () => {
    if (!index) {
      index = new (engine().PatientIndex)({ scope: scope === 'file' ? 'file' : 'all' });
      pending.forEach((q, k) => index!.setFile(claims[k], q.config));
    }
    return index;
  };
  const lists = pending.map((p, i) => {
    let cross = reused[i];
    if (!cross) {
      cross = engine().crossFindingsToKeep(own[i], indexed().findings(p.report.path));
      if (keys) results!.setCross(p.file, keys.get(runFiles[i].file)!, cross);
    }
    return combineFindings(own[i], cross);
  });
  // The HTML report's per-patient view ("Patient 1", …; claims by id and file, never the id).
  const patients = html ? engine().patientSummaries(indexed(), pending.map((p) => p.report.path)) : undefined;
  return { lists, patients };
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
  tuneForShortRun();
  void Promise.resolve(run(process.argv.slice(2))).then((code) => (process.exitCode = code));
}

