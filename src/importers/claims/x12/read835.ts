/**
 * X12 835 (005010X221A1, health care claim payment/advice) → the remittance model of
 * src/core/remit: per CLP claim its status, charge, payment and claim-level CAS; per SVC
 * service line its code and modifiers, charge, payment, units, DTM*472 date, CAS and LQ*HE
 * remark codes; PLB provider-level adjustments. The envelope (per-ISA separators, SE/GE/IEA
 * counts, control numbers) is the 837 reader's (./tokenizer.ts, ./envelope.ts).
 *
 * Patient data is never read: NM1*QC (patient) and NM1*IL (subscriber: name, member id) are
 * skipped unread, and no error message quotes an element's value, only where it is.
 */
import { ADJUSTMENT_GROUPS, type Adjustment, type AdjustmentGroup, type ProviderAdjustment, type Remittance, type RemitClaim, type RemitLine } from '../../../core';
import { decimal, isoOfD8 } from '../codes';
import { IMPORT_BOUNDS, tooLong } from '../bounds';
import { ImportError } from '../types';
import { where, X12Envelope } from './envelope';
import { tokenize, type Segment } from './tokenizer';

export interface Read835Result {
  remittance: Remittance;
  /** Things the user should know that did not stop the reading; located, never values. */
  warnings: string[];
}

/** Element i of a segment ('' when absent); bounded, and never a repetition here. */
function el(seg: Segment, i: number): string {
  const v = seg.elements[i] ?? '';
  if (v.length > IMPORT_BOUNDS.x12Element) throw new ImportError(where(seg, i), tooLong(IMPORT_BOUNDS.x12Element));
  if (seg.seps.repetition && v.includes(seg.seps.repetition)) throw new ImportError(where(seg, i), 'this element does not repeat in an 835, but holds the ISA11 repetition separator');
  return v;
}

/** A required amount (may be negative: reversals). */
function amount(seg: Segment, i: number, what: string): number {
  const v = decimal(el(seg, i));
  if (v === undefined || !Number.isFinite(v)) throw new ImportError(where(seg, i), `${what} is not an amount`);
  return v;
}

function optionalNumber(seg: Segment, i: number, what: string): number | undefined {
  if (!el(seg, i)) return undefined;
  const v = decimal(el(seg, i));
  if (v === undefined || !Number.isFinite(v)) throw new ImportError(where(seg, i), `${what} is not a number`);
  return v;
}

function date(seg: Segment, i: number): string {
  const iso = isoOfD8(el(seg, i));
  if (!iso) throw new ImportError(where(seg, i), 'not a real date (CCYYMMDD)');
  return iso;
}

/** Builds the remittance from 835 segments, envelope by envelope. */
export class Remittance835 {
  readonly warnings: string[] = [];
  private readonly envelope = new X12Envelope('835', 'not an 835 remittance transaction', el, this.warnings);
  private readonly claims: RemitClaim[] = [];
  private readonly plb: ProviderAdjustment[] = [];
  private claim: RemitClaim | undefined;
  private line: RemitLine | undefined;

  push(seg: Segment): void {
    switch (this.envelope.segment(seg)) {
      case 'ST': {
        const version = el(seg, 3) || el(this.envelope.group!, 8);
        if (version && !version.includes('X221')) throw new ImportError(where(seg, 3), 'not an 835 health care claim payment/advice (005010X221A1) transaction');
        this.claim = this.line = undefined;
        return;
      }
      case 'SE':
        this.claim = this.line = undefined;
        this.envelope.closeTransaction(seg);
        return;
      case 'body':
        this.body(seg);
        return;
      default:
        return;
    }
  }

  result(): Remittance {
    return { claims: this.claims, providerAdjustments: this.plb };
  }

  private body(seg: Segment): void {
    switch (seg.tag) {
      case 'CLP':
        this.clp(seg);
        return;
      case 'SVC':
        if (!this.claim) throw new ImportError(where(seg), 'SVC outside a claim payment (CLP)');
        this.svc(seg, this.claim);
        return;
      case 'CAS': {
        if (!this.claim) throw new ImportError(where(seg), 'CAS outside a claim payment (CLP)');
        (this.line ?? this.claim).adjustments.push(...this.cas(seg));
        return;
      }
      case 'DTM':
        this.dtm(seg);
        return;
      case 'LQ':
        if (el(seg, 1) !== 'HE') return;
        if (!this.line) throw new ImportError(where(seg), 'LQ*HE outside a service line (SVC)');
        if (!/^[A-Z0-9]{1,6}$/i.test(el(seg, 2))) throw new ImportError(where(seg, 2), 'not a remittance advice remark code (LQ02)');
        this.line.remarks.push(el(seg, 2).toUpperCase());
        return;
      case 'MOA':
      case 'MIA':
        if (!this.claim || this.line) return;
        // MOA03–MOA07 (professional), MIA05, MIA20–MIA24 (institutional): claim-level remark codes.
        for (const i of seg.tag === 'MOA' ? [3, 4, 5, 6, 7] : [5, 20, 21, 22, 23, 24]) {
          const code = el(seg, i);
          if (!code) continue;
          if (!/^[A-Z0-9]{1,6}$/i.test(code)) throw new ImportError(where(seg, i), 'not a remittance advice remark code');
          this.claim.remarks.push(code.toUpperCase());
        }
        return;
      case 'PLB':
        this.claim = this.line = undefined;
        this.providerAdjustment(seg);
        return;
      case 'LX':
      case 'TS3':
      case 'TS2':
        // A new header number group (2000): the claim loop before it is over.
        this.claim = this.line = undefined;
        return;
      default:
        // NM1 (incl. QC patient and IL subscriber: never read), REF, AMT, QTY, PER, N1–N4, BPR, TRN…
        return;
    }
  }

  private clp(seg: Segment): void {
    const clp01 = el(seg, 1);
    if (!clp01) throw new ImportError(where(seg, 1), 'the claim payment has no patient control number (CLP01)');
    const status = el(seg, 2);
    if (!/^\d{1,2}$/.test(status)) throw new ImportError(where(seg, 2), 'the claim status code (CLP02) is missing or not a code');
    this.claim = { clp01, status, charge: amount(seg, 3, 'the total claim charge (CLP03)'), paid: amount(seg, 4, 'the claim payment (CLP04)'), adjustments: [], remarks: [], lines: [], segment: seg.ordinal };
    this.line = undefined;
    this.claims.push(this.claim);
  }

  private svc(seg: Segment, claim: RemitClaim): void {
    const composite = (i: number) => el(seg, i).split(seg.seps.component);
    const [qualifier, code, ...mods] = composite(1);
    if (!qualifier || !code) throw new ImportError(where(seg, 1), 'the procedure composite (SVC01) needs a qualifier and a code');
    let billed = { code, mods };
    let paidCode: string | undefined;
    if (el(seg, 6)) {
      const [q6, code6, ...mods6] = composite(6);
      if (!q6 || !code6) throw new ImportError(where(seg, 6), 'the submitted procedure composite (SVC06) needs a qualifier and a code');
      billed = { code: code6, mods: mods6 };
      paidCode = code.toUpperCase();
    }
    const modifiers = billed.mods.slice(0, 4).filter((m) => m !== '');
    if (modifiers.some((m) => !/^[A-Za-z0-9]{2}$/.test(m))) throw new ImportError(where(seg, paidCode ? 6 : 1), 'a modifier that is not two letters or digits');
    const units = optionalNumber(seg, 5, 'the units paid (SVC05)');
    const billedUnits = optionalNumber(seg, 7, 'the units billed (SVC07)');
    this.line = {
      code: billed.code.toUpperCase(),
      modifiers: modifiers.map((m) => m.toUpperCase()),
      ...(paidCode && paidCode !== billed.code.toUpperCase() ? { paidCode } : {}),
      charge: amount(seg, 2, 'the line charge (SVC02)'),
      paid: amount(seg, 3, 'the line payment (SVC03)'),
      units: units ?? 1,
      ...(billedUnits !== undefined ? { billedUnits } : {}),
      adjustments: [],
      remarks: [],
      segment: seg.ordinal,
    };
    claim.lines.push(this.line);
  }

  /** CAS01 group, then up to six (reason, amount, quantity) triplets. */
  private cas(seg: Segment): Adjustment[] {
    const group = el(seg, 1);
    if (!ADJUSTMENT_GROUPS.includes(group as AdjustmentGroup)) throw new ImportError(where(seg, 1), 'the adjustment group code (CAS01) is not CO, CR, OA, PI or PR');
    const out: Adjustment[] = [];
    for (let i = 2; i <= 17; i += 3) {
      const reason = el(seg, i);
      if (!reason) {
        if (el(seg, i + 1)) throw new ImportError(where(seg, i), 'an adjustment amount without its reason code');
        continue;
      }
      if (!/^[A-Z0-9]{1,5}$/i.test(reason)) throw new ImportError(where(seg, i), 'not an adjustment reason code');
      const adj: Adjustment = { group: group as AdjustmentGroup, reason: reason.toUpperCase(), amount: amount(seg, i + 1, 'the adjustment amount') };
      const quantity = optionalNumber(seg, i + 2, 'the adjustment quantity');
      if (quantity !== undefined) adj.quantity = quantity;
      out.push(adj);
    }
    if (!out.length) throw new ImportError(where(seg, 2), 'an adjustment segment without a reason code');
    return out;
  }

  private dtm(seg: Segment): void {
    const qualifier = el(seg, 1);
    if (this.line && (qualifier === '472' || qualifier === '150')) this.line.date = date(seg, 2);
    else if (this.claim && !this.line && qualifier === '232') this.claim.date = date(seg, 2);
  }

  /** PLB03/05/07/09/11/13: adjustment reason (composite: reason, reference) and amount after each. */
  private providerAdjustment(seg: Segment): void {
    for (let i = 3; i <= 13; i += 2) {
      if (!el(seg, i)) {
        if (i === 3) throw new ImportError(where(seg, 3), 'a provider adjustment without its reason (PLB03)');
        continue;
      }
      const reason = el(seg, i).split(seg.seps.component)[0];
      if (!/^[A-Z0-9]{2}$/i.test(reason)) throw new ImportError(where(seg, i, 1), 'not a provider adjustment reason code');
      this.plb.push({ reason: reason.toUpperCase(), amount: amount(seg, i + 1, 'the provider adjustment amount'), segment: seg.ordinal });
    }
  }
}

/** A whole 835 text → its remittance. Throws ImportError (located, never a value). */
export function read835(text: string): Read835Result {
  const reader = new Remittance835();
  for (const seg of tokenize(text)) reader.push(seg);
  return { remittance: reader.result(), warnings: reader.warnings };
}

/** Whether a file's first bytes are an X12 interchange holding an 835 (ISA … ST*835, by the ISA's own separators). */
export function looksLike835(head: string): boolean {
  const text = head.replace(/^[\uFEFF\s]+/, '');
  if (!text.startsWith('ISA') || text.length < 106) return false;
  const element = text[3];
  const segment = text[105];
  const st = `${segment}ST${element}835${element}`;
  const alt = `ST${element}835${element}`;
  const at = text.indexOf(st);
  if (at >= 0) return true;
  // A terminator followed by a line break.
  return new RegExp(`${escape(segment)}\\s*${escape(alt)}`).test(text);
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
