/**
 * The CARC/RARC table (../data/remit/reasons.json): X12 descriptions, and which claimlint
 * rules predict each reason. Data, not code: docs/remit.md is generated from it.
 */
import table from '../data/remit/reasons.json';
import type { Adjustment, AdjustmentGroup } from './types';

export interface ReasonInfo {
  code: string;
  /** A few words for billing people: "procedure bundled". */
  short: string;
  /** The X12 code list's description. */
  description: string;
  /** Rule ids whose finding on a line predicts this reason. */
  rules?: string[];
  /** False: no claim file can show it (an unexplained one is never counted as missed). */
  predictable?: boolean;
  /** A generic reason whose remark codes name the cause: their rules count too. */
  remarks?: boolean;
  why: string;
  source: string;
}

export interface ReasonTable {
  about: string;
  sources: Record<'carc' | 'rarc' | 'groups', { title: string; url: string }>;
  groups: Record<AdjustmentGroup, string>;
  carc: ReasonInfo[];
  rarc: ReasonInfo[];
}

export const REASON_TABLE: ReasonTable = table as ReasonTable;

// Built on first use: a bundle that never reads a remittance (the language server today) drops the table.
let carcByCode: Map<string, ReasonInfo> | undefined;
let rarcByCode: Map<string, ReasonInfo> | undefined;
const CARC = { get: (code: string) => (carcByCode ??= new Map(REASON_TABLE.carc.map((c) => [c.code, c]))).get(code) };
const RARC = { get: (code: string) => (rarcByCode ??= new Map(REASON_TABLE.rarc.map((r) => [r.code, r]))).get(code) };
/** Patient cost sharing: never a billing error (issue 27: PR-1/2/3). */
const COST_SHARING = new Set(['1', '2', '3']);

export function carcInfo(code: string): ReasonInfo | undefined {
  return CARC.get(code);
}

export function rarcInfo(code: string): ReasonInfo | undefined {
  return RARC.get(code);
}

/** "CO-97". */
export function reasonLabel(adj: Pick<Adjustment, 'group' | 'reason'>): string {
  return `${adj.group}-${adj.reason}`;
}

/** The adjustment group's name: "Contractual obligations". */
export function groupName(group: AdjustmentGroup): string {
  return REASON_TABLE.groups[group];
}

/** Rule ids whose finding predicts this adjustment, given the line's (or claim's) remark codes. */
export function rulesForAdjustment(adj: Pick<Adjustment, 'reason'>, remarks: readonly string[] = []): string[] {
  const info = CARC.get(adj.reason);
  const out = new Set(info?.rules ?? []);
  if (info?.remarks || !info) for (const r of remarks) for (const rule of RARC.get(r)?.rules ?? []) out.add(rule);
  return [...out];
}

/**
 * Whether a claim file could show this reason: false for patient cost sharing (PR-1/2/3)
 * and the reasons the table marks (timely filing, coverage dates, duplicates, write-downs,
 * sequestration, …). A CARC not in the table counts as predictable: a denial for it is listed
 * as not predicted (the to-do list for new rules). `remarks` is kept for a table that may
 * one day make a generic reason's predictability depend on them.
 */
export function isPredictable(adj: Pick<Adjustment, 'group' | 'reason'>, _remarks: readonly string[] = []): boolean {
  if (COST_SHARING.has(adj.reason)) return false;
  return CARC.get(adj.reason)?.predictable !== false;
}

/** A line is denied when nothing was paid and the payer (not the patient) took it: CO or PI. */
export function isDenied(line: { paid: number; adjustments: readonly Pick<Adjustment, 'group'>[] }): boolean {
  return line.paid === 0 && line.adjustments.some((a) => a.group === 'CO' || a.group === 'PI');
}
