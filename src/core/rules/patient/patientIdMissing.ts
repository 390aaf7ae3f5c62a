import type { Rule } from '../../types';

export const patientIdMissing: Rule = {
  id: 'patient-id-missing',
  description: 'Claims without patient.id in a file with other claims: they are checked alone, not with the patient\'s other claims',
  category: 'coding',
  defaultSeverity: 'info',
  fixable: false,
  rationale:
    'The checks across claims (KX accrual, the review threshold, one 8-minute pool per date and discipline, duplicate untimed codes, progress ' +
    'reports, certification across visits) group claims by patient.id. A claim without one cannot be grouped, so it is checked alone: its own ' +
    'patient.ytd_allowed and counts are taken as given. This is said once per file, on the first such claim, when the file has other claims; the ' +
    'message never shows an id.',
  source: 'claimlint claim format (docs/claim-format.md, patient.id); billing-rules §4.3 (the threshold is per beneficiary)',
  checkPatient(ctx, report) {
    if (!ctx.fileLevel) return;
    const alone = ctx.claims.filter((c) => c.patient === undefined || c.patient === '');
    if (!alone.length) return;
    const first = alone.reduce((a, b) => (b.index < a.index ? b : a));
    if (ctx.claimCountOf(first.file) < 2) return;
    const others = alone.length - 1;
    report({
      claim: first,
      path: 'patient.id',
      message:
        `This claim has no patient.id${others ? `, nor ${others === 1 ? 'does 1 other claim' : `do ${others} other claims`} of the file` : ''}: ` +
        "such claims are checked alone, not with the patient's other claims (KX accrual, same-date units, progress reports, certification).",
    });
  },
};
