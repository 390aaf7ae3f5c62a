import { CERTIFICATION_DEFAULTS, CERTIFICATION_OPTIONS } from '../../documentation/certification';
import { claimName } from '../../patients/names';
import { daysBetween, episodes } from '../../patients/visits';
import { plural } from '../../text';
import { defineRule } from '../applies';

export const certificationExpiredAcrossVisits = defineRule({
  id: 'certification-expired-across-visits',
  description: "A visit after the certified period another claim of the patient's episode states, with no recertification covering it",
  category: 'plan-of-care',
  defaultSeverity: 'error',
  fixable: false,
  defaults: CERTIFICATION_DEFAULTS,
  payerTypes: ['medicare'],
  options: CERTIFICATION_OPTIONS,
  twin: 'certification-expired',
  rationale:
    'A certification covers the plan\'s period up to plan_of_care.cert_through; visits after it need a recertification. A claim that does not ' +
    'repeat the plan\'s dates cannot be judged alone, but the patient\'s other claims of the same episode (same patient.id and plan discipline) ' +
    'state them: the episode is certified through the latest cert_through any of its claims states. A visit after that date, on a claim that states ' +
    'no cert_through of its own, needs a recertification; the finding names the claim stating the period. (A claim stating its own cert_through ' +
    'is certification-expired\'s.) Options as certification-expired.',
  source: 'BPM Pub 100-02 ch. 15 §220.1.3 [S65]; policy-rag [S4 q17, p04]; [S66][S67]; billing-rules §7, §13.11',
  checkPatient(ctx, report) {
    if (ctx.fileLevel) return;
    for (const e of episodes(ctx.claims)) {
      const stating = e.claims.filter((c) => c.plan?.cert_through !== undefined);
      if (!stating.length) continue;
      const latest = stating.reduce((a, b) => (b.plan!.cert_through! > a.plan!.cert_through! ? b : a));
      const through = latest.plan!.cert_through!;
      for (const c of e.claims) {
        if (c.plan?.cert_through !== undefined || c.date <= through) continue;
        if (!ctx.applies(c)) continue;
        report({
          claim: c,
          path: 'date_of_service',
          message:
            `The date of service is ${plural(daysBetween(through, c.date), 'day')} after the certified period of the patient's ${e.discipline} plan ` +
            `(plan_of_care.cert_through on ${claimName(latest)}), and no claim of the episode states a recertification covering it.`,
          related: [{ claim: latest, path: 'plan_of_care.cert_through', message: 'the certified period ends here' }],
        });
      }
    }
  },
});
