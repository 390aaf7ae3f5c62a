/**
 * How many of a code's billed units must carry CQ/CO (billing-rules §4.2, CY 2022 PFS
 * final rule as restated by CMS's billing examples, TherapyComply, PT Management, WebPT).
 * Pure numbers in, a range out: ties leave a free choice, like the unit allocation.
 *
 * Timed (15-minute) codes, per unit:
 *  1. each full 15 minutes the assistant furnished on their own is an assistant unit, each
 *     full 15 minutes of the therapist a therapist unit;
 *  2. the units left go one at a time to whoever furnished more of the remaining minutes;
 *     the assistant's remainder counts only above the de minimis share of a unit (10% of
 *     15 minutes), so a minute or so of assistant time never earns CQ/CO;
 *  3. two units left with 9–14 minutes each: one unit each (the CY 2022 exception; the
 *     one-at-a-time step gives the same answer, it is named here for the explanation).
 * Untimed codes: the whole service carries CQ/CO when the assistant furnished more than
 * the de minimis share of its minutes.
 */

export interface AssistantUnits {
  /** Fewest and most billed units that may carry CQ/CO (equal unless a tie is free). */
  min: number;
  max: number;
  /** Plain-words reason with numbers only, for messages. */
  why: string;
}

const UNIT = 15;

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

export function assistantUnitsTimed(input: TimedInput): AssistantUnits {
  const { units, deMinimis } = input;
  const p = Math.max(0, input.therapistMinutes);
  const a = Math.max(0, input.assistantMinutes);
  if (units <= 0) return { min: 0, max: 0, why: 'no units are billed' };
  const fullP = Math.floor(p / UNIT);
  const fullA = Math.floor(a / UNIT);
  const head = `${a} of ${p + a} minutes by the assistant`;
  const full = `${fullA} full assistant unit${fullA === 1 ? '' : 's'}, ${fullP} full therapist unit${fullP === 1 ? '' : 's'}`;
  if (units <= fullP + fullA) {
    // Fewer units than full units: which ones were dropped is a free choice.
    const short = units < fullP + fullA ? `; ${units} billed, so any of them may be the ones left off` : '';
    return { min: Math.max(0, units - fullP), max: Math.min(units, fullA), why: `${head}: ${full}${short}` };
  }
  let restP = p % UNIT;
  // Assistant minutes at or under the de minimis share of a unit never earn CQ/CO.
  let restA = a % UNIT > deMinimis * UNIT ? a % UNIT : 0;
  let left = units - fullP - fullA;
  let min = fullA;
  let max = fullA;
  const parts = [full];
  if (left === 2 && between(restP, 9, 14) && between(restA, 9, 14)) {
    parts.push('two units left with 9–14 minutes each: one with CQ/CO, one without');
    return { min: min + 1, max: max + 1, why: `${head}: ${parts.join(', ')}` };
  }
  const lastWhy: string[] = [];
  // At most two steps use minutes (each spends one side's remainder); the rest is counted,
  // never looped: `units` comes from the file.
  while (left > 0 && (restA > 0 || restP > 0)) {
    if (restA > restP) {
      lastWhy.push(`assistant ${restA} > therapist ${restP} remaining minutes`);
      min++;
      max++;
      restA = 0;
      left--;
    } else if (restP > restA) {
      lastWhy.push(`therapist ${restP} > assistant ${restA} remaining minutes`);
      restP = 0;
      left--;
    } else if (left >= 2) {
      lastWhy.push(`equal remaining minutes (${restA}): one unit each`);
      min++;
      max++;
      restA = restP = 0;
      left -= 2;
    } else {
      lastWhy.push(`equal remaining minutes (${restA}): either`);
      max++;
      restA = restP = 0;
      left--;
    }
  }
  // No minutes left for these units (over-billed, which the unit rules report): not the assistant's.
  if (left > 0) lastWhy.push(left === 1 ? 'no minutes left for a unit' : `no minutes left for ${left} units`);
  parts.push(`remaining units: ${lastWhy.join('; ')}`);
  return { min, max, why: `${head}: ${parts.join(', ')}` };
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
  const pct = Math.round(share * 1000) / 10;
  const need = units > 0 && share > deMinimis;
  const why = `${a} of ${totalMinutes} minutes by the assistant, ${pct}% against the ${Math.round(deMinimis * 100)}% de minimis`;
  return need ? { min: units, max: units, why } : { min: 0, max: 0, why };
}

function between(x: number, lo: number, hi: number): boolean {
  return x >= lo && x <= hi;
}
