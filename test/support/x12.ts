/**
 * 837P test files built from the implementation guide's structure (005010X222A1): segments
 * written with the usual separators (* ^ : ~), wrapped in ISA/GS/ST…SE/GE/IEA envelopes
 * with correct counts and control numbers, then re-encoded with any separators.
 */
export interface X12Separators {
  element: string;
  repetition: string;
  component: string;
  segment: string;
  /** What follows each terminator: '' (one line), '\n' or '\r\n'. */
  eol: string;
}

export const STANDARD: X12Separators = { element: '*', repetition: '^', component: ':', segment: '~', eol: '\n' };

const pad = (s: string, n: number) => s.padEnd(n, ' ');

/** One interchange with one group per entry of `groups`, one transaction per entry of a group. */
export function interchange(control: number, groups: string[][][], seps: X12Separators = STANDARD): string {
  const ctl = String(control).padStart(9, '0');
  const segs: string[] = [
    ['ISA', '00', pad('', 10), '00', pad('', 10), 'ZZ', pad('CLEARINGHOUSE', 15), 'ZZ', pad('PAYERID', 15), '260302', '1200', '^', '00501', ctl, '0', 'P', ':'].join('*'),
  ];
  groups.forEach((transactions, g) => {
    const gs = String(control * 10 + g + 1);
    segs.push(`GS*HC*SENDER*RECEIVER*20260302*1200*${gs}*X*005010X222A1`);
    transactions.forEach((body, t) => {
      const st = String(1000 + t + 1).padStart(4, '0');
      segs.push(`ST*837*${st}*005010X222A1`, `BHT*0019*00*BATCH${st}*20260302*1200*CH`, 'NM1*41*2*SUBMITTER*****46*S123', 'PER*IC*BILLING OFFICE*TE*5555550100', 'NM1*40*2*RECEIVER*****46*R456', ...body);
      const count = 5 + body.length + 1; // ST, BHT, 1000A (NM1, PER), 1000B, body, SE
      segs.push(`SE*${count}*${st}`);
    });
    segs.push(`GE*${transactions.length}*${gs}`);
  });
  segs.push(`IEA*${groups.length}*${ctl}`);
  return recode(segs.map((s) => s + '~').join('\n') + '\n', seps);
}

/** Re-encodes text written with * ^ : ~ and LF line ends. */
export function recode(text: string, seps: X12Separators): string {
  const map: Record<string, string> = { '*': seps.element, '^': seps.repetition, ':': seps.component, '~': seps.segment };
  return text.replace(/~\n/g, '~').replace(/[*^:~]/g, (c) => (c === '~' ? seps.segment + seps.eol : map[c]));
}

/** 2000A/2010AA: a billing provider (PRV*BI taxonomy optional). */
export function billingProvider(hl: number, npi: string, taxonomy?: string): string[] {
  return [`HL*${hl}**20*1`, ...(taxonomy ? [`PRV*BI*PXC*${taxonomy}`] : []), `NM1*85*2*RIVERSIDE THERAPY*****XX*${npi}`, 'N3*12 MAIN ST', 'N4*SPRINGFIELD*IL*62701', 'REF*EI*371234567'];
}

/** 2000B/2010BA/2010BB: a subscriber who is the patient (HL04 0) or has dependants (1). */
export function subscriber(hl: number, parent: number, filing: string, member: string, payer: string, children = false): string[] {
  return [
    `HL*${hl}*${parent}*22*${children ? 1 : 0}`,
    `SBR*P*${children ? '' : '18'}*GRP01******${filing}`,
    `NM1*IL*1*DOE*JANE****MI*${member}`,
    'N3*4 ELM ST',
    'N4*SPRINGFIELD*IL*62704',
    'DMG*D8*19480117*F',
    `NM1*PR*2*${payer}*****PI*00431`,
  ];
}

/** 2000C/2010CA: a dependant patient. */
export function patient(hl: number, parent: number, last: string, first: string, dob: string, sex = 'M'): string[] {
  return [`HL*${hl}*${parent}*23*0`, 'PAT*19', `NM1*QC*1*${last}*${first}`, 'N3*4 ELM ST', 'N4*SPRINGFIELD*IL*62704', `DMG*D8*${dob}*${sex}`];
}

/** A service line: LX, SV1 (HC:code:mods), DTP*472. */
export function line(n: number, code: string, mods: string[], charge: string, units: string, pointers: string, date: string): string[] {
  return [`LX*${n}`, `SV1*${['HC', code, ...mods].join(':')}*${charge}*UN*${units}***${pointers}`, `DTP*472*D8*${date}`];
}
