/**
 * claimlint remit <files or folders…> [--format stylish|json|html] [-o file] [--force] [-c config]
 * What the payer said (issue 27): each 835 (found by content: ISA … ST*835) joined to the
 * claim files given, line by line, with the findings claimlint has on each line.
 * Exit codes: 0 it ran (whatever the payer decided); 2 usage error, a malformed 835, or a
 * claim file, config or data pack that could not be read (nothing written).
 */
import { closeSync, lstatSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { matchRemittance, type RemitInput } from '../../core';
import { ImportError, looksLike835, read835 } from '../../importers/claims';
import { FileReadError, openRegular, READ_LIMITS, readBounded } from '../../node/boundedRead';
import { displayPath, isClaimFileName } from '../../node/discovery';
import { discoverFiles } from '../../node/claimSearch';
import { parseCommandLine } from '../args';
import { terminalSafe } from '../formatters/safe';
import type { Command } from './index';
import { ImportOutput, OutputError } from './importOutput';
import { type FileId, outputProblem, regularFile } from './importPaths';
import { auditClaimFiles } from './remitClaims';
import { formatRemitJson, formatRemitStylish, formatRemitHtml } from './remitFormat';

const HELP = `Usage: claimlint remit <files or folders…> [options]

Reads 835 remittance advice files (X12 005010X221A1; found by content, ISA … ST*835) and
the claim files given (*.claim.yaml, or in the folders given), and shows the payer's
decision on each service line beside claimlint's findings on it: which denials a rule
predicted, which no claim file can show (timely filing, coverage dates, patient share),
and which no rule predicted yet. Patient names and member ids (NM1*QC, NM1*IL) are never
read. See docs/remit.md.

Options:
  -f, --format <name>   stylish (default), json (a stable contract, version 1) or html
                        (the audit report with a "Payer decisions" section)
  -o, --output <file>   write to this file instead of standard output; nothing is
                        written when an input is malformed
      --force           replace an existing output file
  -c, --config <file>   use this config for the claim files instead of the nearest
                        .claimlintrc.yaml
  -h, --help            show this help

Exit codes: 0 it ran (whatever the payer decided), 2 usage error or a malformed 835 or
unreadable input.`;

declare const CLAIMLINT_VERSION: string | undefined;
const VERSION = typeof CLAIMLINT_VERSION === 'string' ? CLAIMLINT_VERSION : '0.1.0';
const FORMATS = ['stylish', 'json', 'html'];
/** What a folder's walk reads of each file to tell an 835. */
const HEAD = 4096;
const SKIP_DIRS = new Set(['node_modules', '.git']);

function usage(message: string): number {
  process.stderr.write(`claimlint remit: ${terminalSafe(message)}\n\n${HELP}\n`);
  return 2;
}

function fail(message: string): number {
  process.stderr.write(`claimlint remit: ${terminalSafe(message)}; nothing written\n`);
  return 2;
}

/** The first bytes of a file as text ('' when unreadable: the reading proper says why). */
function head(path: string): string {
  try {
    const { fd } = openRegular(path, READ_LIMITS.import837);
    try {
      const buf = Buffer.alloc(HEAD);
      const n = readSync(fd, buf, 0, HEAD, 0);
      return buf.subarray(0, n).toString('latin1');
    } catch {
      return '';
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

/** An X12 interchange (the reader says whether it is a sound 835). */
function isX12(text: string): boolean {
  return /^[\uFEFF\s]*ISA/.test(text);
}

/** The 835s in a folder and its subfolders (not node_modules, .git), by content. */
function remitsIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory() && !SKIP_DIRS.has(name)) walk(p);
      else if (st.isFile() && !isClaimFileName(name) && looksLike835(head(p))) out.push(p);
    }
  };
  walk(dir);
  return out;
}

async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      format: { type: 'string', short: 'f', default: 'stylish' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    usage,
    () => HELP,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = values.format as string;
  if (!FORMATS.includes(format)) return usage(`unknown format "${format}" (use stylish, json or html)`);
  if (!positionals.length) return usage('no files or folders given');

  // 835s: files given that are X12, and the 835s found in the folders given; the rest are claim files.
  const remitPaths: string[] = [];
  const claimArgs: string[] = [];
  for (const arg of positionals) {
    const abs = resolve(arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      claimArgs.push(arg); // discovery says it is missing (or expands a pattern)
      continue;
    }
    if (st.isDirectory()) {
      remitPaths.push(...remitsIn(abs));
      claimArgs.push(arg);
    } else if (!isClaimFileName(abs) && isX12(head(abs))) remitPaths.push(abs);
    else claimArgs.push(arg);
  }
  const unique = [...new Set(remitPaths)];
  remitPaths.length = 0;
  remitPaths.push(...unique);
  if (!remitPaths.length) return usage('no 835 remittance file given or found in the folders given (an 835 starts with ISA and holds ST*835)');
  const { files, missing, outside } = discoverFiles(claimArgs, () => []);
  for (const m of missing) return fail(`${m}: no such file or folder`);
  for (const o of outside) process.stderr.write(`claimlint remit: warning: ${terminalSafe(displayPath(o))}: outside the folder given; skipped\n`);

  const target = values.output ? resolve(values.output) : undefined;
  if (target) {
    const ids: FileId[] = [];
    for (const p of [...remitPaths, ...files]) {
      const id = regularFile(p);
      if (typeof id !== 'string') ids.push(id);
    }
    const problem = outputProblem(target, ids, values.force === true, 'claimlint remit');
    if (problem) return fail(`${displayPath(target)}: ${problem}`);
  }

  // The 835s first: a malformed one stops the run before anything is audited or written.
  const remits: RemitInput[] = [];
  for (const path of remitPaths) {
    const shown = displayPath(path);
    let text: string;
    try {
      const bytes = readBounded(path, READ_LIMITS.importWhole);
      text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    } catch (err) {
      if (err instanceof FileReadError) return fail(`${shown}: ${err.message}`);
      return fail(`${shown}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    try {
      const read = read835(text);
      for (const w of read.warnings) process.stderr.write(`claimlint remit: ${terminalSafe(shown)}: ${terminalSafe(w)}\n`);
      remits.push({ file: shown, remittance: read.remittance });
    } catch (err) {
      if (err instanceof ImportError) return fail(`${shown}: ${err.message}`);
      throw err;
    }
  }

  const audited = auditClaimFiles(files, values.config);
  for (const w of audited.warnings) process.stderr.write(`claimlint remit: warning: ${terminalSafe(w)}\n`);
  if (audited.errors.length) {
    for (const e of audited.errors) process.stderr.write(`claimlint remit: ${terminalSafe(e)}\n`);
    return fail('a claim file, config or data pack could not be read');
  }
  const report = matchRemittance(remits, audited.claims);
  const text =
    format === 'json' ? formatRemitJson(report) : format === 'html' ? formatRemitHtml(report, audited.files, VERSION) : formatRemitStylish(report, { claimFiles: files.length });

  let output: ImportOutput;
  try {
    output = new ImportOutput(target, values.force === true);
  } catch (err) {
    return fail(`${displayPath(target!)}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    output.write(text);
    output.commit();
  } catch (err) {
    output.abort();
    if (err instanceof OutputError) return fail(`${target ? displayPath(target) : 'standard output'}: ${err.message}`);
    throw err;
  }
  if (target) process.stdout.write(`claimlint remit: ${report.claims.length} claim payment${report.claims.length === 1 ? '' : 's'} written to ${displayPath(target)}\n`);
  return 0;
}

export const remitCommand: Pick<Command, 'run'> = { run };
