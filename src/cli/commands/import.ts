/**
 * claimlint import <file…> [-o out.claim.yaml] [--from auto|837p|fhir|csv] [--map mapping.yaml]
 *                   [--patient-id hash|member|none] [--salt text] [--payer-type type]
 * Exit codes: 0 written; 2 usage error, or an unreadable or malformed input (nothing written).
 */
import { closeSync, readSync } from 'node:fs';
import { FileReadError, openRegular, READ_LIMITS, readBounded, readBoundedText } from '../../node/boundedRead';
import { decodeChunk, decodeWhole, encodingProblem, textDecoder } from './importEncoding';
import { basename, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { payerTypes, type PayerType } from '../../core';
import {
  detectFormat,
  ImportError,
  importComments,
  importFormats,
  importText,
  patientIdModes,
  readCsvMapping,
  Reader837,
  yamlClaimItem,
  yamlHead,
  type ImportFormat,
  type ImportOptions,
  type PatientIdMode,
  type SkippedIn,
} from '../../importers/claims';
import { displayPath } from '../../node/discovery';
import { parseCommandLine } from '../args';
import type { Command } from './index';
import { ImportOutput, OutputError } from './importOutput';
import { type FileId, outputProblem, regularFile } from './importPaths';

const HELP = `Usage: claimlint import <file…> [options]

Converts claims from an X12 837P file (005010X222A1), a FHIR R4 Claim or Bundle (JSON) or a
CSV export into claim YAML (format v1), ready to audit. All claims of all files go into one
output. See docs/import.md for the field mapping.

Options:
  -o, --output <file>      write the claims to this file (e.g. visits.claim.yaml) instead of
                           standard output; nothing is written when an input is malformed
      --from <format>      auto (default: by content), 837p, fhir or csv
      --map <file>         CSV: a mapping file naming another export's columns
      --patient-id <mode>  hash (default: salted hash of the member id), member, or none
      --salt <text>        the salt of the patient-id hash (default: a fixed, documented one;
                           use the same salt every time so visits keep grouping)
      --payer-type <type>  FHIR and CSV: medicare, medicare-advantage, medicaid or commercial
                           for claims whose payer type the input does not give
      --force              replace an existing output file (without it an existing file is
                           never replaced: edits made to it would be lost)
      --encoding <name>    the inputs' text encoding when it is not UTF-8, e.g. windows-1252
                           (an input that is not valid UTF-8 is refused without it)
  -h, --help               show this help

Exit codes: 0 written, 2 usage error or unreadable/malformed input.`;

const CHUNK = 1 << 20;

function usage(message: string): number {
  process.stderr.write(`claimlint import: ${message}\n\n${HELP}\n`);
  return 2;
}

function fail(message: string): number {
  process.stderr.write(`claimlint import: ${message}; nothing written\n`);
  return 2;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}

/** The first bytes of a file as text, for format detection. */
function head(path: string): string {
  const { fd } = openRegular(path, READ_LIMITS.import837);
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** One turn of the event loop: lets a signal handler run between chunks of a long import. */
const turn = () => new Promise<void>((done) => setImmediate(done));

/** Streams an 837 file through the reader, writing each claim as it completes. */
async function stream837(path: string, options: ImportOptions, encoding: string | undefined, write: (text: string) => void): Promise<{ count: number; warnings: string[]; skipped: string[] }> {
  const reader = new Reader837(options);
  const decoder = textDecoder(encoding);
  let offset = 0;
  const buf = Buffer.alloc(CHUNK);
  let count = 0;
  const emit = (claims: ReturnType<Reader837['push']>) => {
    for (const c of claims) write(yamlClaimItem(c));
    count += claims.length;
  };
  const { fd } = openRegular(path, READ_LIMITS.import837);
  let read = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      read += n;
      if (read > READ_LIMITS.import837) throw new FileReadError('EFBIG', `larger than ${READ_LIMITS.import837 / 1024 / 1024} MB, claimlint's limit for an 837`);
      emit(reader.push(decodeChunk(decoder, buf.subarray(0, n), offset, true)));
      offset += n;
      await turn();
    }
  } finally {
    closeSync(fd);
  }
  emit(reader.push(decodeChunk(decoder, new Uint8Array(0), offset, false)));
  emit(reader.end());
  return { count, warnings: reader.warnings, skipped: reader.skipped };
}

async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      output: { type: 'string', short: 'o' },
      from: { type: 'string', default: 'auto' },
      map: { type: 'string' },
      'patient-id': { type: 'string', default: 'hash' },
      salt: { type: 'string' },
      'payer-type': { type: 'string' },
      force: { type: 'boolean', default: false },
      encoding: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    usage,
    () => HELP,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const from = values.from as string;
  if (from !== 'auto' && !importFormats.includes(from as ImportFormat)) return usage(`unknown format "${from}" (use auto, 837p, fhir or csv)`);
  const mode = values['patient-id'] as string;
  if (!patientIdModes.includes(mode as PatientIdMode)) return usage(`unknown --patient-id "${mode}" (use hash, member or none)`);
  const payerType = values['payer-type'];
  if (payerType !== undefined && !payerTypes.includes(payerType as PayerType)) return usage(`unknown --payer-type "${payerType}" (use ${payerTypes.join(', ')})`);
  if (!positionals.length) return usage('no input files given');
  const badEncoding = encodingProblem(values.encoding);
  if (badEncoding) return usage(badEncoding);

  const inputs = positionals.map((p) => ({ path: resolve(p), shown: displayPath(resolve(p)) }));
  const target = values.output ? resolve(values.output) : undefined;
  const mapPath = values.map ? resolve(values.map) : undefined;
  const sources = [...inputs.map((i) => ({ ...i, what: 'input' })), ...(mapPath ? [{ path: mapPath, shown: displayPath(mapPath), what: 'mapping file' }] : [])];
  const ids: FileId[] = [];
  for (const source of sources) {
    const checked = regularFile(source.path);
    if (typeof checked === 'string') return fail(`${source.shown}: ${checked === 'ENOENT' || checked === 'EACCES' ? `cannot read (${checked})` : `cannot read the ${source.what}: ${checked}`}`);
    ids.push(checked);
  }
  if (target) {
    const problem = outputProblem(target, ids, values.force === true);
    if (problem) return fail(`${displayPath(target)}: ${problem}`);
  }

  const options: ImportOptions = { patientId: { mode: mode as PatientIdMode, salt: values.salt }, payerType: payerType as PayerType | undefined };
  if (values.map) {
    const shown = displayPath(resolve(values.map));
    let text: string;
    try {
      text = readBoundedText(values.map, READ_LIMITS.mapping);
    } catch (err) {
      if (err instanceof FileReadError) return fail(`${shown}: the mapping file: ${err.message}`);
      throw err;
    }
    try {
      options.csvMapping = parseYaml(text, { logLevel: 'error' });
    } catch {
      return fail(`${shown}: the mapping file is not valid YAML`);
    }
    try {
      options.csvMapping = readCsvMapping(options.csvMapping);
    } catch (err) {
      if (err instanceof ImportError) return fail(`${shown}: ${err.message}`);
      throw err;
    }
  }

  // Formats first: the header says what the inputs could not carry.
  const formats: ImportFormat[] = [];
  for (const input of inputs) {
    try {
      formats.push(from === 'auto' ? detectFormat(head(input.path), input.path) : (from as ImportFormat));
    } catch (err) {
      if (err instanceof FileReadError) return fail(`${input.shown}: ${err.message}`);
      return fail(`${input.shown}: cannot read (${errorCode(err)})`);
    }
  }

  let output: ImportOutput;
  try {
    output = new ImportOutput(target, values.force === true);
  } catch (err) {
    return fail(`${displayPath(target!)}: cannot write (${errorCode(err)})`);
  }
  const named = inputs.map((i, n) => ({ name: basename(i.path), format: formats[n] }));
  const firstHead = yamlHead(importComments(named, mode as PatientIdMode));
  output.writeHead(firstHead);

  let total = 0;
  let current = inputs[0];
  const skipped: SkippedIn[] = [];
  let leftOut = 0;
  try {
    for (const [n, input] of inputs.entries()) {
      current = input;
      let result: { count: number; warnings: string[]; skipped: string[] };
      if (formats[n] === '837p') result = await stream837(input.path, options, values.encoding, (t) => output.write(t));
      else {
        const imported = importText(decodeWhole(readBounded(input.path, READ_LIMITS.importWhole), values.encoding), formats[n], options);
        for (const c of imported.claims) output.write(yamlClaimItem(c));
        result = { count: imported.claims.length, warnings: imported.warnings, skipped: imported.skipped };
      }
      for (const w of result.warnings) process.stderr.write(`claimlint import: ${input.shown}: ${w}\n`);
      // What was left out: on stderr now, and in the output's header comment.
      for (const item of result.skipped) process.stderr.write(`claimlint import: ${input.shown}: left out: ${item}\n`);
      if (result.skipped.length) skipped.push({ name: named[n].name, items: result.skipped });
      total += result.count;
    }
    leftOut = skipped.reduce((k, s) => k + s.items.length, 0);
    if (!total) {
      output.abort();
      return fail(`${inputs.map((i) => i.shown).join(', ')}: ${leftOut ? `no claims left to import (${leftOut} left out, listed above)` : 'no claims found'}`);
    }
    output.commit(leftOut ? yamlHead(importComments(named, mode as PatientIdMode, skipped)) : firstHead);
  } catch (err) {
    output.abort();
    if (err instanceof OutputError) return fail(`${target ? displayPath(target) : 'standard output'}: ${err.message}`);
    if (err instanceof ImportError) return fail(`${current.shown}: ${err.message}`);
    if (err instanceof FileReadError) return fail(`${current.shown}: ${err.message}`);
    const code = (err as NodeJS.ErrnoException).code;
    if (code) return fail(`${current.shown}: cannot read or write (${code})`);
    throw err;
  }
  const note = leftOut ? `; ${leftOut} left out (claimlint cannot represent them), listed in its header comment` : '';
  if (target) process.stdout.write(`claimlint import: ${total} claim${total === 1 ? '' : 's'} written to ${displayPath(target)}${note}\n`);
  return 0;
}

export const importCommand: Pick<Command, 'run'> = { run };
