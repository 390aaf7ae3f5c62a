import type { Rule } from '../../types';
import { lineDisciplineOf } from '../../units/discipline';

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
    const seen = new Map<string, number>();
    for (const l of ctx.lines) {
      if (l.info?.kind !== 'untimed' || l.info.perArea) continue;
      const { code, units } = l.line;
      const discipline = lineDisciplineOf(l.line, ctx.claim);
      const key = `${l.info.code}|${discipline ?? ''}`;
      const before = seen.get(key) ?? 0;
      seen.set(key, before + units);
      const path = `lines[${l.index}].units`;
      const per = discipline ? `1 unit per ${discipline} date of service` : '1 unit per date of service';
      if (units > 1) {
        report({
          path,
          message: `${code} is untimed (service-based): ${per}; ${units} billed.`,
          fixes: [{ id: `units:${code}=1`, title: `Bill 1 unit of ${code}`, edits: ctx.fix.setValue(path, '1'), preferred: true }],
        });
      } else if (units > 0 && before > 0) {
        report({ path, message: `${code} is untimed (service-based) and is already billed on another line${discipline ? ` under ${discipline}` : ''}; ${per}.` });
      }
    }
  },
};
