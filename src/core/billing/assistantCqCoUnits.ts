/**
 * How many of a code's billed units must carry CQ/CO: the CY 2022 PFS final rule (86 FR
 * 64996) as CMS's "Billing examples using CQ/CO modifiers" and the payers restating it
 * apply it (billing-rules §13.1, which overrides §4.2). Pure arithmetic: numbers in, a
 * range out, in constant time whatever the units (no loop or array sized by the units).
 *
 * Timed (15-minute) codes:
 *  1. each full 15 minutes the assistant furnished on their own is a CQ/CO unit, each full
 *     15 minutes of the therapist a unit without it;
 *  2. two units left with 9–14 minutes each (24–28 minutes): one with CQ/CO, one without
 *     (the CY 2022 two-unit exception);
 *  3. the remaining (final) unit: the therapist furnished 8 or more of its minutes → no
 *     CQ/CO; the assistant 8 or more and the therapist fewer → CQ/CO; both fewer than 8 →
 *     CQ/CO when the assistant's minutes are more than the de minimis share (10%) of that
 *     unit's minutes. So PT 6 + PTA 4 → CQ, and PT 7 + PTA 7 → CQ.
 *  4. more units left than that (billed beyond the minutes, which the unit rules report):
 *     the assistant's leftover minutes make at most one CQ/CO unit, when they are more than
 *     the de minimis share of a 15-minute unit; units with no minutes behind them are not
 *     the assistant's.
 * Untimed codes: the whole service carries CQ/CO when the assistant furnished more than
 * the de minimis share of its minutes.
 */

export interface AssistantUnits {
  /** Fewest and most billed units that may carry CQ/CO (equal unless a choice is free). */
  min: number;
  max: number;
  /** Plain-words reason with numbers only, for messages. */
  why: string;
}

const UNIT = 15;
/** A party furnishing this many minutes of the final unit takes it (8 of 15). */
const FINAL_UNIT_MINUTES = 8;

export interface TimedInput {
  /** Units billed for the code (all its lines). */
  units: number;
  /** Minutes the therapist furnished (including time together with the assistant). */
  therapistMinutes: number;
  /** Minutes the assistant furnished independently. */
  assistantMinutes: number;
  /** De minimis share, e.g. 0.1. */
  deMinimis: number;
}

function unitsWord(n: number, what: string): string {
  return `${n} full ${what} unit${n === 1 ? '' : 's'}`;
}

export function assistantUnitsTimed(input: TimedInput): AssistantUnits {
  const { deMinimis } = input;
  const units = Number.isFinite(input.units) ? Math.max(0, Math.floor(input.units)) : 0;
  const p = Number.isFinite(input.therapistMinutes) ? Math.max(0, input.therapistMinutes) : 0;
  const a = Number.isFinite(input.assistantMinutes) ? Math.max(0, input.assistantMinutes) : 0;
  if (units <= 0) return { min: 0, max: 0, why: 'no units are billed' };
  const fullP = Math.floor(p / UNIT);
  const fullA = Math.floor(a / UNIT);
  const head = `${a} of ${p + a} minutes by the assistant`;
  const full = `${unitsWord(fullA, 'assistant')}, ${unitsWord(fullP, 'therapist')}`;
  if (units <= fullP + fullA) {
    // Fewer units than full units: which ones were left off is a free choice.
    const short = units < fullP + fullA ? `; ${units} billed, so any of them may be the ones left off` : '';
    return { min: Math.max(0, units - fullP), max: Math.min(units, fullA), why: `${head}: ${full}${short}` };
  }
  const restP = p - fullP * UNIT;
  const restA = a - fullA * UNIT;
  const left = units - fullP - fullA;
  if (left === 2 && between(restP, 9, 14) && between(restA, 9, 14)) {
    const why = `${head}: ${full}, two units left with 9–14 minutes each: one with CQ/CO, one without`;
    return { min: fullA + 1, max: fullA + 1, why };
  }
  let extra: number;
  let last: string;
  if (left === 1) {
    const unitMinutes = restP + restA;
    if (restP >= FINAL_UNIT_MINUTES) {
      extra = 0;
      last = `the final unit is the therapist's (${restP} of its minutes, 8 or more)`;
    } else if (restA >= FINAL_UNIT_MINUTES) {
      extra = 1;
      last = `the final unit is the assistant's (${restA} of its minutes, 8 or more, the therapist ${restP})`;
    } else if (restA > 0 && restA > deMinimis * unitMinutes) {
      extra = 1;
      last = `in the final unit both furnished fewer than 8 minutes (therapist ${restP}, assistant ${restA}) and the assistant's ${pct(restA / unitMinutes)} is more than ${pct(deMinimis)}`;
    } else {
      extra = 0;
      last =
        restA > 0
          ? `in the final unit the assistant's ${restA} of ${unitMinutes} minutes are not more than ${pct(deMinimis)}`
          : unitMinutes > 0
            ? 'the assistant furnished none of the final unit'
            : 'no minutes are left for the final unit';
    }
  } else {
    // Billed beyond the minutes: each side's leftover makes at most one unit (the
    // assistant's only above the de minimis share of a unit); the rest have no minutes.
    extra = restA > deMinimis * UNIT ? 1 : 0;
    const fromMinutes = Math.min(left, extra + (restP > 0 ? 1 : 0));
    const bare = left - fromMinutes;
    const parts = [
      ...(restP > 0 ? [`one unit from the therapist's ${restP} remaining minutes`] : []),
      ...(extra ? [`one with CQ/CO from the assistant's ${restA} remaining minutes`] : []),
      ...(bare > 0 ? [bare === 1 ? 'no minutes left for a unit' : `no minutes left for ${bare} units`] : []),
    ];
    last = `${left} units left: ${parts.join('; ')}`;
  }
  return { min: fullA + extra, max: fullA + extra, why: `${head}: ${full}, ${last}` };
}

export interface UntimedInput {
  units: number;
  /** Minutes of the whole service. */
  totalMinutes: number;
  assistantMinutes: number;
  deMinimis: number;
}

export function assistantUnitsUntimed(input: UntimedInput): AssistantUnits {
  const { units, totalMinutes, deMinimis } = input;
  const a = Math.min(Math.max(0, input.assistantMinutes), totalMinutes);
  const share = totalMinutes > 0 ? a / totalMinutes : 0;
  const need = units > 0 && share > deMinimis;
  const why = `${a} of ${totalMinutes} minutes by the assistant, ${pct(share)} against the ${pct(deMinimis)} de minimis`;
  return need ? { min: units, max: units, why } : { min: 0, max: 0, why };
}

function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function between(x: number, lo: number, hi: number): boolean {
  return x >= lo && x <= hi;
}
