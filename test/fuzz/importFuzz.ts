/**
 * Mutation fuzzing of the importers (issue 20): the three claim formats (X12 837P, FHIR R4,
 * CSV; whole and streamed in small chunks) and `data import` (CMS text tables and an .xlsx
 * workbook, mutated as text and as bytes). For every input, in process:
 *   - it imports or fails with the importer's own ImportError (never a TypeError, a
 *     RangeError, a stack overflow…);
 *   - an 837 streamed in 7-character chunks gives what the whole text gives;
 *   - what an import writes parses as YAML and has no claim-schema finding;
 *   - one input takes at most 2 s.
 *
 * `node dist/importFuzz.js --count N [--seed S]`; the test suite runs a short seeded run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, resolveConfig } from '../../src/core';
import { ImportError as DataImportError, importPack } from '../../src/datapacks/build';
import { ImportError, importText, Reader837, toClaimYaml, type ImportedClaim, type ImportFormat } from '../../src/importers/claims';
import { collection, searchset, transaction } from '../support/fhir';
import { makeXlsx } from '../support/xlsx';
import { billingProvider, interchange, line, patient, subscriber } from '../support/x12';
import { repoRoot, rng, type FuzzProblem, type FuzzResult } from './fuzz';
import { mutateBytes, mutateImportText } from '../support/mutations';

const ROOT = repoRoot();
const sha256 = (d: Uint8Array | string) => createHash('sha256').update(d).digest('hex');

/** How the inputs ended: imported, or refused with the importer's own error. */
export interface Outcomes {
  imported: number;
  refused: number;
}

interface Seed {
  kind: ImportFormat | 'cms-text' | 'cms-xlsx';
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

export function importSeeds(): Seed[] {
  const body = [
    ...billingProvider(1, '1679576722', '225100000X'),
    ...subscriber(2, 1, 'CI', 'XYZ123456', 'ACME HEALTH PLAN', true),
    ...patient(3, 2, 'DOE', 'SAM', '20150402'),
    'CLM*D-1*150***11:B:1*Y*A*Y*Y',
    'HI*ABK:M25661*ABF:R262',
    ...line(1, '97110', ['GP'], '80', '2', '1:2', '20260302'),
    ...line(2, '97140', ['GP', '59'], '70', '1', '1', '20260303'),
  ];
  const seeds: Seed[] = [
    { kind: '837p', name: 'riverside.837', text: readFileSync(join(ROOT, 'examples', 'import', 'riverside.837'), 'utf8') },
    { kind: '837p', name: 'dependant.837', text: interchange(1, [[body]]) },
    { kind: '837p', name: 'separators.837', text: interchange(2, [[body]], { element: '|', repetition: '{', component: '>', segment: "'", eol: '\r\n' }) },
    { kind: 'fhir', name: 'collection.json', text: JSON.stringify(collection(), null, 1) },
    { kind: 'fhir', name: 'transaction.json', text: JSON.stringify(transaction()) },
    { kind: 'fhir', name: 'searchset.json', text: JSON.stringify(searchset(), null, 2) },
    { kind: 'csv', name: 'visits.csv', text: 'claim_id,date_of_service,payer_type,payer_name,patient_id,npi,diagnoses,code,modifiers,units,minutes,charge,diagnosis_pointers\nC-1,2026-03-02,medicare,MEDICARE,M1,1679576722,M25.661 R26.2,97110,GP,2,30,$80.00,1 2\nC-1,2026-03-02,medicare,,,,,97140,GP 59,1,15,40,A\nC-2,03/05/2026,commercial,ACME,M2,1679576722,R26.2,97530,GP,3,45,"1,200.00",1\n' },
    { kind: 'csv', name: 'semicolon.csv', text: 'claim_id;date_of_service;payer_type;code;units;charge\nE1;2026-03-09;medicaid;97110;2;45,00\nE2;2026-03-10;medicaid;92507;1;120,50\n' },
  ];
  for (const name of readdirSync(join(ROOT, 'test', 'fixtures', 'cms')).sort()) {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'cms', name), 'utf8');
    // The first hundred lines: enough to be the table, small enough to fuzz quickly.
    seeds.push({ kind: 'cms-text', name, text: text.split('\n').slice(0, 100).join('\n') });
  }
  seeds.push({ kind: 'cms-xlsx', name: 'PPRRVU2026_Jan_nonQPP.xlsx', bytes: makeXlsx(readFileSync(join(ROOT, 'test', 'fixtures', 'cms', 'PPRRVU2026_Jan_nonQPP.csv'), 'utf8').split('\n').slice(0, 40).map((l) => l.split(','))) });
  return seeds;
}

function streamed(text: string): ImportedClaim[] {
  const reader = new Reader837({ patientId: { mode: 'hash' } });
  const out: ImportedClaim[] = [];
  for (let i = 0; i < text.length; i += 7) for (const c of reader.push(text.slice(i, i + 7))) out.push(c);
  for (const c of reader.end()) out.push(c);
  return out;
}

/** One input through its importer; problems are pushed to `problems`. */
export function importFuzzOne(seed: Seed, rand: () => number, index: number, problems: FuzzProblem[], outcomes: Outcomes = { imported: 0, refused: 0 }, slowMs?: number): number {
  const started = Date.now();
  const fail = (kind: FuzzProblem['kind'], detail: string) => problems.push({ index, kind, detail: `${seed.name}: ${detail}` });
  try {
    if (seed.kind === 'cms-text' || seed.kind === 'cms-xlsx') {
      const bytes = seed.bytes ? mutateBytes(seed.bytes, rand) : rand() < 0.8 ? new TextEncoder().encode(mutateImportText(seed.text!, rand)) : mutateBytes(new TextEncoder().encode(seed.text!), rand);
      try {
        importPack([{ name: seed.name, bytes }], { packName: 'fuzz', createdBy: 'fuzz', sha256 });
        outcomes.imported++;
      } catch (err) {
        outcomes.refused++;
        if (!(err instanceof DataImportError)) fail('throw', `${(err as Error).name}: ${(err as Error).message.slice(0, 120)}`);
      }
    } else {
      const text = mutateImportText(seed.text!, rand);
      let claims: ImportedClaim[] | undefined;
      try {
        claims = importText(text, seed.kind, { patientId: { mode: 'hash' }, payerType: rand() < 0.5 ? 'commercial' : undefined }).claims;
        outcomes.imported++;
      } catch (err) {
        outcomes.refused++;
        if (!(err instanceof ImportError)) fail('throw', `${(err as Error).name}: ${(err as Error).message.slice(0, 120)}`);
      }
      if (seed.kind === '837p') {
        let chunked: ImportedClaim[] | undefined;
        try {
          chunked = streamed(text);
        } catch (err) {
          if (!(err instanceof ImportError)) fail('throw', `streamed: ${(err as Error).name}: ${(err as Error).message.slice(0, 120)}`);
        }
        if (JSON.stringify(chunked) !== JSON.stringify(claims)) fail('span', 'streaming in 7-character chunks differs from the whole text');
      }
      if (claims?.length) {
        const yaml = toClaimYaml(claims, ['fuzz']);
        const r = audit(yaml, { config: resolveConfig() });
        const bad = r.findings.filter((f) => f.rule === 'yaml-syntax' || f.rule === 'claim-schema');
        if (bad.length) fail('fix-breaks-yaml', `the imported YAML has ${bad[0].rule}: ${bad[0].path} ${bad[0].message.slice(0, 100)}`);
      }
    }
  } catch (err) {
    fail('throw', `outside the importer: ${(err as Error).name}: ${(err as Error).message.slice(0, 120)}`);
  }
  const millis = Date.now() - started;
  if (slowMs !== undefined && millis > slowMs) fail('slow', `${millis} ms`);
  return millis;
}

/** `slowMs` (npm run fuzz's speed target, not the test suite's) makes an input over it a problem. */
export function runImportFuzz(count: number, seed: number, seeds = importSeeds(), slowMs?: number): FuzzResult & { outcomes: Outcomes } {
  const rand = rng(seed);
  const outcomes: Outcomes = { imported: 0, refused: 0 };
  const problems: FuzzProblem[] = [];
  const started = Date.now();
  let slowest = 0;
  for (let i = 0; i < count; i++) slowest = Math.max(slowest, importFuzzOne(seeds[Math.floor(rand() * seeds.length)], rand, i, problems, outcomes, slowMs));
  return { seed, count, problems, millis: Date.now() - started, slowest, outcomes };
}

if (require.main === module && /importFuzz\.js$/.test(process.argv[1] ?? '')) {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const r = runImportFuzz(opt('count', 1000), opt('seed', Date.now() % 1e9), importSeeds(), 2000);
  const byKind = (k: string) => r.problems.filter((p) => p.kind === k).length;
  for (const p of r.problems.slice(0, 20)) console.log(`  #${p.index} ${p.kind}: ${p.detail}`);
  console.log(`import fuzz: ${r.count} inputs (seed ${r.seed}; ${r.outcomes.imported} imported, ${r.outcomes.refused} refused) in ${(r.millis / 1000).toFixed(1)} s, slowest ${r.slowest} ms: ${byKind('throw')} throws, ${byKind('slow')} over 2 s, ${byKind('span')} stream/whole differences, ${byKind('fix-breaks-yaml')} imported files with schema errors`);
  process.exit(r.problems.length ? 1 : 0);
}
