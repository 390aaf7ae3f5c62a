/**
 * Helpers shared by the modifier rules: which therapy modifier a claim's lines need, where
 * a line's modifiers are, and fixes that add, replace or remove one modifier while keeping
 * the list's own quoting and layout.
 */
import type { Discipline, TherapyModifier } from '../data';
import { lineSchema, type Claim } from '../model/claim';
import { serviceLine } from '../text';
import type { ClaimContext, Fix, IndexedLine } from '../types';

export const THERAPY_MOD_FOR: Record<Discipline, TherapyModifier> = { PT: 'GP', OT: 'GO', SLP: 'GN' };
export const DISCIPLINE_OF: Record<TherapyModifier, Discipline> = { GP: 'PT', GO: 'OT', GN: 'SLP' };
export const ASSISTANT_MOD_FOR: Partial<Record<Discipline, 'CQ' | 'CO'>> = { PT: 'CQ', OT: 'CO' };
export const MAX_MODIFIERS = 4;

export interface ClaimDiscipline {
  discipline: Discipline;
  /** The field it was read from, for messages. */
  field: 'plan_of_care.discipline' | 'provider.discipline';
}

/** The plan of care's discipline, or without a plan the provider's when it is PT/OT/SLP. */
export function claimDiscipline(claim: Claim): ClaimDiscipline | undefined {
  if (claim.plan_of_care) return { discipline: claim.plan_of_care.discipline, field: 'plan_of_care.discipline' };
  const d = claim.provider?.discipline;
  if (d === 'PT' || d === 'OT' || d === 'SLP') return { discipline: d, field: 'provider.discipline' };
  return undefined;
}

export function modifiersOf(l: IndexedLine): string[] {
  return l.line.modifiers ?? [];
}

/** The GP/GO/GN modifiers on a line with their positions. */
export function therapyModifiers(l: IndexedLine): { mod: TherapyModifier; at: number }[] {
  const out: { mod: TherapyModifier; at: number }[] = [];
  modifiersOf(l).forEach((m, at) => {
    if (m === 'GP' || m === 'GO' || m === 'GN') out.push({ mod: m, at });
  });
  return out;
}

/** The line's discipline: its single therapy modifier, else the claim's. */
export function lineDiscipline(l: IndexedLine, claim: Claim): Discipline | undefined {
  const t = therapyModifiers(l);
  if (t.length === 1) return DISCIPLINE_OF[t[0].mod];
  return claimDiscipline(claim)?.discipline;
}

const LINE_KEYS = new Set(Object.keys(lineSchema.shape));

/**
 * A line without `modifiers` but with a key the format does not know (say `modifers`):
 * claim-schema reports the typo, and "modifier missing" findings with an "add" fix would
 * only add noise and a second list.
 */
export function modifiersMisspelled(ctx: ClaimContext, l: IndexedLine): boolean {
  if (l.line.modifiers !== undefined) return false;
  const entry = ctx.src.get(`lines[${l.index}]`);
  if (entry?.kind !== 'map') return false;
  return entry.keys!.some((k) => !LINE_KEYS.has(k));
}

export function modsPath(l: IndexedLine): string {
  return `lines[${l.index}].modifiers`;
}

export function modPath(l: IndexedLine, at: number): string {
  return `lines[${l.index}].modifiers[${at}]`;
}

/** Write a modifier the way the claim already writes them (quoted or plain). */
function modifierText(ctx: ClaimContext, l: IndexedLine, mod: string): string {
  const style = listStyle(ctx, modsPath(l)) ?? claimStyle(ctx);
  return style === 'double' ? `"${mod}"` : style === 'single' ? `'${mod}'` : mod;
}

type ModStyle = 'double' | 'single' | 'plain';

/** The style of a modifier list's first written item, if any. */
function listStyle(ctx: ClaimContext, path: string): ModStyle | undefined {
  const seq = ctx.src.get(path);
  if (seq?.kind !== 'seq') return undefined;
  for (let i = 0; i < seq.count!; i++) {
    const item = ctx.src.get(`${path}[${i}]`);
    if (item?.kind !== 'scalar') continue;
    if (item.style === 'QUOTE_DOUBLE') return 'double';
    if (item.style === 'QUOTE_SINGLE') return 'single';
    if (item.style === 'PLAIN' && typeof item.scalar === 'string') return 'plain';
  }
  return undefined;
}

/**
 * The claim's style (its first line that writes a modifier), found once per claim: every
 * fix of a claim asks, so scanning all lines per fix made a claim's audit quadratic.
 */
const claimStyles = new WeakMap<ClaimContext, ModStyle>();
function claimStyle(ctx: ClaimContext): ModStyle {
  let style = claimStyles.get(ctx);
  if (!style) {
    style = 'plain';
    for (const o of ctx.lines) {
      const found = listStyle(ctx, modsPath(o));
      if (found) {
        style = found;
        break;
      }
    }
    claimStyles.set(ctx, style);
  }
  return style;
}

export function addModifierFix(ctx: ClaimContext, l: IndexedLine, mod: string, preferred: boolean, title?: string): Fix | undefined {
  if (modifiersOf(l).length >= MAX_MODIFIERS) return undefined; // a fifth would break the claim
  // A new `modifiers:` goes right below `code:`, where a reader looks for it.
  const edits = ctx.fix.addItem(modsPath(l), modifierText(ctx, l, mod), 'code');
  return edits.length ? { id: `add-${mod}`, title: title ?? `Add ${mod} to ${serviceLine(l.index, l.line.code)}`, edits, preferred } : undefined;
}

export function replaceModifierFix(ctx: ClaimContext, l: IndexedLine, at: number, mod: string, preferred: boolean): Fix | undefined {
  const old = modifiersOf(l)[at];
  const edits = ctx.fix.replaceItem(modsPath(l), at, modifierText(ctx, l, mod));
  return edits.length ? { id: `replace-${old}-${mod}`, title: `Replace ${old} with ${mod} on ${serviceLine(l.index, l.line.code)}`, edits, preferred } : undefined;
}

/** Remove the modifiers at `ats` (one or more) from a line in one fix; comments of kept items stay. */
export function removeModifiersFix(ctx: ClaimContext, l: IndexedLine, ats: number[], preferred: boolean): Fix | undefined {
  const mods = modifiersOf(l);
  const names = ats.map((a) => mods[a]).join(', ');
  const edits = ctx.fix.removeItems(modsPath(l), ats);
  return edits.length ? { id: `remove-${ats.map((a) => mods[a]).join('-')}`, title: `Remove ${names} from ${serviceLine(l.index, l.line.code)}`, edits, preferred } : undefined;
}
