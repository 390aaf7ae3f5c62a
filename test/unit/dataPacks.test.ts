/**
 * Data packs in the core: loading checks (manifest, sha256, rows), the overlay of packs by
 * effective date, and audits whose findings only an imported table can produce.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPack, type ImportInput } from '../../src/datapacks/build';
import { loadPack, PackError } from '../../src/core/data/packLoad';
import { MANIFEST_FILE, type LoadedPack } from '../../src/core/data/packTypes';
import { BUILTIN_DATA, ReferenceData } from '../../src/core/data/reference';
import { kxThreshold } from '../../src/core/data';
import { audit } from '../../src/core/engine';
import { AuditCache } from '../../src/core';
import { resolveConfig } from '../../src/core/config/schema';
import { FIXTURES } from '../support/paths';
import { singleClaimYaml, type ClaimSpec, type LineSpec } from '../support/claims';

const DIR = join(FIXTURES, 'cms');
const sha256 = (d: Uint8Array | string) => createHash('sha256').update(d).digest('hex');

function files(names: (string | ImportInput)[], packName: string, effective?: string): Map<string, string> {
  const inputs = names.map((n) => (typeof n === 'string' ? { name: n, bytes: readFileSync(join(DIR, n)) } : n));
  return importPack(inputs, { packName, createdBy: 'test', sha256, effective }).files;
}

function load(f: Map<string, string>, origin = '/packs/x'): LoadedPack {
  return loadPack(origin, (name) => f.get(name), sha256);
}

/** An MUE pack for one quarter giving 97110 `units`. */
function muePack(name: string, from: string, units: number): LoadedPack {
  const csv = `"HCPCS/\nCPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"\n97110,${units},3 Date of Service Edit: Clinical,Clinical: Data\n`;
  return load(files([{ name: 'mue.csv', bytes: Buffer.from(csv) }], name, from), `/packs/${name}`);
}

const FULL = ['ccipra_v321r0_f1.txt', 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv', 'PPRRVU2026_Jan_nonQPP.csv', 'GPCI2026.csv', '26LOCCO.csv'];

/** A one-claim file of a certified PT plan: `lines` on `date`, `more` for the rest. */
const claim = (date: string, lines: LineSpec[], more: Partial<ClaimSpec> = {}): string =>
  singleClaimYaml({ id: 'P-1', date, plan: { start: '2026-03-01', certified: '2026-03-02', through: '2026-05-30' }, lines, ...more });

const rules = (text: string, data?: ReferenceData, config = resolveConfig()) => audit(text, { data, config }).findings.map((f) => f.rule);

describe('data packs: loading', () => {
  it('loads what the importer wrote', () => {
    const pack = load(files(FULL, 'cms-2026q2'));
    assert.equal(pack.manifest.name, 'cms-2026q2');
    assert.equal(pack.tables.find((t) => t.meta.table === 'mue')?.rows.length, 7);
  });

  it('refuses a table changed after import (sha256), naming the pack folder and file', () => {
    const f = files(FULL, 'p');
    const mueFile = [...f.keys()].find((k) => k.startsWith('mue-'))!;
    f.set(mueFile, f.get(mueFile)!.replace('"maxUnits":3', '"maxUnits":30'));
    assert.throws(() => load(f), (e: unknown) => e instanceof PackError && e.message.startsWith(`/packs/x: ${mueFile}: its sha256 differs`));
  });

  it('refuses a missing manifest, a manifest of another format, and a row that breaks its schema', () => {
    assert.throws(() => load(new Map()), /claimlint-pack\.json: missing: not a claimlint data pack folder/);
    const f = files(FULL, 'p');
    const m = JSON.parse(f.get(MANIFEST_FILE)!);
    f.set(MANIFEST_FILE, JSON.stringify({ ...m, version: 2 }));
    assert.throws(() => load(f), /not a pack manifest of format version 1/);
    const g = files(FULL, 'p');
    const man = JSON.parse(g.get(MANIFEST_FILE)!);
    const t = man.tables.find((x: { table: string }) => x.table === 'mue');
    const bad = '[\n{"code":"97110","maxUnits":-1,"mai":3}\n]\n';
    g.set(t.file, bad);
    t.sha256 = sha256(bad);
    t.rows = 1;
    g.set(MANIFEST_FILE, JSON.stringify(man));
    assert.throws(() => load(g), /row 1: maxUnits/);
  });
});

describe('data packs: overlay by effective date', () => {
  const q1 = muePack('mue-2026q1', '2026-01-01', 2);
  const q2 = muePack('mue-2026q2', '2026-04-01', 3);
  const q2b = muePack('mue-2026q2-corrected', '2026-04-01', 5);

  it('each date takes the pack whose period covers it; outside every pack, the built-in data answers', () => {
    const data = new ReferenceData([q1, q2]);
    assert.equal(data.mueFor('97110', '2026-02-10')?.maxUnits, 2);
    assert.equal(data.mueFor('97110', '2026-05-10')?.maxUnits, 3);
    assert.equal(data.mueFor('97110', '2025-06-01')?.maxUnits, BUILTIN_DATA.mueFor('97110', '2025-06-01')?.maxUnits);
  });

  it('the order in the list does not matter across periods; for the same period the later pack wins', () => {
    const reversed = new ReferenceData([q2, q1]);
    assert.equal(reversed.mueFor('97110', '2026-02-10')?.maxUnits, 2);
    assert.equal(reversed.mueFor('97110', '2026-05-10')?.maxUnits, 3);
    assert.equal(new ReferenceData([q2, q2b]).mueFor('97110', '2026-05-10')?.maxUnits, 5);
    assert.equal(new ReferenceData([q2b, q2]).mueFor('97110', '2026-05-10')?.maxUnits, 3);
  });

  it('a covering pack is the whole table for its period: a code it lacks has no MUE then', () => {
    const data = new ReferenceData([q2]);
    assert.equal(data.mueFor('97112', '2026-05-10'), undefined);
  });

  it('lists the packs in force with each table’s coverage, built-in first', () => {
    const data = new ReferenceData([q1, q2]);
    assert.deepEqual(data.packs.map((p) => p.name), ['built-in', 'mue-2026q1', 'mue-2026q2']);
    assert.deepEqual(data.packs[2].tables.map((t) => [t.table, t.from, t.to, t.rows]), [['mue', '2026-04-01', '2026-06-30', 1]]);
    assert.equal(data.coverage('mue')?.to === undefined || data.coverage('mue')!.to! >= '2026-06-30', true);
  });

  it('hovers can say where a fact came from', () => {
    const data = new ReferenceData([load(files(FULL, 'ncci-2026q2'))]);
    assert.equal(data.findNcciPair('97116', '97530', '2026-04-15')?.source, 'NCCI PTP practitioner edits v321r0, effective 2026-04-01 (pack: ncci-2026q2)');
    assert.equal(data.mueFor('97140', '2026-04-15')?.source, 'MUE practitioner services 2026-04-01, effective 2026-04-01 (pack: ncci-2026q2)');
  });
});

describe('data packs: audits only an imported table can flag', () => {
  const data = new ReferenceData([load(files(FULL, 'cms-2026q2'))]);

  it('an imported NCCI pair (97530 with 97116, no modifier bypass)', () => {
    const text = claim('2026-04-15', [
      { code: '97530', units: 1, minutes: 15 },
      { code: '97116', modifiers: ['GP', '"59"'], units: 1, minutes: 15 },
    ]);
    const before = rules(text).filter((r) => r.startsWith('ncci'));
    assert.deepEqual(before, [], 'the built-in data has no such pair');
    assert.ok(rules(text, data).includes('ncci-pair-denied'), 'the pack flags it');
  });

  it('an imported MUE (97140: 3 a day)', () => {
    const text = claim('2026-04-15', [{ code: '97140', units: 4, minutes: 60 }]);
    assert.ok(!rules(text).includes('units-exceed-mue'));
    assert.ok(rules(text, data).includes('units-exceed-mue'));
  });

  it('imported RVUs and GPCIs: the locality amount pushes the year past the KX threshold', () => {
    const date = '2026-04-15';
    const input = { code: '97110', units: 4, modifiers: ['GP'], date };
    const national = data.priceLine(input)!;
    const local = data.priceLine(input, '01112-05')!;
    // (0.45 × 1.1 + 0.40 × 1.5 + 0.02 × 0.5) × 33.4009 = 36.91 a unit.
    assert.equal(local.perUnit, 36.91);
    assert.deepEqual(local.basis, { mac: '01112', locality: '05', name: 'SAN FRANCISCO' });
    assert.equal(national.basis, 'national');
    assert.equal(data.priceLine(input, '99999-01')!.basis, 'national');
    assert.match(data.priceLine(input, '99999-01')!.source, /national because no data pack has GPCIs for locality 99999-01/);

    const threshold = kxThreshold(date)!.pt_slp;
    // KX accrual prices the day with MPPR (billing-rules §13.9): take the midpoint of those totals.
    const day = [{ code: '97110', units: 4, modifiers: ['GP'], info: data.codeInfo('97110', date) }];
    const nationalDay = data.priceClaimLines(day, date).total;
    const localDay = data.priceClaimLines(day, date, {}, '01112-05').total;
    assert.ok(localDay > nationalDay && localDay < local.amount);
    const ytd = Math.round((threshold - (nationalDay + localDay) / 2) * 100) / 100;
    const text = claim(date, [{ code: '97110', units: 4, minutes: 60 }], { ytd: { pt_slp: ytd } });
    const withLocality = resolveConfig({ locality: '01112-05' });
    assert.ok(!rules(text, data).includes('kx-modifier-missing'), 'national amounts stay under the threshold');
    assert.ok(rules(text, data, withLocality).includes('kx-modifier-missing'), 'locality amounts pass it');
    assert.ok(!rules(text, BUILTIN_DATA, resolveConfig({ locality: '99999-01' })).includes('kx-modifier-missing'), 'without GPCIs for the locality, nothing changes');

    // One cache: the claim is parsed once and priced once per claim (kx.ts), but never across a
    // change of locality or of data.
    const cache = new AuditCache();
    const cached = (d: ReferenceData, config = resolveConfig()) => audit(text, { data: d, config, cache }).findings.map((f) => f.rule);
    assert.ok(!cached(data).includes('kx-modifier-missing'), 'national, cached');
    assert.ok(cached(data, withLocality).includes('kx-modifier-missing'), 'the same parsed claim under a locality');
    assert.ok(!cached(BUILTIN_DATA, withLocality).includes('kx-modifier-missing'), 'the same parsed claim under other data');
    assert.ok(!cached(data).includes('kx-modifier-missing'), 'national again');
  });

  it('imported RVUs alone (national, no locality): the fee only the pack has pushes the year past the KX threshold', () => {
    const date = '2026-04-15';
    // 97110 in the imported PPRRVU: PE 0.40 against the built-in 0.41, so an MPPR-reduced unit is worth more.
    const day = [{ code: '97110', units: 4, modifiers: ['GP'], info: data.codeInfo('97110', date) }];
    const builtinDay = BUILTIN_DATA.priceClaimLines(day, date).total;
    const packDay = data.priceClaimLines(day, date).total;
    assert.equal(builtinDay, 95.69, '29.06 + 3 × 22.21');
    assert.equal(packDay, 96.2, '29.06 + 3 × 22.38');
    const ytd = Math.round((kxThreshold(date)!.pt_slp - (builtinDay + packDay) / 2) * 100) / 100;
    const text = claim(date, [{ code: '97110', units: 4, minutes: 60 }], { ytd: { pt_slp: ytd } });
    assert.ok(!rules(text).includes('kx-modifier-missing'), 'the built-in fee stays under the threshold');
    assert.ok(rules(text, data).includes('kx-modifier-missing'), 'the imported fee passes it');
  });

  it('an imported Annual Therapy Code List changes a code from always to sometimes therapy', () => {
    const list = `"CPT/HCPCS Code","Therapy Status"\n97110,Sometimes Therapy\n`;
    const tdata = new ReferenceData([load(files([{ name: '2026 therapy code list.csv', bytes: Buffer.from(list) }], 'therapy-2026'))]);
    assert.equal(BUILTIN_DATA.codeInfo('97110', '2026-04-15')?.therapy, 'always');
    assert.equal(tdata.codeInfo('97110', '2026-04-15')?.therapy, 'sometimes');
    assert.equal(tdata.codeInfo('97110', '2025-04-15')?.therapy, 'always', 'outside the list’s year the catalogue stands');
  });
});

describe('data packs: reference-data-outdated (issue 9 item 11)', () => {
  const line: LineSpec[] = [{ code: '97110', units: 2, minutes: 30 }];
  const outdated = (text: string, data?: ReferenceData) => audit(text, { data, config: resolveConfig() }).findings.filter((f) => f.rule === 'reference-data-outdated');
  /** The 2026 PPRRVU file renamed so that --effective dates it 2027 (fees and conversion factor through 2027-12-31). */
  const fees2027 = () => load(files([{ name: 'rvu.csv', bytes: readFileSync(join(DIR, 'PPRRVU2026_Jan_nonQPP.csv')) }], 'pfs-2027', '2027-01-01'), '/packs/pfs-2027');

  it('a 2027 claim on the built-in data gets one warning naming the tables, the last covered date and what went unchecked', () => {
    const found = outdated(claim('2027-01-12', line));
    assert.equal(found.length, 1);
    assert.equal(found[0].path, 'claim.date_of_service');
    assert.equal(found[0].severity, 'warning');
    assert.equal(
      found[0].message,
      'The date of service is past the reference data (Physician Fee Schedule RVUs (PPRRVU), PFS conversion factor and KX thresholds: covered through 2026-12-31), ' +
        'so fee amounts and KX modifier findings could not be checked (a data pack covering the date adds them; see "claimlint data info").',
    );
    assert.deepEqual(outdated(claim('2026-12-31', line)), [], 'the last covered day is covered');
  });

  it('agrees with the coverage data info shows, and a pack covering 2027 silences the fee part', () => {
    const data = new ReferenceData([fees2027()]);
    assert.equal(BUILTIN_DATA.coverage('pfs-rvu')?.to, '2026-12-31');
    assert.equal(data.coverage('pfs-rvu')?.to, '2027-12-31');
    assert.equal(data.coverage('conversion-factor')?.to, '2027-12-31');
    const medicare = outdated(claim('2027-01-12', line), data);
    assert.equal(medicare.length, 1, 'KX thresholds are not in any pack, so a Medicare claim still hears about them');
    assert.match(medicare[0].message, /\(KX thresholds: covered through 2026-12-31\), so KX modifier findings could not be checked/);
    assert.doesNotMatch(medicare[0].message, /Fee Schedule|conversion factor|fee amounts/);
    const commercial = claim('2027-01-12', line, { payer: 'commercial', payerName: 'Example Plan' });
    assert.deepEqual(outdated(commercial, data), [], 'a commercial claim is fully covered by the 2027 pack');
    assert.equal(outdated(commercial).length, 1, 'without the pack the commercial claim warns about fees');
    assert.doesNotMatch(outdated(commercial)[0].message, /KX/);
    assert.deepEqual(outdated(claim('2028-01-03', line), data).length, 1, 'past the pack the warning returns');
    assert.match(outdated(claim('2028-01-03', line), data)[0].message, /covered through 2027-12-31/);
  });
});
