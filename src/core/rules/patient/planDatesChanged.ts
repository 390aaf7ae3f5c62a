import { CERTIFICATION_DEFAULTS, CERTIFICATION_OPTIONS } from '../../documentation/certification';
import { claimName } from '../../patients/names';
import type { PatientClaim } from '../../patients/types';
import { episodes } from '../../patients/visits';
import { defineRule } from '../applies';

type Field = 'start_date' | 'certified_date' | 'cert_through';

export const planDatesChanged = defineRule({
  id: 'plan-dates-changed',
  description: "Plan-of-care dates that change between claims of one patient's episode (other than by a recertification)",
  category: 'plan-of-care',
  defaultSeverity: 'warning',
  fixable: false,
  defaults: CERTIFICATION_DEFAULTS,
  payerTypes: ['medicare'],
  options: CERTIFICATION_OPTIONS,
  rationale:
    'One episode of care has one plan: its start (plan_of_care.start_date), its certification (certified_date) and its certified period ' +
    '(cert_through) are the same on every claim of the episode — the claims of one patient.id and plan discipline, a start_date later than the ' +
    'previous visit starting a new episode. A date that differs from the one an earlier claim of the episode states means one of them is wrong, ' +
    'and the certification rules judge each claim by its own. A recertification is not a change: a later certified_date together with a later ' +
    'cert_through. The finding is on the later claim\'s field and names the earlier claim. Options as the certification rules (payerTypes).',
  source: 'BPM Pub 100-02 ch. 15 §220.1.3 [S65]; [S66][S67]; billing-rules §7',
  checkPatient(ctx, report) {
    if (ctx.fileLevel) return;
    for (const e of episodes(ctx.claims)) {
      const seen: Partial<Record<Field, PatientClaim>> = {};
      for (const c of e.claims) {
        const plan = c.plan!;
        const applies = ctx.applies(c);
        const prevCert = seen.certified_date?.plan!.certified_date;
        const prevThrough = seen.cert_through?.plan!.cert_through;
        const recert =
          plan.certified_date !== undefined && plan.cert_through !== undefined && prevCert !== undefined && prevThrough !== undefined &&
          plan.certified_date > prevCert && plan.cert_through > prevThrough;
        for (const field of ['start_date', 'certified_date', 'cert_through'] as Field[]) {
          const value = plan[field];
          if (value === undefined) continue;
          const before = seen[field];
          const changed = before !== undefined && before.plan![field] !== value && !(recert && field !== 'start_date');
          if (changed && applies) {
            report({
              claim: c,
              path: `plan_of_care.${field}`,
              message: `plan_of_care.${field} differs from the one ${claimName(before)} states for the same ${e.discipline} episode of the patient; one plan has one ${field.replace('_', ' ')}${field === 'start_date' ? '' : ' (a recertification moves certified_date and cert_through later together)'}.`,
              related: [{ claim: before, path: `plan_of_care.${field}`, message: `the ${field.replace('_', ' ')} stated earlier` }],
            });
          }
          if (!changed || recert) seen[field] = c;
        }
      }
    }
  },
});
