/**
 * Figures the assistant rules' documentation states, read from the data (the assistant
 * payment differential) so that no rate is written twice.
 */
import { tables } from '../data';

const percent = (x: number): string => `${Math.round(x * 100)}%`;
const latest = tables.assistantDifferentials.reduce((a, b) => (b.from > a.from ? b : a));
const firstReduced = tables.assistantDifferentials.filter((d) => d.rate < 1).reduce((a, b) => (b.from < a.from ? b : a), latest);

/** "85%": what Medicare pays for a CQ/CO line. */
export const ASSISTANT_RATE = percent(latest.rate);
/** "10%": the de minimis share above which a service is furnished "in part" by the assistant. */
export const DE_MINIMIS = percent(latest.deMinimis);
/** "2022": the year the reduced rate began. */
export const RATE_FROM = firstReduced.from.slice(0, 4);

/** The CY 2022 method for a timed code's remaining (partial) unit (billing-rules §13.1). */
export const FINAL_UNIT_METHOD =
  'a remaining partial unit has no CQ/CO when the therapist furnished 8 or more of its minutes, has CQ/CO when the assistant did ' +
  `and the therapist fewer, and, when both furnished fewer than 8, has CQ/CO if the assistant's minutes are more than ${DE_MINIMIS} of that unit's minutes`;
