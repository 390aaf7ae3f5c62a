/**
 * A patient's visits per discipline, for the progress-report and certification rules:
 * treatment days (dates with billed service) counted since the last visit marked
 * visit.progress_report, and episodes of care (one plan of care each).
 */
import { daysBetween } from '../documentation/certification';
import type { Discipline } from '../data/types';
import type { PatientClaim } from './types';

export interface TreatmentDay {
  date: string;
  discipline: Discipline;
  claims: PatientClaim[];
  /** A claim of the date is marked visit.progress_report: true. */
  report: boolean;
  /** This date's place in the reporting period (treatment days since the last report, counting this one); undefined when unknown. */
  count?: number;
  /** The claim of the last report day before this one. */
  lastReport?: PatientClaim;
  /** The count was taken from this claim's stated treatment_days_since_progress_report (the first day). */
  baseline?: PatientClaim;
}

export function claimTherapy(c: PatientClaim): Discipline | undefined {
  return c.plan?.discipline ?? c.discipline;
}

/** Treatment days per discipline, in date order, with their counts. */
export function treatmentDays(claims: readonly PatientClaim[]): Map<Discipline, TreatmentDay[]> {
  const out = new Map<Discipline, TreatmentDay[]>();
  for (const c of claims) {
    const d = claimTherapy(c);
    if (!d || !c.lines.some((l) => l.units > 0)) continue;
    let days = out.get(d);
    if (!days) out.set(d, (days = []));
    const last = days[days.length - 1];
    if (last?.date === c.date) {
      last.claims.push(c);
      last.report ||= c.progressReport;
    } else days.push({ date: c.date, discipline: d, claims: [c], report: c.progressReport });
  }
  for (const days of out.values()) {
    let lastReport: PatientClaim | undefined;
    days.forEach((day, k) => {
      if (k === 0) {
        const stated = day.claims.find((c) => c.plan?.treatment_days_since_progress_report !== undefined);
        const start = day.claims.map((c) => c.plan?.start_date).find((s) => s !== undefined);
        if (stated) {
          day.count = stated.plan!.treatment_days_since_progress_report;
          day.baseline = stated;
        } else if (start === undefined || start >= day.date) day.count = 1;
      } else {
        const prev = days[k - 1];
        if (prev.report) {
          day.count = 1;
          lastReport = prev.claims.find((c) => c.progressReport);
        } else if (prev.count !== undefined) day.count = prev.count + 1;
        day.lastReport = lastReport;
      }
    });
  }
  return out;
}

/** One plan of care's claims (one patient and discipline; a later start_date starts a new one). */
export interface Episode {
  discipline: Discipline;
  claims: PatientClaim[];
  /** The first treatment: the earliest date of service or stated start_date. */
  firstTreatment: string;
  /** The claim holding that date. */
  firstClaim: PatientClaim;
  firstPath: 'date_of_service' | 'plan_of_care.start_date';
}

export function episodes(claims: readonly PatientClaim[]): Episode[] {
  const byDisc = new Map<Discipline, Episode[]>();
  for (const c of claims) {
    if (!c.plan) continue;
    const d = c.plan.discipline;
    let list = byDisc.get(d);
    if (!list) byDisc.set(d, (list = []));
    const cur = list[list.length - 1];
    const last = cur?.claims[cur.claims.length - 1];
    const starts = c.plan.start_date;
    if (!cur || (starts !== undefined && last !== undefined && starts > last.date && starts !== episodeStart(cur))) {
      list.push({ discipline: d, claims: [c], firstTreatment: c.date, firstClaim: c, firstPath: 'date_of_service' });
    } else cur.claims.push(c);
  }
  const all = [...byDisc.values()].flat();
  for (const e of all) {
    for (const c of e.claims) {
      if (c.date < e.firstTreatment) Object.assign(e, { firstTreatment: c.date, firstClaim: c, firstPath: 'date_of_service' });
      const s = c.plan?.start_date;
      if (s !== undefined && s < e.firstTreatment) Object.assign(e, { firstTreatment: s, firstClaim: c, firstPath: 'plan_of_care.start_date' });
    }
  }
  return all;
}

function episodeStart(e: Episode): string | undefined {
  return e.claims.map((c) => c.plan?.start_date).find((s) => s !== undefined);
}

export { daysBetween };
