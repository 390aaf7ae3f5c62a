/** Code conversions shared by the importers. */
import type { PayerType } from '../../core';
import type { PlanDiscipline, ProviderDiscipline } from './types';

/** ICD-10-CM as the claim format writes it: with its dot after the category (M25661 → M25.661). */
export function icd10WithDot(code: string): string {
  const c = code.trim().toUpperCase();
  if (c.includes('.') || c.length <= 3) return c;
  return c.slice(0, 3) + '.' + c.slice(3);
}

/**
 * Discipline from a NUCC provider taxonomy code: 2251… physical therapist, 225X…
 * occupational therapist, 235Z… speech-language pathologist, 207…/208… physicians;
 * undefined for anything else (the caller falls back to the lines' modifiers).
 */
export function disciplineOfTaxonomy(taxonomy: string | undefined): ProviderDiscipline | undefined {
  const t = (taxonomy ?? '').trim().toUpperCase();
  if (t.startsWith('2251')) return 'PT';
  if (t.startsWith('225X')) return 'OT';
  if (t.startsWith('235Z')) return 'SLP';
  if (t.startsWith('207') || t.startsWith('208')) return 'physician';
  return undefined;
}

const MODIFIER_DISCIPLINE: Record<string, PlanDiscipline> = { GP: 'PT', GO: 'OT', GN: 'SLP' };

/** The discipline all lines' GP/GO/GN agree on; undefined when none or mixed. */
export function disciplineOfModifiers(lines: { modifiers?: string[] }[]): PlanDiscipline | undefined {
  const found = new Set<PlanDiscipline>();
  for (const l of lines) for (const m of l.modifiers ?? []) if (MODIFIER_DISCIPLINE[m]) found.add(MODIFIER_DISCIPLINE[m]);
  return found.size === 1 ? [...found][0] : undefined;
}

/** payer.type from an 837 SBR09 claim filing indicator code. */
export function payerTypeOfFilingCode(code: string): PayerType {
  switch (code.trim().toUpperCase()) {
    case 'MB':
      return 'medicare';
    case 'MC':
      return 'medicaid';
    case '16':
      return 'medicare-advantage';
    default:
      return 'commercial';
  }
}

/** "20260302" → "2026-03-02", or undefined when not a real CCYYMMDD date. */
export function isoOfD8(d8: string): string | undefined {
  if (!/^\d{8}$/.test(d8)) return undefined;
  const iso = `${d8.slice(0, 4)}-${d8.slice(4, 6)}-${d8.slice(6, 8)}`;
  return isRealDate(iso) ? iso : undefined;
}

export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}

/** A decimal number as X12/CSV write it ("80", "80.00", "-0"); undefined when not one. */
export function decimal(text: string): number | undefined {
  const t = text.trim();
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}
