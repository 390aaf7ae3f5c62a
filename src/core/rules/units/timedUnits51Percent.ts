import { defineRule } from '../applies';
import { optionsSchema, shareOption } from '../../config/optionSchemas';
import type { ClaimContext, IndexedLine } from '../../types';
import { plural } from '../../text';
import { lineLead } from '../../text';

/** The add-on code that continues a once-per-date code (97545 → 97546). */
function addOnOf(ctx: ClaimContext, code: string): string | undefined {
  return ctx.data.allCodes(ctx.date).find((c) => c.addOnTo?.includes(code))?.code;
}

const DEFAULTS = {
  /** Share of the descriptor's time needed for a unit (ASHA: at least 51%). */
  share: 0.51,
};

/** Units a code timed in hours or half-hours supports: full periods, plus one at ≥ share. */
export function unitsForLongCode(minutes: number, unitMinutes: number, share: number): number {
  if (!(minutes > 0)) return 0;
  const full = Math.floor(minutes / unitMinutes);
  return full + (minutes - full * unitMinutes >= Math.ceil(share * unitMinutes) ? 1 : 0);
}

export const timedUnits51Percent = defineRule({
  id: 'timed-units-51-percent',
  description: 'A code timed per hour or half hour billed with units its minutes do not support (51% rule)',
  category: 'units',
  defaultSeverity: 'error',
  fixable: true,
  defaults: DEFAULTS,
  options: optionsSchema({ share: shareOption.describe("Share of the descriptor's time needed for a unit (default 0.51).") }),
  rationale:
    'Some codes are timed in periods other than 15 minutes (92607/92608 speech-generating device evaluation, 92626/92627, 96105, 96125, work hardening 97545/97546). They follow neither the 8-minute table nor its pooling: a unit needs at least 51% of the time in the code\'s descriptor (31 minutes of an hour, 16 of a half hour). Codes for a first period (97545 initial 2 hours, 97550 first 30 minutes) are reported once per date, further time on their add-on; remote treatment management (98980/98981) needs the whole 20 minutes. Option: share (default 0.51).',
  source: 'ASHA, Medicare CPT coding rules for SLP services [S17]; CPT time rule (midpoint) [S14][S15]',
  check(ctx, report) {
    const { share } = ctx.options;
    const byCode = new Map<string, IndexedLine[]>();
    for (const l of ctx.lines) {
      if (l.info?.kind !== 'timed-other' || !l.info.unitMinutes) continue;
      byCode.set(l.line.code, [...(byCode.get(l.line.code) ?? []), l]);
    }
    for (const [code, lines] of byCode) {
      if (lines.some((l) => l.line.minutes === undefined)) continue; // timed-minutes-missing says so
      const info = lines[0].info!;
      const unitMinutes = info.unitMinutes!;
      const need = info.minShare ?? share;
      const minutes = lines.reduce((s, l) => s + (l.line.minutes ?? 0), 0);
      const billed = lines.reduce((s, l) => s + l.line.units, 0);
      const own = unitsForLongCode(minutes, unitMinutes, need);
      // "First period" codes (97545 initial 2 hours, 97550 first 30 minutes) are reported once.
      const want = info.oncePerDay ? Math.min(1, own) : own;
      if (billed === want) continue;
      const path = `lines[${lines[0].index}].units`;
      const addOn = info.oncePerDay ? addOnOf(ctx, info.code) : undefined;
      const once = info.oncePerDay && own > 1 ? ` ${code} is reported once per date${addOn ? `; further time goes to ${addOn}` : ''}.` : '';
      const period = need >= 1 ? `the whole ${unitMinutes} minutes` : `at least ${Math.round(need * 100)}% of a period`;
      report({
        path,
        message: `${lineLead(lines[0].index, code)}the code is billed per ${unitMinutes} minutes and needs ${period} for a unit: ${plural(minutes, 'minute')} support ${plural(want, 'unit')}; ${billed} billed.${once}`,
        fixes:
          lines.length === 1
            ? [{ id: `units:${code}=${want}`, title: `Bill ${plural(want, 'unit')} of ${code}`, edits: ctx.fix.setValue(path, String(want)), preferred: true }]
            : [],
      });
    }
  },
});
