import { claimName } from '../../patients/names';
import { appliesToPayer, optionsOf } from '../applies';
import { progressReportDue } from '../documentation/progressReportDue';
import { treatmentDays } from '../../patients/visits';
import type { Rule } from '../../types';

export const progressReportMissing: Rule = {
  id: 'progress-report-missing',
  description: "A visit at or past the 10th treatment day since the patient's last progress report, counted over their claims, with no report marked",
  category: 'plan-of-care',
  defaultSeverity: 'warning',
  fixable: false,
  twin: 'progress-report-due',
  rationale:
    'A progress report is required at least once every 10 treatment days. Across a patient\'s claims the count need not be typed: treatment days ' +
    '(dates with a billed service, per discipline — plan_of_care.discipline, else provider.discipline) are counted over the claims of the same ' +
    'patient.id since the last visit marked visit.progress_report: true, counting this visit; the visit after a report is day 1. The count starts at ' +
    'the earliest claim: its stated plan_of_care.treatment_days_since_progress_report when given, else day 1 when that visit is the start of the ' +
    'episode (no plan_of_care.start_date, or the visit is on or before it); otherwise it is unknown until the first marked report. At the ' +
    'threshold (progress-report-due\'s option dueAt, default 10) the report is due with this visit; past the period (its option periodDays) it is ' +
    'overdue. Options are read from progress-report-due (dueAt, periodDays, payerTypes), so one setting governs both rules; when that rule already ' +
    'reports the same field this one stays quiet.',
  source: 'BPM Pub 100-02 ch. 15 §220.3 D (timing) [S62]; policy-rag [S4 q19]; billing-rules §7, §7.1, §13.11',
  checkPatient(ctx, report) {
    if (ctx.fileLevel) return;
    for (const days of treatmentDays(ctx.claims).values()) {
      for (const day of days) {
        if (day.report || day.count === undefined) continue;
        for (const c of day.claims) {
          // progress-report-due's options and payers govern both rules.
          const opts = optionsOf(progressReportDue, ctx.configOf(c));
          if (!appliesToPayer(progressReportDue, ctx.configOf(c), c.payerType) || day.count < opts.dueAt) continue;
          const since = day.lastReport ? `the last progress report (${claimName(day.lastReport)})` : day.baseline ? `the last progress report (counting from ${claimName(day.baseline)})` : 'the start of the episode';
          const state =
            day.count > opts.periodDays
              ? `the report is ${day.count - opts.periodDays} treatment day${day.count - opts.periodDays === 1 ? '' : 's'} overdue (one is required at least once every ${opts.periodDays} treatment days)`
              : 'a progress report is due with this visit';
          const stated = c.plan?.treatment_days_since_progress_report !== undefined;
          report({
            claim: c,
            path: stated ? 'plan_of_care.treatment_days_since_progress_report' : 'date_of_service',
            message: `This visit is ${day.discipline} treatment day ${day.count} since ${since}, and no visit since is marked visit.progress_report: true; ${state}.`,
            related: day.lastReport ? [{ claim: day.lastReport, path: 'visit.progress_report', message: 'last progress report' }] : [],
          });
        }
      }
    }
  },
};
