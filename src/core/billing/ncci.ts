/**
 * The NCCI edits that apply to a claim: procedure-to-procedure pairs in force on the date
 * (both codes billed) and the one-per-date groups (a second PT evaluation). Lines with 0
 * units are documented, not billed, so they take part in no edit.
 */
import { DISTINCT_MODIFIERS, type NcciPair, type SameDayExclusiveGroup } from '../data';
import type { ClaimContext, IndexedLine } from '../types';

export interface PairEdit {
  pair: NcciPair;
  /** The first billed line of the column-1 code. */
  column1: IndexedLine;
  /** Every billed line of the column-2 code. */
  column2: IndexedLine[];
}

export interface GroupEdit {
  group: SameDayExclusiveGroup;
  first: IndexedLine;
  /** Billed lines of the group after the first one. */
  extra: IndexedLine[];
}

/** Billed lines of a code the data knows: catalogued, or named by an imported therapy code list. */
function billed(ctx: ClaimContext): IndexedLine[] {
  return ctx.lines.filter((l) => (l.info || l.listed) && l.line.units > 0);
}

/** A billed line's code as the data writes it. */
const codeOf = (l: IndexedLine): string => (l.info ?? l.listed)!.code;

export function pairEdits(ctx: ClaimContext): PairEdit[] {
  const lines = billed(ctx);
  const codes = [...new Set(lines.map(codeOf))];
  const out: PairEdit[] = [];
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      const pair = ctx.data.findNcciPair(codes[i], codes[j], ctx.date);
      if (!pair || pair.modifierIndicator === 9) continue;
      const column1 = lines.find((l) => codeOf(l) === pair.column1)!;
      out.push({ pair, column1, column2: lines.filter((l) => codeOf(l) === pair.column2) });
    }
  }
  return out;
}

export function groupEdits(ctx: ClaimContext): GroupEdit[] {
  const lines = billed(ctx).filter((l) => l.info);
  const out: GroupEdit[] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    for (const group of ctx.data.sameDayGroupsFor(l.info!.code, ctx.date)) {
      if (seen.has(group.id)) continue;
      seen.add(group.id);
      const members = lines.filter((m) => group.codes.includes(m.info!.code));
      if (members.length > 1) out.push({ group, first: members[0], extra: members.slice(1) });
    }
  }
  return out;
}

export function hasDistinctModifier(l: IndexedLine): boolean {
  return (l.line.modifiers ?? []).some((m) => (DISTINCT_MODIFIERS as readonly string[]).includes(m));
}

/**
 * What a finding says of a pair's evidence when CMS's own PTP file is not behind it: no
 * practitioner PTP part file with therapy rows (part 4 for 97xxx, part 1 for 20560/20561) was
 * found in public repositories, so a curated pair resting on secondary sources says so.
 */
export function pairEvidence(pair: NcciPair): string {
  if (pair.fromCmsFile || pair.confidence === 'C') return '';
  return " (source: secondary, not confirmed in CMS's file)";
}
