/**
 * `claimlint data import <files…> -o <pack-dir>`: CMS's files → a data pack.
 * `claimlint data info [folder]`: the packs in force there and what each table covers.
 */
import { importPack, ImportError } from '../../datapacks/build';
import { plural } from '../../core';
import { TABLE_LABELS, tableNames, type TableName } from '../../core/packs';
import { PackStore, sha256 } from '../../datapacks/store/packStore';
import { ConfigResolver } from '../config';
import { schemaConfigReader } from '../configReader';
import { readImportFiles, writePack } from '../dataFiles';
import { parseCommandLine } from '../args';
import type { Command } from './index';

declare const CLAIMLINT_VERSION: string | undefined;
const VERSION = typeof CLAIMLINT_VERSION === 'string' ? CLAIMLINT_VERSION : '0.1.0';

/** Target size of a year of therapy data in a pack. */
export const PACK_SIZE_TARGET = 2 * 1024 * 1024;

const HELP = `Usage: claimlint data import <files…> -o <pack-dir> [options]
       claimlint data info [folder] [options]

import: reads CMS's files as CMS distributes them (the zip or the extracted file) and writes
a data pack folder: NCCI PTP practitioner edits (ccipra-v…, .txt or .xlsx), MUE practitioner
services (MCR_MUE_PractitionerServices_Eff_…), PPRRVU, GPCI and the locality table (LOCCO)
from the RVU zip, and the Annual Therapy Code List. Only therapy-related codes and their pairs
are kept. Nothing is written when any file fails.
  -o, --output <dir>        the pack folder to write (required)
      --name <name>         the pack's name (default: the folder's name)
      --effective <date>    first date of service (YYYY-MM-DD) for files whose name does not tell
      --force               replace an existing pack in that folder

info: lists the data packs in force for a folder (its nearest .claimlintrc data: list, after
the built-in data) and the first and last date of service each table covers.
  -c, --config <file>       use this config file instead of the nearest one
  -f, --format <name>       text (default) or json

Add a pack to .claimlintrc.yaml:  data: [./packs/cms-2026q1]   (later packs overlay earlier ones)
In VS Code: the claimlint.dataPacks setting.`;

export const dataCommand: Pick<Command, 'run'> = {
  run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'import') return runImport(rest);
    if (sub === 'info') return runInfo(rest);
    if (sub === undefined || sub === '--help' || sub === '-h') {
      (sub === undefined ? process.stderr : process.stdout).write(HELP + '\n');
      return sub === undefined ? 2 : 0;
    }
    process.stderr.write(`claimlint data: unknown subcommand "${sub}" (use import or info)\n\n${HELP}\n`);
    return 2;
  },
};

function fail(message: string): number {
  process.stderr.write(`claimlint data: ${message}\n`);
  return 2;
}

function usage(message: string): number {
  return fail(`${message}\n\n${HELP}`);
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`;
}

function runImport(argv: string[]): number {
  const parsed = parseCommandLine(
    argv,
    {
      output: { type: 'string', short: 'o' },
      name: { type: 'string' },
      effective: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    usage,
    () => HELP,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (!values.output) return fail('-o <pack-dir> is required');
  if (!positionals.length) return fail('no CMS files given');
  const read = readImportFiles(positionals);
  if ('error' in read) return fail(read.error);
  const packName = values.name ?? (values.output.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || 'pack');
  let pack;
  try {
    pack = importPack(read.inputs, { packName, createdBy: `claimlint ${VERSION}`, effective: values.effective, sha256 });
  } catch (err) {
    if (err instanceof ImportError) return fail(`${err.message}\nNothing was written.`);
    throw err;
  }
  const written = writePack(values.output, pack.files, values.force ?? false);
  if (written) return fail(`${written.error}\nNothing was written.`);
  let size = 0;
  for (const text of pack.files.values()) size += Buffer.byteLength(text);
  const lines = [`Wrote data pack "${pack.manifest.name}" to ${values.output} (${kb(size)}):`];
  for (const t of pack.manifest.tables) {
    const read = t.inputs.reduce((n, i) => n + i.rows, 0);
    const kept =
      t.table === 'conversion-factor'
        ? 'from the CONV FACTOR column'
        : t.rows === 0
          ? `empty: no row of the ${read} read is a catalogued therapy code (the table answers nothing; the built-in one stays in force)`
          : `${plural(t.rows, 'row')} kept of ${read} read`;
    lines.push(`  ${TABLE_LABELS[t.table]} ${t.release}, ${t.effective.from} to ${t.effective.to ?? '(no end date)'}: ${kept}`);
  }
  lines.push(`Filter: ${pack.manifest.filter}`);
  if (read.skipped.length) lines.push(`Passed over in the zips: ${read.skipped.length} file(s) that are not tables claimlint reads.`);
  if (size > PACK_SIZE_TARGET) lines.push(`Note: the pack is larger than ${kb(PACK_SIZE_TARGET)}; it still works, but check that only one year of data went in.`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

function runInfo(argv: string[]): number {
  const parsed = parseCommandLine(
    argv,
    {
      config: { type: 'string', short: 'c' },
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    usage,
    () => HELP,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'text' && values.format !== 'json') return fail(`unknown format "${values.format}" (use text or json)`);
  if (positionals.length > 1) return fail('give at most one folder');
  const folder = positionals[0] ?? '.';
  const cfg = new ConfigResolver(values.config, schemaConfigReader).forDir(folder);
  if ('error' in cfg) return fail(cfg.error);
  const { data, errors } = new PackStore().dataFor(cfg.config.data);
  for (const e of errors) process.stderr.write(`claimlint data: data pack ${e}\n`);

  const coverage = Object.fromEntries(tableNames.map((t) => [t, data.coverage(t) ?? null])) as Record<TableName, { from: string; to?: string } | null>;
  const locality = cfg.config.locality;
  const today = new Date().toISOString().slice(0, 10);
  const gpci = locality ? data.gpciFor(locality, coverage.gpci?.to && coverage.gpci.to < today ? coverage.gpci.to : today) : undefined;

  if (values.format === 'json') {
    // Open-ended coverage (curated tables without an end date) is `to: null`.
    const open = <T extends { to?: string }>(c: T) => ({ ...c, to: c.to ?? null });
    const out = {
      packs: data.packs.map((p) => ({ ...p, tables: p.tables.map(open) })),
      coverage: Object.fromEntries(Object.entries(coverage).map(([t, c]) => [t, c && open(c)])),
      locality: locality ? { id: locality, gpci: gpci ?? null } : null,
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return errors.length ? 2 : 0;
  }
  const lines: string[] = ['Data packs in force (later ones overlay earlier ones by effective date):'];
  data.packs.forEach((p, i) => {
    lines.push(`${i + 1}. ${p.name} (${p.origin})`);
    for (const t of p.tables) {
      const rows = t.rows === 0 ? 'empty (0 rows: answers nothing, the tables under it stay in force)' : plural(t.rows, 'row');
      lines.push(`     ${TABLE_LABELS[t.table]}: ${t.release}, ${t.from} to ${t.to ?? 'open-ended'}, ${rows}`);
      // Which release answers the period (the conversion factor's note repeats its RVU table's).
      if (t.note && t.table !== 'conversion-factor') lines.push(`       ${t.note}`);
    }
  });
  lines.push('', 'Coverage (first and last date of service each table covers):');
  for (const t of tableNames) {
    const c = coverage[t];
    lines.push(`  ${TABLE_LABELS[t]}: ${c ? `${c.from} to ${c.to ?? 'open-ended'}` : 'none'}`);
  }
  lines.push('');
  if (!locality) lines.push('Locality: none configured; amounts are national (unadjusted).');
  else if (gpci) lines.push(`Locality: ${locality} ${gpci.name} (${gpci.state}), GPCIs work ${gpci.work}, PE ${gpci.pe}, MP ${gpci.mp} from ${gpci.source}.`);
  else lines.push(`Locality: ${locality}, but no data pack in force has its GPCIs; amounts are national (unadjusted).`);
  process.stdout.write(lines.join('\n') + '\n');
  return errors.length ? 2 : 0;
}
