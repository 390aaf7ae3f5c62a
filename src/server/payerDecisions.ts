/**
 * The payer's decisions in the editor (issue 27 item 5): each claim of an open document whose
 * id an 835 of the workspace pays (RemitIndex) is joined to it by the core's matcher — the same
 * join as `claimlint remit` — and every adjusted service line gets an information diagnostic
 * (source `claimlint-remit`, so it can be filtered) on its code: "Payer: CO-97 $27.72 — procedure
 * bundled (predicted by ncci-modifier-missing)"; claim-level adjustments, and 835 lines that
 * match no line of the claim, go on the claim's id. The hover on a line (or on the id) tells the
 * decision in words. Codes, amounts, rule ids and the 835's path only: never a patient value
 * (the 835 reader never reads NM1*QC/NM1*IL; no date or claim id is written).
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AdjustmentResult, Analysis, ClaimShape, LocatedFinding, PlacedClaim, RemitClaimResult, RemitInput, RemitLineResult, RemitReport, Span } from '../core';
import { rangeOf } from '../service/edits';
import type { HoverNotes } from '../service/hover';
import { clp01sOf, remitModule, type RemitIndex } from './remitIndex';

/** The diagnostics' source: VS Code's Problems view filters on it. */
export const REMIT_DIAGNOSTIC_SOURCE = 'claimlint-remit';

/** CLP02, the claim status, in words. */
const CLAIM_STATUS: Record<string, string> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'processed as primary, forwarded to another payer',
  '20': 'processed as secondary, forwarded to another payer',
  '21': 'processed as tertiary, forwarded to another payer',
  '22': 'reversal of a previous payment',
  '23': 'not our claim, forwarded to another payer',
  '25': 'predetermination pricing only, no payment',
};

interface DocumentDecisions {
  version: number;
  diagnostics: Diagnostic[];
  /** Hover lines by `${document}:${claim path}:${line index | 'claim'}`. */
  notes: Map<string, string[]>;
}

const EMPTY: DocumentDecisions = { version: -1, diagnostics: [], notes: new Map() };

function noteKey(document: number, path: string, line: number | 'claim'): string {
  return `${document}:${path}:${line}`;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function field(obj: unknown, key: string): unknown {
  return obj && typeof obj === 'object' && Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** A placed claim as the matcher needs it: the report's facts (src/report collectClaims) without the pricing. */
export function claimShape(placed: PlacedClaim): ClaimShape {
  const raw = placed.parsed.rawFailed ? undefined : placed.raw;
  const shape: ClaimShape = { document: placed.document, path: placed.prefix, id: text(field(raw, 'id')), lines: [] };
  const date = field(raw, 'date_of_service');
  if (typeof date === 'string') shape.date = date;
  if (raw === undefined) return shape;
  const { claim, lineIndex } = placed.validated();
  if (!claim) return shape;
  shape.date = claim.date_of_service;
  shape.lines = claim.lines.map((line, i) => ({ index: lineIndex[i], code: line.code, modifiers: line.modifiers ?? [] }));
  return shape;
}

/**
 * Each claim with the findings on it (by document and the path's first key: "claims[3]",
 * "claim"), in one pass over the findings: the core's claimsForRemit, given a file's claims
 * and findings together, would look at every finding for every claim.
 */
function findingsByClaim<C extends { document: number; path: string }>(claims: readonly C[], findings: readonly LocatedFinding[]): Map<C, LocatedFinding[]> {
  const out = new Map<C, LocatedFinding[]>(claims.map((c) => [c, []]));
  const byKey = new Map(claims.map((c) => [`${c.document}:${c.path}`, c]));
  for (const f of findings) {
    const head = /^[^.]*/.exec(f.path)![0];
    const claim = byKey.get(`${f.document}:${head}`) ?? byKey.get(`${f.document}:`);
    if (claim) out.get(claim)!.push(f);
  }
  return out;
}

/** Claims joined to the workspace's 835s; `file` names each claim in the result (a file's path, or a claim's key). */
export function joinClaims(remits: readonly RemitInput[], claims: readonly { file: string; shape: ClaimShape }[], findings: readonly LocatedFinding[]): RemitReport {
  const m = remitModule();
  const own = findingsByClaim(claims.map((c) => c.shape), findings);
  return m.matchRemittance(
    remits,
    claims.flatMap((c) => m.claimsForRemit(c.file, [c.shape], own.get(c.shape)!)),
  );
}

export class PayerDecisions {
  private readonly byUri = new Map<string, DocumentDecisions>();

  constructor(private readonly index: RemitIndex) {}

  /**
   * Join the document's claims to the 835s; remembers the diagnostics and hover notes for
   * the document's version and returns the diagnostics. `findings`: the file's final findings
   * (which rules predicted a decision).
   */
  update(doc: TextDocument, analysis: Analysis, findings: readonly LocatedFinding[] = analysis.findings): Diagnostic[] {
    const out = this.join(doc, analysis, findings);
    if (out) this.byUri.set(doc.uri, out);
    else this.byUri.delete(doc.uri);
    return out?.diagnostics ?? [];
  }

  /** Resolves once the 835s asked for so far are read (the workspace audit and the Audit Summary wait for them). */
  ready(): Promise<void> {
    return this.index.ready();
  }

  /** The payer's diagnostics of a file, not remembered (the workspace audit's unopened files). */
  diagnosticsOf(doc: TextDocument, analysis: Analysis, findings: readonly LocatedFinding[] = analysis.findings): Diagnostic[] {
    return this.join(doc, analysis, findings)?.diagnostics ?? [];
  }

  /**
   * The join of the 835s to these files' claims (`claimlint remit`'s report), for the Audit
   * Summary; undefined when the workspace holds no 835. `scoped`: only the 835 claims that
   * can pay one of these claims (a folder's summary lists no other payments as unmatched).
   */
  report(files: readonly { path: string; claims: readonly ClaimShape[]; findings: readonly LocatedFinding[] }[], scoped: boolean): RemitReport | undefined {
    if (!this.index.size) return undefined;
    const ids = files.flatMap((f) => f.claims.flatMap((c) => (c.id === undefined ? [] : [c.id])));
    const remits = scoped ? this.index.inputsFor(ids) : this.index.all();
    if (!remits.length) return undefined;
    const m = remitModule();
    const claims = files.flatMap((f) => {
      const own = findingsByClaim(f.claims, f.findings);
      return f.claims.flatMap((c) => m.claimsForRemit(f.path, [c], own.get(c)!));
    });
    return m.matchRemittance(remits, claims);
  }

  private join(doc: TextDocument, analysis: Analysis, findings: readonly LocatedFinding[]): DocumentDecisions | undefined {
    if (!this.index.size) return undefined;
    const placed = analysis.claims.filter((c) => {
      const id = text(field(c.parsed.rawFailed ? undefined : c.raw, 'id'));
      return id !== undefined;
    });
    const ids = placed.map((c) => text(field(c.raw, 'id'))!);
    const remits = this.index.inputsFor(ids);
    if (!remits.length) return undefined;
    const wanted = new Set(remits.flatMap((r) => r.remittance.claims.map((c) => c.clp01)));
    const matched = placed.filter((c, i) => clp01sOf(ids[i]).some((id) => wanted.has(id)));
    const keyed = matched.map((c) => ({ key: noteKey(c.document, c.prefix, 'claim'), placed: c }));
    const report = joinClaims(remits, keyed.map((k) => ({ file: k.key, shape: claimShape(k.placed) })), findings);
    const byKey = new Map(keyed.map((k) => [k.key, k.placed]));
    const out: DocumentDecisions = { version: doc.version, diagnostics: [], notes: new Map() };
    for (const result of report.claims) {
      const claim = result.file === null ? undefined : byKey.get(result.file);
      if (claim) this.place(doc, claim, result, out);
    }
    return out;
  }

  /** The diagnostics last computed for this version of the document ([] for another version). */
  diagnostics(uri: string, version: number | undefined): Diagnostic[] {
    const d = this.byUri.get(uri);
    return d && (version === undefined || d.version === version) ? d.diagnostics : [];
  }

  /** The hover's payer lines for the document (its last join). */
  hoverNotes(uri: string): HoverNotes {
    const d = this.byUri.get(uri) ?? EMPTY;
    return (claim, line) => d.notes.get(noteKey(claim.document, claim.path, line ?? 'claim'));
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** Open documents with payer diagnostics (to clear or redo when the 835s change). */
  uris(): string[] {
    return [...this.byUri.keys()];
  }

  private place(doc: TextDocument, claim: PlacedClaim, result: RemitClaimResult, out: DocumentDecisions): void {
    const m = remitModule();
    const source = `remittance \`${result.remit}\``;
    const idSpan = this.spanOf(claim, 'id') ?? { start: claim.anchor, end: claim.anchor };
    const claimLines: string[] = [];
    const orphan = result.lines.filter((l) => l.line === null);
    if (result.adjustments.length || orphan.length) {
      if (result.adjustments.length) out.diagnostics.push(this.diagnostic(doc, idSpan, `Payer, whole claim: ${m.adjustmentTexts(result).join('; ')}`, result.adjustments));
      for (const l of orphan) {
        out.diagnostics.push(this.diagnostic(doc, idSpan, `Payer: a service line for ${l.code} in the 835 matches no service line of this claim${l.adjustments.length ? `: ${m.adjustmentTexts(l).join('; ')}` : ''}`, l.adjustments));
      }
    }
    claimLines.push(
      `**Payer's decision on this claim** (${source}): ${CLAIM_STATUS[result.status] ?? `status ${result.status}`}; paid ${m.dollars(result.paid)} of ${m.dollars(result.charge)} charged.`,
      ...this.adjustmentNotes(result.adjustments, result.remarks),
      ...this.remarkNotes(result.remarks),
      ...orphan.map((l) => `- A service line for \`${l.code}\` matches no service line of this claim: paid ${m.dollars(l.paid)} of ${m.dollars(l.charge)}.`),
    );
    out.notes.set(noteKey(claim.document, claim.prefix, 'claim'), claimLines);
    for (const line of result.lines) {
      if (line.line === null) continue;
      const index = line.line - 1;
      const span = this.spanOf(claim, `lines[${index}].code`) ?? this.spanOf(claim, `lines[${index}]`) ?? idSpan;
      if (line.adjustments.length) {
        const remarks = line.remarks.length ? `; remark${line.remarks.length === 1 ? '' : 's'} ${line.remarks.join(', ')}` : '';
        out.diagnostics.push(this.diagnostic(doc, span, `Payer: ${m.adjustmentTexts(line).join('; ')}${remarks}`, line.adjustments));
      }
      out.notes.set(noteKey(claim.document, claim.prefix, index), this.lineNotes(line, source));
    }
  }

  private lineNotes(line: RemitLineResult, source: string): string[] {
    const m = remitModule();
    const units = `${line.units} unit${line.units === 1 ? '' : 's'}`;
    const head = line.denied
      ? `**Payer denied this line** (${source}): paid ${m.dollars(line.paid)} of ${m.dollars(line.charge)} charged.`
      : `**Payer's decision** (${source}): paid ${m.dollars(line.paid)} of ${m.dollars(line.charge)} charged, ${units}.`;
    const explained = line.denied ? (line.explainedBy.length ? ['', `claimlint predicted this denial: ${line.explainedBy.map((r) => `\`${r}\``).join(', ')}.`] : []) : [];
    return [head, ...this.adjustmentNotes(line.adjustments, line.remarks), ...this.remarkNotes(line.remarks), ...explained];
  }

  /** One bullet per adjustment: group, reason, amount, the X12 description, and which rule predicted it (or could). */
  private adjustmentNotes(adjustments: readonly AdjustmentResult[], remarks: readonly string[]): string[] {
    const m = remitModule();
    return adjustments.map((a) => {
      const info = m.carcInfo(a.reason);
      const meaning = info ? `${info.short} — ${info.description}` : `reason ${a.reason} is not in claimlint's table`;
      let why: string;
      if (a.explainedBy?.length) why = `Predicted by ${a.explainedBy.map((r) => `\`${r}\``).join(', ')}.`;
      else if (!m.isPredictable(a, remarks)) why = 'No claim file can show this reason: no rule predicts it.';
      else {
        const rules = m.rulesForAdjustment(a, remarks);
        why = rules.length ? `No finding predicted it (rules that could: ${rules.map((r) => `\`${r}\``).join(', ')}).` : 'No finding predicted it.';
      }
      return `- **${m.reasonLabel(a)}** ${m.dollars(a.amount)} (${m.groupName(a.group).toLowerCase()}): ${meaning}. ${why}`;
    });
  }

  private remarkNotes(remarks: readonly string[]): string[] {
    const m = remitModule();
    return remarks.map((r) => {
      const info = m.rarcInfo(r);
      return `- Remark **${r}**: ${info ? info.description : "not in claimlint's table"}`;
    });
  }

  private spanOf(claim: PlacedClaim, path: string): Span | undefined {
    const entry = claim.src.get(path);
    return entry ? { start: claim.base + entry.value.start, end: claim.base + entry.value.end } : undefined;
  }

  private diagnostic(doc: TextDocument, span: Span, message: string, adjustments: readonly AdjustmentResult[]): Diagnostic {
    const d: Diagnostic = { range: rangeOf(doc, span), severity: DiagnosticSeverity.Information, source: REMIT_DIAGNOSTIC_SOURCE, message };
    if (adjustments.length) d.code = `${adjustments[0].group}-${adjustments[0].reason}`;
    return d;
  }
}
