import { defineRule } from '../applies';
import { CERTIFICATION_DEFAULTS, CERTIFICATION_OPTIONS, daysBetween, readCertification } from '../../documentation/certification';
import { plural } from '../../text';

export const certificationExpired = defineRule({
  id: 'certification-expired',
  description: 'The date of service falls after the certified period, or more than 90 days into the episode without recertification',
  category: 'plan-of-care',
  defaultSeverity: 'error',
  fixable: false,
  defaults: CERTIFICATION_DEFAULTS,
  payerTypes: ['medicare'],
  options: CERTIFICATION_OPTIONS,
  rationale:
    'A certification covers the length of the plan or 90 calendar days, whichever is less; the plan must be recertified at least every 90 days. A ' +
    'service after plan_of_care.cert_through is outside the certified period. For the initial certification, a service more than 90 days after the ' +
    'first treatment is outside it too, even when cert_through claims a longer period (an initial certification cannot exceed 90 days). A ' +
    'recertification (read as in certification-late) is judged by its cert_through, or without one by 90 days from its signature. Day 90 itself is ' +
    'accepted, since sources differ on whether the first treatment is day 0 or day 1. Applies to Medicare by default. Options: maxPeriodDays, ' +
    'recertificationAfterDays, payerTypes.',
  source: 'BPM Pub 100-02 ch. 15 §220.1.3 [S65]; policy-rag [S4 q17, p04]; [S66][S67]; billing-rules §7',
  check(ctx, report) {
    const opts = ctx.options;
    const cert = readCertification(ctx.claim, opts);
    if (!cert) return;
    const max = opts.maxPeriodDays;
    if (cert.through && ctx.date > cert.through) {
      report({
        path: 'date_of_service',
        message:
          `The date of service is ${plural(daysBetween(cert.through, ctx.date), 'day')} after plan_of_care.cert_through: it is outside the certified ` +
          `period; the plan needs recertification covering it.`,
      });
      return;
    }
    if (cert.recertification) {
      const since = daysBetween(cert.certified!, ctx.date);
      if (cert.through || since <= max) return;
      report({
        path: 'date_of_service',
        message: `The date of service is ${plural(since, 'day')} after the recertification (plan_of_care.certified_date) and no cert_through is given; a certification covers at most ${max} days.`,
      });
      return;
    }
    const intoEpisode = daysBetween(cert.start, ctx.date);
    if (intoEpisode <= max) return;
    const claimed = cert.through ? ` plan_of_care.cert_through reaches ${plural(daysBetween(cert.start, cert.through), 'day')} after start_date, but` : '';
    report({
      path: 'date_of_service',
      message:
        `The date of service is ${plural(intoEpisode, 'day')} after plan_of_care.start_date with no recertification;${claimed} an initial ` +
        `certification covers at most ${max} days from the first treatment.`,
    });
  },
});
