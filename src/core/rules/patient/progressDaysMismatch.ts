import { claimName } from '../../patients/names';
import { appliesToPayer } from '../applies';
import { progressReportDue } from '../documentation/progressReportDue';
import { treatmentDays } from '../../patients/visits';
import type { Rule } from '../../types';

export const progressDaysMismatch: Rule = {
  id: 'progress-days-mismatch',
  description: "A stated plan_of_care.treatment_days_since_progress_report contradicts the patient's visits",
  category: 'plan-of-care',
  defaultSeverity: 'warning',
  fixable: false,
  rationale:
    'plan_of_care.treatment_days_since_progress_report is this visit\'s place in the reporting period: the treatment days since the last progress ' +
    'report, counting this date of service. With the patient\'s other claims at hand the number is known — the treatment days (dates with a billed ' +
    'service, per discipline) since the last visit marked visit.progress_report: true, the visit after a report being day 1 (see ' +
    'progress-report-missing for where the count starts) — and a stated number that differs means a visit is missing from the set, a report was ' +
    'not marked, or the number was typed wrong; progress-report-due then judges the wrong number. The finding names the last report\'s claim. ' +
    'Applies to the payers of progress-report-due\'s option payerTypes.',
  source: 'BPM Pub 100-02 ch. 15 §220.3 D [S62]; policy-rag [S4 q19]; billing-rules §7',
  checkPatient(ctx, report) {
    if (ctx.fileLevel) return;
    for (const days of treatmentDays(ctx.claims).values()) {
      for (const day of days) {
        if (day.count === undefined) continue;
        for (const c of day.claims) {
          const stated = c.plan?.treatment_days_since_progress_report;
          if (stated === undefined || stated === day.count || day.baseline === c) continue;
          if (!appliesToPayer(progressReportDue, ctx.configOf(c), c.payerType)) continue;
          const since = day.lastReport ? `the last progress report (${claimName(day.lastReport)})` : day.baseline ? `the count stated on ${claimName(day.baseline)}` : 'the start of the episode';
          report({
            claim: c,
            path: 'plan_of_care.treatment_days_since_progress_report',
            message: `plan_of_care.treatment_days_since_progress_report is ${stated}, but the patient's ${day.discipline} visits make this treatment day ${day.count} since ${since}.`,
            related: day.lastReport ? [{ claim: day.lastReport, path: 'visit.progress_report', message: 'last progress report' }] : day.baseline ? [{ claim: day.baseline, path: 'plan_of_care.treatment_days_since_progress_report', message: 'count stated here' }] : [],
          });
        }
      }
    }
  },
};
