import { defineRule } from '../applies';
import { dayCountOption, optionsSchema, payerTypesOption } from '../../config/optionSchemas';

interface Options {
  /** Report when treatment_days_since_progress_report is at least this. */
  dueAt: number;
  /** The longest progress-report period, in treatment days. */
  periodDays: number;
}

const DEFAULTS: Options = { dueAt: 10, periodDays: 10 };

const PROGRESS_OPTIONS = optionsSchema({
  dueAt: dayCountOption.describe('Report when treatment_days_since_progress_report is at least this (default 10).'),
  periodDays: dayCountOption.describe('The longest progress-report period, in treatment days (default 10).'),
  payerTypes: payerTypesOption,
});

export const progressReportDue = defineRule({
  id: 'progress-report-due',
  description: '10 or more treatment days since the last progress report',
  category: 'plan-of-care',
  defaultSeverity: 'warning',
  fixable: false,
  defaults: DEFAULTS,
  payerTypes: ['medicare'],
  options: PROGRESS_OPTIONS,
  rationale:
    'A clinician must write a progress report at least once every 10 treatment days; the first period starts on the first day of the episode. ' +
    'plan_of_care.treatment_days_since_progress_report is read as this visit\'s place in the current period: the treatment days since the last report, ' +
    'counting this date of service. At 10, this visit is the last day the report can be written, so it is due with this visit; above 10 it is overdue ' +
    'and the visits past the 10th are not supported by a timely report. Hence the threshold is ">= 10": a count that reaches 10 without a report is ' +
    'already the deadline. If your count excludes the current visit, set dueAt to 9; to flag only overdue reports, 11. The out-of-date "or 30 days" ' +
    'variant is not applied (billing-rules §7.1). Applies to Medicare by default. Options: dueAt, periodDays, payerTypes.',
  source: 'BPM Pub 100-02 ch. 15 §220.3 D (timing) [S62] page 200; policy-rag [S4 q19]; billing-rules §7, §7.1',
  check(ctx, report) {
    const opts = ctx.options;
    const days = ctx.claim.plan_of_care?.treatment_days_since_progress_report;
    if (days === undefined || days < opts.dueAt) return;
    const period = opts.periodDays;
    const state =
      days > period
        ? `the progress report is ${days - period} treatment day${days - period === 1 ? '' : 's'} overdue: one is required at least once every ${period} treatment days`
        : days === period
          ? `this is the last treatment day of the ${period}-day reporting period, so a progress report is due with this visit`
          : `the ${period}-treatment-day limit is ${period - days} treatment day${period - days === 1 ? '' : 's'} away; plan the progress report`;
    report({
      path: 'plan_of_care.treatment_days_since_progress_report',
      message: `plan_of_care.treatment_days_since_progress_report is ${days}; ${state}.`,
    });
  },
});
