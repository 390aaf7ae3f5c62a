import { claimName } from '../../patients/names';
import { sameDayClaims } from '../../patients/sameDay';
import type { FactLine, PatientClaim } from '../../patients/types';
import { lineLead } from '../../text';
import type { Rule } from '../../types';

export const untimedDuplicateAcrossClaims: Rule = {
  id: 'untimed-duplicate-across-claims',
  description: 'The same untimed code, or a second evaluation, billed for one patient, date and discipline on two claims',
  category: 'units',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    'Untimed (service-based) codes — evaluations, group therapy, supervised modalities, most SLP treatment codes — are one unit per discipline per ' +
    'date of service, and one evaluation (or re-evaluation) per discipline per date. The limit holds across claims: 97161 on two claims of the same ' +
    'patient and date, or 97150 twice under GP, bills the service twice, which each claim alone cannot show. Lines are grouped by patient.id, date and ' +
    'the line\'s discipline (its GP/GO/GN, else the claim\'s); the same code under two disciplines (97150-GP and 97150-GO) is allowed. Codes ' +
    'reported per body area or per test are left to their MUE. The finding is on each later claim\'s line and names both claims.',
  source: 'CMS Pub 100-04 ch. 5 §20.2; Transmittal 1019 / Transmittal 2121 (CR 7247) via RACmonitor [S69]; billing-rules §2.5, §13.3',
  checkPatient(ctx, report) {
    if (ctx.fileLevel) return;
    for (const day of sameDayClaims(ctx.claims)) {
      const first = new Map<string, { claim: PatientClaim; line: FactLine }>();
      for (const c of day) {
        const here = new Set<string>();
        for (const l of c.lines) {
          if (l.units <= 0 || l.perArea || !(l.kind === 'untimed' || l.evaluation)) continue;
          const key = `${l.evaluation ? 'evaluation' : l.code}|${l.discipline ?? ''}`;
          const prior = first.get(key);
          if (!prior) {
            first.set(key, { claim: c, line: l });
            here.add(key);
            continue;
          }
          if (here.has(key)) continue; // twice on one claim: untimed-units says so
          const what = l.evaluation ? (prior.line.code === l.code ? 'the same evaluation' : `an evaluation (${prior.line.code})`) : 'the same untimed code';
          report({
            claim: c,
            path: `lines[${l.index}].code`,
            message:
              `${lineLead(l.index, l.code)}${what} is already billed for this date${l.discipline ? ` under ${l.discipline}` : ''} on ${claimName(prior.claim)}; ` +
              `${claimName(c)} bills it again, and ${l.evaluation ? 'one evaluation' : 'an untimed code takes 1 unit'} per discipline per date is payable.`,
            related: [{ claim: prior.claim, path: `lines[${prior.line.index}].code`, message: `first billed here (${prior.line.code})` }],
          });
        }
      }
    }
  },
};
