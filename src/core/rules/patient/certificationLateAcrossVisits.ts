import { CERTIFICATION_DEFAULTS, CERTIFICATION_OPTIONS } from '../../documentation/certification';
import { claimName } from '../../patients/names';
import { daysBetween, episodes } from '../../patients/visits';
import { plural } from '../../text';
import { defineRule } from '../applies';

export const certificationLateAcrossVisits = defineRule({
  id: 'certification-late-across-visits',
  description: "The plan of care was certified more than 30 days after the patient's first treatment, counted over their claims",
  category: 'plan-of-care',
  defaultSeverity: 'warning',
  fixable: false,
  defaults: CERTIFICATION_DEFAULTS,
  payerTypes: ['medicare'],
  options: CERTIFICATION_OPTIONS,
  twin: 'certification-late',
  rationale:
    'The initial plan of care is certified within 30 days of the first treatment (the evaluation included). One claim knows only its own ' +
    'plan_of_care.start_date; across the claims of one patient.id and plan discipline the first treatment is the earliest date of service or ' +
    'start_date of the episode (a start_date later than the previous visit starts a new episode). The initial certification is the earliest ' +
    'plan_of_care.certified_date of the episode; when it is more than certifyWithinDays (default 30) after the first treatment the finding is on the ' +
    'claim stating it, and when no claim of the episode states one, on the first visit more than 30 days after the first treatment. A signature ' +
    'long after the start whose period reaches past the initial window is read as a recertification, as certification-late reads one claim. ' +
    'When certification-late already reports the same field this rule stays quiet. Options as certification-late.',
  source: 'BPM Pub 100-02 ch. 15 §220.1.3 [S65]; policy-rag [S4 q18]; [S66]; billing-rules §7, §13.11',
  checkPatient(ctx, report) {
    if (ctx.fileLevel) return;
    for (const e of episodes(ctx.claims)) {
      const first = e.claims[0];
      const opts = ctx.options(first);
      if (!ctx.applies(first)) continue;
      const related = [{ claim: e.firstClaim, path: e.firstPath, message: 'first treatment of the episode' }];
      const signed = e.claims.filter((c) => c.plan?.certified_date !== undefined).sort((a, b) => (a.plan!.certified_date! < b.plan!.certified_date! ? -1 : a.plan!.certified_date! > b.plan!.certified_date! ? 1 : 0));
      if (signed.length) {
        const c = signed[0];
        const after = daysBetween(e.firstTreatment, c.plan!.certified_date!);
        const through = c.plan!.cert_through;
        const recert = after > opts.recertificationAfterDays && (through === undefined || daysBetween(e.firstTreatment, through) > opts.maxPeriodDays);
        if (recert || after <= opts.certifyWithinDays) continue;
        report({
          claim: c,
          path: 'plan_of_care.certified_date',
          message:
            `plan_of_care.certified_date is ${plural(after, 'day')} after the patient's first ${e.discipline} treatment of the episode (${claimName(e.firstClaim)}); ` +
            `the initial plan must be certified within ${opts.certifyWithinDays} days of it, or the record must give the reason for the delay.`,
          related: e.firstClaim === c ? [] : related,
        });
        continue;
      }
      const late = e.claims.find((c) => daysBetween(e.firstTreatment, c.date) > opts.certifyWithinDays);
      if (!late) continue;
      report({
        claim: late,
        path: 'plan_of_care.certified_date',
        message:
          `No claim of the patient's ${e.discipline} episode states plan_of_care.certified_date, and this visit is ${plural(daysBetween(e.firstTreatment, late.date), 'day')} ` +
          `after the first treatment (${claimName(e.firstClaim)}); the initial plan must be certified within ${opts.certifyWithinDays} days of it.`,
        related: e.firstClaim === late ? [] : related,
      });
    }
  },
});
