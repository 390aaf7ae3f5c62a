/**
 * The X12 envelope around any transaction set: ISA/IEA interchanges, GS/GE functional
 * groups and ST/SE transactions, with their counts (SE01 segments, GE01 transactions,
 * IEA01 groups) checked strictly and their control numbers compared (a mismatch is a
 * warning). Shared by the 837P reader (./import837.ts) and the 835 reader (./read835.ts);
 * the separators of each interchange are the tokenizer's business (./tokenizer.ts).
 */
import { decimal } from '../codes';
import { ImportError } from '../types';
import type { Segment } from './tokenizer';

/** "segment 12 (CAS), element CAS03-2": where a problem is, never what the element holds. */
export function where(seg: Segment, element?: number, component?: number): string {
  let w = `segment ${seg.ordinal} (${seg.tag})`;
  if (element !== undefined) w += `, element ${seg.tag}${String(element).padStart(2, '0')}`;
  if (component !== undefined) w += `-${component}`;
  return w;
}

export type EnvelopeSegment = 'ISA' | 'GS' | 'ST' | 'SE' | 'GE' | 'IEA' | 'body';

export class X12Envelope {
  private isa: Segment | undefined;
  private gs: Segment | undefined;
  private st: Segment | undefined;
  private groups = 0;
  private transactions = 0;
  private stSegments = 0;

  /**
   * @param set the transaction set id ST01 must hold ("837", "835")
   * @param notSet the problem said when ST01 holds another ("not an 837 claim transaction")
   * @param element reads element i of a segment (the reader's bounds and repetition checks)
   */
  constructor(
    private readonly set: string,
    private readonly notSet: string,
    private readonly element: (seg: Segment, i: number) => string,
    private readonly warnings: string[],
  ) {}

  /** The open transaction's ST, if any. */
  get transaction(): Segment | undefined {
    return this.st;
  }

  /**
   * Checks one segment against the envelope and says what it is. An ST is opened here; an SE
   * is only checked to have its ST: the caller finishes its transaction, then calls closeTransaction.
   */
  segment(seg: Segment): EnvelopeSegment {
    if (this.st) this.stSegments++;
    const el = this.element;
    switch (seg.tag) {
      case 'ISA':
        this.isa = seg;
        this.groups = 0;
        return 'ISA';
      case 'GS':
        this.expect(this.isa && !this.gs, seg, 'GS outside an interchange or inside another group');
        this.gs = seg;
        this.transactions = 0;
        this.groups++;
        return 'GS';
      case 'ST':
        this.expect(this.gs && !this.st, seg, 'ST outside a functional group or inside another transaction');
        if (el(seg, 1) !== this.set) throw new ImportError(where(seg, 1), this.notSet);
        this.st = seg;
        this.stSegments = 1;
        this.transactions++;
        return 'ST';
      case 'SE':
        this.expect(this.st, seg, 'SE without ST');
        return 'SE';
      case 'GE':
        this.expect(this.gs && !this.st, seg, 'GE without GS, or inside a transaction');
        if (decimal(el(seg, 1)) !== this.transactions) throw new ImportError(where(seg, 1), `the group has ${this.transactions} transactions but GE01 counts another number`);
        this.controlNumber(seg, this.gs!, 6, 'GE02', 'GS06');
        this.gs = undefined;
        return 'GE';
      case 'IEA':
        this.expect(this.isa && !this.gs, seg, 'IEA inside a functional group');
        if (decimal(el(seg, 1)) !== this.groups) throw new ImportError(where(seg, 1), `the interchange has ${this.groups} functional groups but IEA01 counts another number`);
        this.controlNumber(seg, this.isa!, 13, 'IEA02', 'ISA13');
        this.isa = undefined;
        return 'IEA';
      default:
        this.expect(this.st, seg, 'a segment outside an ST/SE transaction');
        return 'body';
    }
  }

  /** The SE's count (SE01) and control number; the transaction is closed. */
  closeTransaction(seg: Segment): void {
    const count = decimal(this.element(seg, 1));
    if (count !== this.stSegments) throw new ImportError(where(seg, 1), `the transaction has ${this.stSegments} segments but SE01 counts another number: is it cut or joined wrongly?`);
    this.controlNumber(seg, this.st!, 2, 'SE02', 'ST02');
    this.st = undefined;
  }

  /** The functional group's GS, for a version (GS08) the ST does not give. */
  get group(): Segment | undefined {
    return this.gs;
  }

  /**
   * A trailer's control number that differs from its header's: a warning, not an error. The
   * counts (SE01, GE01, IEA01), checked strictly, tell whether anything was cut or joined;
   * a mismatched number alone loses nothing (payers' own test files have it).
   */
  private controlNumber(trailer: Segment, header: Segment, i: number, trailerName: string, headerName: string): void {
    if (this.element(trailer, 2) === this.element(header, i)) return;
    this.warnings.push(`${where(trailer, 2)}: ${trailerName} does not match the control number in ${headerName} (segment ${header.ordinal}); the counts match, so the ${this.set === '837' ? 'claims were imported' : 'remittance was read'}`);
  }

  private expect(ok: unknown, seg: Segment, problem: string): void {
    if (!ok) throw new ImportError(where(seg), problem);
  }
}
