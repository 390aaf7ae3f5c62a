/**
 * X12 837P (005010X222A1) → claims: one claim per CLM and date of service (and rendering
 * provider, when 2420A names another one for some lines). Pure: segments in, claims out;
 * `Claims837` is fed segment by segment so a large file streams through in bounded memory.
 *
 * Loops read (IG names): 2000A/2010AA billing provider (PRV*BI, NM1*85), 2000B/2010BA/2010BB
 * subscriber and payer (SBR, NM1*IL, NM1*PR), 2000C/2010CA patient (NM1*QC, DMG), 2300
 * claim (CLM, HI), 2310B rendering provider (NM1*82, PRV*PE), 2320/2330 other payers
 * (skipped), 2400 service line (LX, SV1, DTP*472), 2420A line rendering provider.
 * docs/import.md has the mapping table.
 */
import { decimal, disciplineOfModifiers, disciplineOfTaxonomy, icd10WithDot, isoOfD8, payerTypeOfFilingCode } from '../codes';
import { type MemberKey, patientId, type PatientIdPolicy } from '../patientId';
import { chargeProblem, IMPORT_BOUNDS, tooLong, unitsProblem } from '../bounds';
import { ImportError, type ImportedClaim, type ImportedLine, type ImportResult } from '../types';
import { X12Envelope, where } from './envelope';
import { tokenize, type Segment, X12Tokenizer } from './tokenizer';

export interface Import837Options {
  patientId: PatientIdPolicy;
}

export const HEADER_837 = [
  'An 837 carries no minutes and no documentation: each timed line is reported as',
  'timed-minutes-missing until its minutes are filled in from the treatment note.',
];

interface Provider {
  npi?: string;
  taxonomy?: string;
}

interface LineDraft extends ImportedLine {
  lx: number;
  /** The SV1 segment was read (its code may be one claimlint does not import). */
  sv1?: boolean;
  date?: string;
  rendering?: Provider;
  /** Why the line is left out (located, no values): claimlint cannot represent it. */
  skip?: string;
}

interface ClaimDraft {
  id: string;
  ordinal: number;
  rendering?: Provider;
  diagnoses: string[];
  lines: LineDraft[];
  /** Why the whole claim is left out (located, no values), e.g. ICD-9 diagnoses. */
  skip?: string;
  /** Which part of the claim the segments belong to now. */
  loop: '2300' | '2310B' | '2310' | '2320' | '2400' | '2420A' | '2420';
}

/** SV101-1 qualifiers of an 837P other than HC: valid X12, code sets claimlint does not read. */
const OTHER_CODE_SETS: Record<string, string> = {
  ER: 'a jurisdiction-specific procedure code set',
  IV: 'the Home Infusion EDI Coalition (HIEC) code set',
  WK: 'the Advanced Billing Concepts (ABC) code set',
};

/** Element i of a segment ('' when absent); a repetition there is malformed for what we read. */
function el(seg: Segment, i: number): string {
  const v = seg.elements[i] ?? '';
  if (v.length > IMPORT_BOUNDS.x12Element) throw new ImportError(where(seg, i), tooLong(IMPORT_BOUNDS.x12Element));
  if (seg.seps.repetition && v.includes(seg.seps.repetition)) throw new ImportError(where(seg, i), 'this element does not repeat in an 837P, but holds the ISA11 repetition separator');
  return v;
}

function components(seg: Segment, i: number): string[] {
  return el(seg, i).split(seg.seps.component);
}

/**
 * A composite element (SV101, HI01…, CLM05, SV107) split by something other than the ISA16
 * component separator: `HC>97110` in a file whose ISA16 is `:`. The element is then one
 * component holding a punctuation mark where the separator belongs; say so rather than
 * blame the qualifier or the code.
 */
function checkComponentSeparator(seg: Segment, i: number): void {
  const v = el(seg, i);
  if (!v || v.includes(seg.seps.component)) return;
  const other = /[^A-Za-z0-9 .\-]/.exec(v)?.[0];
  if (other === undefined) return;
  throw new ImportError(where(seg, i), `the component separator does not match ISA16: this composite is split by "${other}", but ISA16 declares "${seg.seps.component}"`);
}

/** Builds claims from 837P segments, envelope by envelope. */
export class Claims837 {
  private readonly out: ImportedClaim[] = [];
  private billing: Provider = {};
  private subscriber: { member?: string; payerType?: ImportedClaim['payer']['type']; payerName?: string; dob?: string; sbr?: Segment } = {};
  /** 2010CA: what tells a dependant apart (name and birth date); feeds only the patient.id hash. */
  private dependant: { last: string; first: string; dob: string } | undefined;
  private hlLevel = '';
  private inPatientName = false;
  private inSubscriberName = false;
  private claim: ClaimDraft | undefined;
  private line: LineDraft | undefined;
  readonly warnings: string[] = [];
  private readonly envelope = new X12Envelope('837', 'not an 837 claim transaction', el, this.warnings);
  /** What was left out (ImportResult.skipped): located, never values. */
  readonly skipped: string[] = [];

  constructor(private readonly options: Import837Options) {}

  /** Feeds one segment; returns the claims it completed. */
  push(seg: Segment): ImportedClaim[] {
    switch (this.envelope.segment(seg)) {
      case 'ST': {
        const version = el(seg, 3) || el(this.envelope.group!, 8);
        if (!version.includes('X222')) {
          throw new ImportError(where(seg, 3), version.includes('X223') ? 'an institutional 837I: claimlint imports professional claims (837P, 005010X222A1)' : 'not an 837P (005010X222A1) transaction');
        }
        this.billing = {};
        this.subscriber = {};
        this.dependant = undefined;
        return [];
      }
      case 'SE': {
        const done = this.finishClaim();
        this.envelope.closeTransaction(seg);
        return done;
      }
      case 'body':
        return this.body(seg);
      default:
        return [];
    }
  }

  /** The end of the input: every envelope must be closed (the tokenizer checks IEA). */
  end(): ImportedClaim[] {
    return this.finishClaim();
  }

  private body(seg: Segment): ImportedClaim[] {
    const tag = seg.tag;
    if (tag === 'HL') {
      const done = this.finishClaim();
      this.hlLevel = el(seg, 3);
      this.inPatientName = this.inSubscriberName = false;
      if (this.hlLevel === '20') {
        this.billing = {};
        this.subscriber = {};
        this.dependant = undefined;
      } else if (this.hlLevel === '22') {
        this.subscriber = {};
        this.dependant = undefined;
      } else if (this.hlLevel === '23') {
        this.dependant = undefined;
      } else throw new ImportError(where(seg, 3), 'an HL level other than 20 (billing provider), 22 (subscriber) or 23 (patient)');
      return done;
    }
    if (tag === 'CLM') {
      const done = this.finishClaim();
      const id = el(seg, 1);
      if (!id) throw new ImportError(where(seg, 1), 'the claim has no patient control number (CLM01)');
      checkComponentSeparator(seg, 5);
      if (this.hlLevel !== '22' && this.hlLevel !== '23') throw new ImportError(where(seg), 'a claim outside a subscriber or patient loop (HL 22/23)');
      if (!this.subscriber.sbr) throw new ImportError(where(seg), 'a claim without its subscriber (SBR) loop');
      this.claim = { id, ordinal: seg.ordinal, diagnoses: [], lines: [], loop: '2300' };
      this.line = undefined;
      return done;
    }
    if (!this.claim) {
      this.header(seg);
      return [];
    }
    this.claimSegment(seg, this.claim);
    return [];
  }

  /** Segments of the 2000A/B/C loops, before any claim of theirs. */
  private header(seg: Segment): void {
    const tag = seg.tag;
    if (tag === 'PRV' && this.hlLevel === '20' && el(seg, 1) === 'BI') this.billing.taxonomy = el(seg, 3);
    else if (tag === 'NM1') {
      const entity = el(seg, 1);
      this.inSubscriberName = entity === 'IL';
      this.inPatientName = entity === 'QC';
      if (entity === '85') this.billing.npi = el(seg, 8) === 'XX' ? el(seg, 9) || undefined : undefined;
      else if (entity === 'IL') this.subscriber.member = el(seg, 9) || undefined;
      else if (entity === 'PR') this.subscriber.payerName = el(seg, 3) || undefined;
      else if (entity === 'QC') this.dependant = { last: el(seg, 3), first: el(seg, 4), dob: '' };
    } else if (tag === 'SBR' && this.hlLevel === '22') {
      this.subscriber.sbr = seg;
      const code = el(seg, 9);
      if (!code) throw new ImportError(where(seg, 9), 'no claim filing indicator code (SBR09): the payer type is unknown');
      this.subscriber.payerType = payerTypeOfFilingCode(code);
    } else if (tag === 'DMG' && this.inPatientName && this.dependant) this.dependant.dob = el(seg, 1) === 'D8' ? el(seg, 2) : '';
  }

  private claimSegment(seg: Segment, claim: ClaimDraft): void {
    const tag = seg.tag;
    switch (tag) {
      case 'HI':
        if (claim.loop !== '2300') return;
        for (let i = 1; i < seg.elements.length; i++) {
          checkComponentSeparator(seg, i);
          const [qualifier, code] = components(seg, i);
          if (qualifier === 'ABK' || qualifier === 'ABF') {
            if (!code) throw new ImportError(where(seg, i, 2), 'a diagnosis without its code');
            claim.diagnoses.push(icd10WithDot(code));
          } else if (qualifier === 'BK' || qualifier === 'BF') {
            // Valid X12 that claimlint cannot represent: the claim is left out, the rest kept.
            claim.skip ??= `${where(seg, i, 1)}: the claim at segment ${claim.ordinal} (CLM) has ICD-9-CM diagnoses (${qualifier}); claimlint reads ICD-10-CM (ABK/ABF)`;
          }
        }
        return;
      case 'SBR':
        // 2320: other subscriber information. Its NM1 loops (2330) are other payers' data.
        if (claim.loop !== '2400' && claim.loop !== '2420A' && claim.loop !== '2420') claim.loop = '2320';
        return;
      case 'NM1': {
        const entity = el(seg, 1);
        if (claim.loop === '2300' || claim.loop === '2310B' || claim.loop === '2310') {
          claim.loop = entity === '82' ? '2310B' : '2310';
          if (entity === '82') claim.rendering = { npi: el(seg, 8) === 'XX' ? el(seg, 9) || undefined : undefined };
        } else if (this.line && (claim.loop === '2400' || claim.loop === '2420A' || claim.loop === '2420')) {
          claim.loop = entity === '82' ? '2420A' : '2420';
          if (entity === '82') this.line.rendering = { npi: el(seg, 8) === 'XX' ? el(seg, 9) || undefined : undefined };
        }
        return;
      }
      case 'PRV':
        if (el(seg, 1) !== 'PE') return;
        if (claim.loop === '2310B' && claim.rendering) claim.rendering.taxonomy = el(seg, 3) || undefined;
        else if (claim.loop === '2420A' && this.line?.rendering) this.line.rendering.taxonomy = el(seg, 3) || undefined;
        return;
      case 'LX':
        claim.loop = '2400';
        this.line = { lx: seg.ordinal, code: '', units: 0 };
        claim.lines.push(this.line);
        return;
      case 'SV1':
        if (!this.line || claim.loop !== '2400') throw new ImportError(where(seg), 'SV1 outside a service line (LX)');
        this.sv1(seg, this.line);
        return;
      case 'DTP':
        if (el(seg, 1) === '472' && this.line && claim.loop === '2400') this.line.date = this.serviceDate(seg);
        return;
      default:
        return;
    }
  }

  private sv1(seg: Segment, line: LineDraft): void {
    checkComponentSeparator(seg, 1);
    line.sv1 = true;
    const n = this.claim!.lines.length;
    const lineAt = `service line ${n} of the claim at segment ${this.claim!.ordinal} (CLM)`;
    const [qualifier, code, ...mods] = components(seg, 1);
    if (!code) throw new ImportError(where(seg, 1, 2), 'no procedure code');
    line.code = code;
    if (qualifier !== 'HC') {
      if (!OTHER_CODE_SETS[qualifier]) throw new ImportError(where(seg, 1, 1), 'not a procedure code qualifier of an 837P (HC, ER, IV or WK)');
      line.skip = `${where(seg, 1, 1)}: ${lineAt} is coded in ${OTHER_CODE_SETS[qualifier]} (${qualifier}); claimlint reads HCPCS/CPT (HC)`;
    }
    const modifiers = mods.slice(0, 4).filter((m) => m !== '');
    if (modifiers.some((m) => !/^[A-Za-z0-9]{2}$/.test(m))) throw new ImportError(where(seg, 1), 'a modifier that is not two letters or digits');
    if (modifiers.length) line.modifiers = modifiers.map((m) => m.toUpperCase());
    const charge = decimal(el(seg, 2));
    const chargeBad = chargeProblem(charge);
    if (chargeBad) throw new ImportError(where(seg, 2), chargeBad);
    line.charge = charge!;
    const unit = el(seg, 3);
    if (unit !== 'UN' && unit !== 'MJ') throw new ImportError(where(seg, 3), 'the unit of measure is neither UN (units) nor MJ (minutes)');
    const units = decimal(el(seg, 4));
    if (units === undefined || units < 0) throw new ImportError(where(seg, 4), 'the quantity is not a non-negative number');
    if (unit === 'MJ') line.skip ??= `${where(seg, 3)}: ${lineAt} is billed in minutes (MJ, anesthesia time); claimlint audits billed units (UN)`;
    else if (!Number.isInteger(units)) line.skip ??= `${where(seg, 4)}: ${lineAt} bills a fractional number of units; claimlint audits whole units`;
    else {
      const unitsBad = unitsProblem(units);
      if (unitsBad) throw new ImportError(where(seg, 4), unitsBad);
    }
    line.units = Number.isInteger(units) ? units : 0;
    const pointers = el(seg, 7);
    if (pointers) {
      checkComponentSeparator(seg, 7);
      line.diagnosis_pointers = components(seg, 7).map((p, i) => {
        const n = decimal(p);
        if (n === undefined || !Number.isInteger(n) || n < 1 || n > IMPORT_BOUNDS.pointer) throw new ImportError(where(seg, 7, i + 1), `a diagnosis pointer is not a number from 1 to ${IMPORT_BOUNDS.pointer}`);
        return n;
      });
    }
  }

  private serviceDate(seg: Segment): string {
    const format = el(seg, 2);
    const value = el(seg, 3);
    if (format === 'D8') {
      const iso = isoOfD8(value);
      if (!iso) throw new ImportError(where(seg, 3), 'not a real date (CCYYMMDD)');
      return iso;
    }
    if (format === 'RD8') {
      const [from, to] = value.split('-');
      const a = isoOfD8(from ?? '');
      const b = isoOfD8(to ?? '');
      if (!a || !b) throw new ImportError(where(seg, 3), 'not a real date range (CCYYMMDD-CCYYMMDD)');
      if (a !== b) this.warnings.push(`${where(seg, 3)}: a service line spans several dates; it is imported on its first date`);
      return a;
    }
    throw new ImportError(where(seg, 2), 'a date format other than D8 or RD8');
  }

  /** Closes the open claim: one claim per date of service (and line rendering provider). */
  private finishClaim(): ImportedClaim[] {
    const claim = this.claim;
    this.claim = undefined;
    this.line = undefined;
    if (!claim) return [];
    if (!claim.lines.length) throw new ImportError(`segment ${claim.ordinal} (CLM)`, 'the claim has no service lines (LX/SV1)');
    for (const [i, line] of claim.lines.entries()) {
      if (!line.sv1) throw new ImportError(`segment ${line.lx} (LX)`, `service line ${i + 1} has no SV1 segment`);
      if (!line.date) throw new ImportError(`segment ${line.lx} (LX)`, `service line ${i + 1} has no service date (DTP*472)`);
    }
    // What claimlint cannot represent is left out and listed; the rest of the claim is kept.
    if (claim.skip) {
      this.skipped.push(`${claim.skip}: the claim is left out`);
      return [];
    }
    const kept = claim.lines.filter((l) => !l.skip);
    for (const l of claim.lines) if (l.skip) this.skipped.push(`${l.skip}: the line is left out${kept.length ? '' : ', and the claim with it (no other line)'}`);
    if (!kept.length) return [];
    // Group lines by date of service and rendering provider, in order of appearance.
    const groups = new Map<string, { date: string; rendering: Provider; lines: LineDraft[] }>();
    for (const line of kept) {
      const rendering = line.rendering ?? claim.rendering ?? { ...this.billing };
      const key = `${line.date}|${rendering.npi ?? ''}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { date: line.date!, rendering, lines: [] }));
      g.lines.push(line);
    }
    const perDate = new Map<string, number>();
    for (const g of groups.values()) perDate.set(g.date, (perDate.get(g.date) ?? 0) + 1);
    const seen = new Map<string, number>();
    const out: ImportedClaim[] = [];
    const pid = patientId(this.memberKey(), this.options.patientId);
    for (const g of groups.values()) {
      let id = claim.id;
      if (groups.size > 1) {
        id += `-${g.date}`;
        const n = (seen.get(g.date) ?? 0) + 1;
        seen.set(g.date, n);
        if (perDate.get(g.date)! > 1 && n > 1) id += `-${n}`;
      }
      const lines: ImportedLine[] = g.lines.map(({ code, modifiers, units, charge, diagnosis_pointers }) => ({
        code,
        ...(modifiers ? { modifiers } : {}),
        units,
        ...(charge !== undefined ? { charge } : {}),
        ...(diagnosis_pointers ? { diagnosis_pointers } : {}),
      }));
      const discipline = disciplineOfTaxonomy(g.rendering.taxonomy) ?? disciplineOfModifiers(lines);
      const provider = { ...(g.rendering.npi ? { npi: g.rendering.npi } : {}), ...(discipline ? { discipline } : {}) };
      out.push({
        id,
        date_of_service: g.date,
        payer: { type: this.subscriber.payerType!, ...(this.subscriber.payerName ? { name: this.subscriber.payerName } : {}) },
        ...(pid ? { patient: { id: pid } } : {}),
        ...(Object.keys(provider).length ? { provider } : {}),
        ...(claim.diagnoses.length ? { diagnoses: [...claim.diagnoses] } : {}),
        lines,
      });
    }
    return out;
  }

  /**
   * The member id (2010BA NM109), and for a dependant (2000C) their name and birth date
   * (2010CA NM103, NM104, DMG02), which only ever feed a hash (patientId in ../patientId).
   */
  private memberKey(): MemberKey | undefined {
    if (!this.subscriber.member) return undefined;
    const d = this.dependant;
    return d ? { member: this.subscriber.member, dependant: ['dependant', d.last, d.first, d.dob].join('|').toUpperCase() } : { member: this.subscriber.member };
  }
}

/** Streams an 837P: feed text chunks, collect claims as their CLM loops close. */
export class Reader837 {
  private readonly tokenizer = new X12Tokenizer();
  private readonly claims: Claims837;

  constructor(options: Import837Options) {
    this.claims = new Claims837(options);
  }

  get warnings(): string[] {
    return this.claims.warnings;
  }

  get skipped(): string[] {
    return this.claims.skipped;
  }

  push(chunk: string): ImportedClaim[] {
    return this.feed(this.tokenizer.push(chunk));
  }

  end(): ImportedClaim[] {
    return [...this.feed(this.tokenizer.end()), ...this.claims.end()];
  }

  private feed(segments: Segment[]): ImportedClaim[] {
    const out: ImportedClaim[] = [];
    for (const s of segments) for (const c of this.claims.push(s)) out.push(c);
    return out;
  }
}

/** A whole 837P text → claims. */
export function import837(text: string, options: Import837Options): ImportResult {
  const claims = new Claims837(options);
  const out: ImportedClaim[] = [];
  for (const seg of tokenize(text)) for (const c of claims.push(seg)) out.push(c);
  for (const c of claims.end()) out.push(c);
  return { format: '837p', claims: out, header: HEADER_837, warnings: claims.warnings, skipped: claims.skipped };
}
