import { defineRule } from '../applies';
import { CERTIFICATION_DEFAULTS, CERTIFICATION_OPTIONS, daysBetween, readCertification } from '../../documentation/certification';
import { plural } from '../../text';

export const certificationLate = defineRule({
  id: 'certification-late',
  description: 'The plan of care was certified more than 30 days after the first treatment, or is still uncertified past that',
  category: 'plan-of-care',
  defaultSeverity: 'warning',
  fixable: false,
  defaults: CERTIFICATION_DEFAULTS,
  payerTypes: ['medicare'],
  options: CERTIFICATION_OPTIONS,
  rationale:
    'The physician or NPP certifies the initial plan "as soon as possible", which Medicare reads as within 30 days of the first treatment, including the ' +
    'evaluation. A later certification is accepted only with a documented reason for the delay, so the finding is a warning. When certified_date is ' +
    'absent, the rule speaks once the date of service is more than 30 days after start_date. A signature long after the start whose period reaches past ' +
    'the initial 90 days is read as a recertification and not judged here (the claim format records one certification; see ' +
    'src/core/documentation/certification.ts). Applies to Medicare by default. Options: certifyWithinDays, maxPeriodDays, recertificationAfterDays, payerTypes.',
  source: 'BPM Pub 100-02 ch. 15 §220.1.3 [S65]; policy-rag [S4 q18]; [S66]; billing-rules §7',
  check(ctx, report) {
    const opts = ctx.options;
    const cert = readCertification(ctx.claim, opts);
    if (!cert || cert.recertification) return;
    const limit = opts.certifyWithinDays;
    if (cert.signedAfter !== undefined) {
      if (cert.signedAfter <= limit) return;
      report({
        path: 'plan_of_care.certified_date',
        message:
          `plan_of_care.certified_date is ${plural(cert.signedAfter, 'day')} after plan_of_care.start_date (the first treatment); the initial plan must be ` +
          `certified within ${limit} days, or the record must give the reason for the delay.`,
      });
      return;
    }
    const waited = daysBetween(cert.start, ctx.date);
    if (waited <= limit) return;
    report({
      path: 'plan_of_care.certified_date',
      at: 'key',
      message:
        `plan_of_care has no certified_date, and the date of service is ${plural(waited, 'day')} after plan_of_care.start_date; the initial plan must be ` +
        `certified within ${limit} days of the first treatment.`,
    });
  },
});
