/**
 * claimlint [options] <files or folders…>
 * Exit codes: 0 no errors, 1 errors found, 2 usage or read errors.
 */
import { writeFileSync } from 'node:fs';
import { AuditCache, audit, configKey, fixAll, type LocatedFinding } from '../core';
import { buildId, cacheLocation, ResultCache } from './cache';
import { parseThreads, threadCount } from './threads';
import { AuditPool } from '../shared/auditPool';
import { commandsHelp, findCommand } from './commands';
import { ConfigResolver } from './config';
import { routeProcessWarnings } from './warnings';
import { parseCommandLine } from './args';
import { terminalSafe } from './formatters/safe';
import { PackStore } from '../shared/packStore';
import { discoverFiles, displayPath, isSymlink, readClaimFile } from './files';
import { statSync } from 'node:fs';
import { generatedAt, makeHtmlFormatter } from './formatters/html';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { makeSarifFormatter } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { collectClaims } from '../core';
import { fileReport, isFixable, type FileReport, type Formatter } from './report';

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
      --cache           only audit files that changed since the last run (their
                        findings are kept in .claimlintcache)
      --cache-location <path>
                        the cache file, or a folder to hold .claimlintcache; inside
                        the current folder
      --threads <n|auto>
                        audit on n worker threads (auto: the machine's cores for
                        large inputs, else 1); the output is the same for every n
      --report-include-patient-ids
                        show patient ids in the html report (default: claim ids only)
      --stdio           run the language server over standard input/output
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no errors, 1 errors found, 2 usage or read errors.`;

const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: makeSarifFormatter(VERSION),
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
      debug: { type: 'boolean', default: false },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      threads: { type: 'string', default: 'auto' },
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
    ? makeHtmlFormatter({ version: VERSION, includePatientIds: !!values['report-include-patient-ids'], generatedAt: generatedAt() })
    : FORMATTERS[values.format as string];
  if (!formatter) return usage(`unknown format "${values.format}" (use stylish, json, sarif, junit or html)`);
  if (!positionals.length) return usage('no files or folders given');

  const debug = values.debug;
  const threads = parseThreads(values.threads);
  if (typeof threads === 'object') return usage(threads.error);
  let results: ResultCache | undefined;
  if (values.cache) {
    const where = cacheLocation(values['cache-location']);
    if ('error' in where) return usage(where.error);
    results = new ResultCache(where.path, buildId(VERSION));
  }
  const configs = new ConfigResolver(values.config);
  const { files, missing, outside, folders } = discoverFiles(positionals, (dir) => configs.globsFor(dir));
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
  if (debug) for (const line of configs.describe(folders, files)) process.stderr.write(`claimlint: debug: ${terminalSafe(line)}\n`);
  let unaudited = 0;
  for (const o of outside) process.stderr.write(`claimlint: warning: ${terminalSafe(displayPath(o))}: outside the folder given; skipped\n`);

  const workers = threadCount(threads, files.reduce((n, f) => n + sizeOf(f), 0));
  // Started on the first file that is really audited: a run answered from --cache starts no worker.
  let pool: AuditPool | undefined;
  const poolFor = (): AuditPool | undefined => (workers > 1 ? (pool ??= new AuditPool(workers)) : undefined);
  const cache = new AuditCache();
  const packs = new PackStore();
  const packErrors = new Set<string>();
  /** Reports in file order; a finding list still being audited on a worker is a promise. */
  const pending: { report: Omit<FileReport, 'findings' | 'errorCount' | 'warningCount' | 'infoCount'>; findings: LocatedFinding[] | Promise<LocatedFinding[]> }[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    const cfg = configs.forFile(file);
    if ('error' in cfg) {
      configError(cfg.error);
      readErrors++;
      unaudited++;
      continue;
    }
    const { data, errors } = packs.dataFor(cfg.config.data);
    if (errors.length) {
      for (const e of errors) {
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
    let text: string;
    try {
      const read = readClaimFile(file);
      if ('skip' in read) {
        process.stderr.write(`claimlint: warning: ${terminalSafe(shown)}: ${read.skip}\n`);
        continue;
      }
      text = read.text;
      if (read.invalidUtf8) process.stderr.write(`claimlint: warning: ${terminalSafe(shown)}: bytes that are not valid UTF-8 were read as U+FFFD\n`);
    } catch (err) {
      process.stderr.write(`claimlint: ${terminalSafe(shown)}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
      errorsSaid++;
      readErrors++;
      unaudited++;
      continue;
    }
    // The cache key: the effective config and the data packs' tables.
    const key = `${configKey(cfg.config)}\u0000${data.key}`;
    let cached = results?.get(file, text, key);
    let applied = 0;
    // A cached file with nothing fixable: --fix would change nothing, so it is not audited again.
    if (values.fix && !(cached && !cached.some(isFixable))) {
      const fixed = fixAll(text, { config: cfg.config, cache, data });
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
        text = fixed.text;
        applied = fixed.applied;
        cached = results?.get(file, text, key);
      }
    }
    const audited = text;
    const remember = (found: LocatedFinding[]): LocatedFinding[] => {
      if (!cached) results?.set(file, audited, key, found);
      return found;
    };
    const workerPool = cached ? undefined : poolFor();
    const findings = cached ?? (workerPool ? workerPool.auditFile(text, { config: cfg.config, data }).then(remember) : remember(audit(text, { config: cfg.config, cache, data }).findings));
    pending.push({ report: { path: shown, fixesApplied: applied, claims: html ? collectClaims(text, cfg.config, data) : undefined }, findings });
  }

  const finish = (lists: LocatedFinding[][]): number => {
    void pool?.close();
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
    return reports.some((r) => r.errorCount > 0) ? 1 : 0;
  };
  if (pending.some((p) => p.findings instanceof Promise)) return Promise.all(pending.map((p) => p.findings)).then(finish);
  return finish(pending.map((p) => p.findings as LocatedFinding[]));
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
