/**
 * The assistant (CQ/CO) picture of a claim, per code: a code's units may sit on a
 * therapist line [GP] and an assistant line [GP, CQ]; its minutes and assistant minutes
 * add up over both. The rules compare the units billed with CQ/CO against the range
 * perUnit.ts computes.
 */
import { optionsSchema, payerTypesOption } from '../config/optionSchemas';
import type { ClaimContext, IndexedLine } from '../types';
import type { PayerType } from '../model/claim';
import { lineDisciplineOf } from './discipline';
import { assistantUnitsTimed, assistantUnitsUntimed, type AssistantUnits } from './assistantCqCoUnits';

export const ASSISTANT_MODS = ['CQ', 'CO'];

/**
 * CQ/CO and the 85% differential are Medicare Part B law (SSA §1834(v)); Medicare
 * Advantage plans commonly follow it. Other payers vary, so they are opt-in.
 */
/** Payer types the CQ/CO rules check by default (the payerTypes option replaces them). */
export const ASSISTANT_PAYER_TYPES: readonly PayerType[] = ['medicare', 'medicare-advantage'];
export const ASSISTANT_RULE_OPTIONS = optionsSchema({ payerTypes: payerTypesOption });

export interface AssistantCode {
  code: string;
  /** Lines of the code with at least one billed unit. */
  lines: IndexedLine[];
  /** Lines carrying CQ or CO. */
  assistantLines: IndexedLine[];
  units: number;
  /** Units billed on lines with CQ or CO. */
  assistantUnits: number;
  minutes: number;
  assistantMinutes: number;
  need: AssistantUnits;
  deMinimis: number;
}

export function hasAssistantModifier(l: IndexedLine): boolean {
  return (l.line.modifiers ?? []).some((m) => ASSISTANT_MODS.includes(m));
}

/**
 * Codes whose assistant share can be judged: the date has CQ/CO rules, some line of the
 * code states assistant_minutes (absent everywhere = not documented, not judged), and
 * every line has its minutes (timed codes need them; untimed ones need them for a share).
 */
export function assistantCodes(ctx: ClaimContext): AssistantCode[] {
  const diff = ctx.data.assistantDifferential(ctx.date);
  if (!diff || !ctx.complete) return [];
  // Per code and discipline: 97110 under GP and under GO are two services.
  const byCode = new Map<string, IndexedLine[]>();
  for (const l of ctx.lines) {
    if (!l.info || l.line.units <= 0) continue;
    const key = `${l.info.code}|${lineDisciplineOf(l.line, ctx.claim) ?? ''}`;
    const list = byCode.get(key) ?? [];
    list.push(l);
    byCode.set(key, list);
  }
  const out: AssistantCode[] = [];
  for (const lines of byCode.values()) {
    const code = lines[0].info!.code;
    if (!lines.some((l) => l.line.assistant_minutes !== undefined)) continue;
    if (lines.some((l) => l.line.minutes === undefined)) continue;
    const kind = lines[0].info!.kind;
    if (kind === 'timed-other') continue; // hour-based codes: no per-unit rule was found
    // Assistants do not evaluate: assistant-on-evaluation reports any assistant share there.
    if (lines[0].info!.evaluation) continue;
    const minutes = sum(lines, (l) => l.line.minutes ?? 0);
    // Assistant minutes cannot exceed the line's minutes; a larger value is read as all.
    const assistantMinutes = sum(lines, (l) => Math.min(l.line.assistant_minutes ?? 0, l.line.minutes ?? 0));
    const units = sum(lines, (l) => l.line.units);
    const assistantLines = lines.filter(hasAssistantModifier);
    const need =
      kind === 'timed15'
        ? assistantUnitsTimed({ units, therapistMinutes: minutes - assistantMinutes, assistantMinutes, deMinimis: diff.deMinimis })
        : assistantUnitsUntimed({ units, totalMinutes: minutes, assistantMinutes, deMinimis: diff.deMinimis });
    out.push({
      code,
      lines,
      assistantLines,
      units,
      assistantUnits: sum(assistantLines, (l) => l.line.units),
      minutes,
      assistantMinutes,
      need,
      deMinimis: diff.deMinimis,
    });
  }
  return out;
}

/**
 * Can a line's own assistant time carry CQ/CO at all? A timed line needs some assistant
 * minutes (whether they earn a unit is decided per code, by the final-unit rule: even a
 * few minutes can be more than 10% of a short final unit); an untimed line needs more
 * than the de minimis share of its minutes.
 */
export function lineSupportsAssistant(l: IndexedLine, deMinimis: number): boolean {
  const a = Math.min(l.line.assistant_minutes ?? 0, l.line.minutes ?? Infinity);
  if (l.info?.kind === 'timed15') return a > 0;
  const total = l.line.minutes;
  return total !== undefined && total > 0 ? a / total > deMinimis : a > 0;
}

function sum(lines: IndexedLine[], f: (l: IndexedLine) => number): number {
  return lines.reduce((s, l) => s + f(l), 0);
}
