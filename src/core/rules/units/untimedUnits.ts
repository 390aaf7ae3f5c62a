import type { Rule } from '../../types';
import { lineDisciplineOf } from '../../billing/discipline';
import { lineLead, serviceLine } from '../../text';

export const untimedUnits: Rule = {
  id: 'untimed-units',
  description: 'An untimed (service-based) code billed with units other than 1 per discipline and date',
  category: 'units',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'Service-based codes (evaluations, group therapy, supervised modalities, most SLP treatment codes) are one unit per discipline ' +
    'per date of service however long they take; their minutes do not count toward timed units. The limit is per discipline: a PT ' +
    'group session (97150 with GP) and an OT group session (97150 with GO) on one date are both payable. Codes reported per body ' +
    'area or per test (the catalogue marks them, e.g. 95831 and 95851) take one unit per area, capped by their MUE ' +
    '(units-exceed-mue), not by 1.',
  source: 'CMS Pub 100-04 ch. 5 §20.2; Transmittal 1019 / Transmittal 2121 (CR 7247) via RACmonitor [S69]; ASHA [S17]; billing-rules §13.3',
  check(ctx, report) {
    const seen = new Map<string, { units: number; first: number }>();
    for (const l of ctx.lines) {
      if (l.info?.kind !== 'untimed' || l.info.perArea) continue;
      const { code, units } = l.line;
      const discipline = lineDisciplineOf(l.line, ctx.claim);
      const key = `${l.info.code}|${discipline ?? ''}`;
      const prior = seen.get(key);
      const before = prior?.units ?? 0;
      seen.set(key, { units: before + units, first: prior?.first ?? l.index });
      const path = `lines[${l.index}].units`;
      const per = discipline ? `1 unit per ${discipline} date of service` : '1 unit per date of service';
      if (units > 1) {
        report({
          path,
          message: `${lineLead(l.index, code)}an untimed (service-based) code takes ${per}; ${units} billed.`,
          fixes: [{ id: `units:${code}=1`, title: `Bill 1 unit of ${code}`, edits: ctx.fix.setValue(path, '1'), preferred: true }],
        });
      } else if (units > 0 && before > 0) {
        report({
          path,
          message: `${lineLead(l.index, code)}the untimed (service-based) code is already billed on ${serviceLine(prior!.first)}${discipline ? ` under ${discipline}` : ''}; ${per}.`,
        });
      }
    }
  },
};
