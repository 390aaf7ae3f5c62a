/**
 * 835 test files built from the implementation guide's structure (005010X221A1): header
 * (BPR, TRN, DTM*405, N1*PR payer, N1*PE payee), LX header groups, CLP claim payments with
 * their NM1*QC patient and NM1*IL subscriber (sentinel names and member ids that must never
 * appear in any output), SVC lines with DTM*472, CAS, AMT*B6 and LQ*HE, and PLB provider
 * adjustments; wrapped in ISA/GS/ST…SE/GE/IEA with correct counts and control numbers, then
 * re-encoded with any separators (./x12.ts).
 */
import { recode, STANDARD, type X12Separators } from './x12';

/** Patient values planted in every test 835: none may appear in any output. */
export const SENTINELS = ['ZZQPATIENTLAST', 'ZZQPATIENTFIRST', 'ZZQSUBSCRIBERLAST', 'ZZQSUBSCRIBERFIRST', 'ZZQMEMBER0042', 'ZZQMEMBER0043'];

const pad = (s: string, n: number) => s.padEnd(n, ' ');

export interface Svc {
  code: string;
  mods?: string[];
  charge: string;
  paid: string;
  units?: string;
  date?: string;
  /** [group, reason, amount] each (one CAS per group). */
  cas?: [string, string, string][];
  remarks?: string[];
  /** SVC06: the code billed, when the payer paid another (SVC01). */
  billedAs?: { code: string; mods?: string[] };
}

export interface Clp {
  id: string;
  status?: string;
  charge: string;
  paid: string;
  cas?: [string, string, string][];
  moa?: string[];
  /** DTM*232 claim statement date. */
  date?: string;
  lines: Svc[];
}

function casSegments(cas: [string, string, string][]): string[] {
  const byGroup = new Map<string, string[]>();
  for (const [g, r, a] of cas) {
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)!.push(r, a, '');
  }
  return [...byGroup].map(([g, triplets]) => `CAS*${g}*${triplets.join('*').replace(/\*+$/, '')}`);
}

export function svcSegments(s: Svc): string[] {
  const comp = ['HC', s.code, ...(s.mods ?? [])].join(':');
  const billed = s.billedAs ? ['HC', s.billedAs.code, ...(s.billedAs.mods ?? [])].join(':') : '';
  const svc = `SVC*${comp}*${s.charge}*${s.paid}**${s.units ?? '1'}${billed ? `*${billed}` : ''}`;
  return [
    svc,
    ...(s.date ? [`DTM*472*${s.date}`] : []),
    ...casSegments(s.cas ?? []),
    'REF*6R*LINECTRL1',
    `AMT*B6*${s.paid}`,
    ...(s.remarks ?? []).map((r) => `LQ*HE*${r}`),
  ];
}

export function clpSegments(c: Clp): string[] {
  return [
    `CLP*${c.id}*${c.status ?? '1'}*${c.charge}*${c.paid}*0*MB*PAYERCLAIM0001*11*1`,
    ...casSegments(c.cas ?? []),
    'NM1*QC*1*ZZQPATIENTLAST*ZZQPATIENTFIRST****MI*ZZQMEMBER0042',
    'NM1*IL*1*ZZQSUBSCRIBERLAST*ZZQSUBSCRIBERFIRST****MI*ZZQMEMBER0043',
    'NM1*82*1*THERAPIST*PAT****XX*1234567893',
    ...(c.moa ? [`MOA***${c.moa.join('*')}`] : []),
    ...(c.date ? [`DTM*232*${c.date}`] : []),
    ...c.lines.flatMap(svcSegments),
  ];
}

export interface Transaction {
  claims: Clp[];
  /** PLB adjustments: [reason code, amount] each. */
  plb?: [string, string][];
}

/** One interchange holding one group with these transactions. */
export function interchange835(control: number, transactions: Transaction[], seps: X12Separators = STANDARD): string {
  const ctl = String(control).padStart(9, '0');
  const segs: string[] = [['ISA', '00', pad('', 10), '00', pad('', 10), 'ZZ', pad('PAYERID', 15), 'ZZ', pad('PROVIDER', 15), '260310', '0900', '^', '00501', ctl, '0', 'P', ':'].join('*')];
  const gs = String(control * 10 + 1);
  segs.push(`GS*HP*PAYERID*PROVIDER*20260310*0900*${gs}*X*005010X221A1`);
  transactions.forEach((t, k) => {
    const st = String(2000 + k + 1).padStart(4, '0');
    const body = [
      'BPR*I*1000*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260310',
      'TRN*1*EFT0001*1512345678',
      'DTM*405*20260309',
      'N1*PR*ACME HEALTH PLAN',
      'N3*1 PAYER WAY',
      'N4*CAPITAL CITY*IL*62701',
      'PER*BL*PROVIDER SERVICES*TE*5555550199',
      'N1*PE*RIVERSIDE THERAPY*XX*1234567893',
      'LX*1',
      ...t.claims.flatMap(clpSegments),
      ...(t.plb ?? []).map(([r, a]) => `PLB*1234567893*20261231*${r}:REF1*${a}`),
    ];
    segs.push(`ST*835*${st}*005010X221A1`, ...body, `SE*${body.length + 2}*${st}`);
  });
  segs.push(`GE*${transactions.length}*${gs}`, `IEA*1*${ctl}`);
  return recode(segs.map((s) => s + '~').join('\n') + '\n', seps);
}
