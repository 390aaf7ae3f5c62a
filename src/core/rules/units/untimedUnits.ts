import type { Rule } from '../../types';

export const untimedUnits: Rule = {
  id: 'untimed-units',
  description: 'An untimed (service-based) code billed with units other than 1',
  category: 'units',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'Service-based codes (evaluations, group therapy, supervised modalities, most SLP treatment codes) are one unit per date of service however long they take; their minutes do not count toward timed units.',
  source: 'CMS Pub 100-04 ch. 5 §20.2; Transmittal 2121 / CR 7247; ASHA; RACmonitor [S69]',
  check(ctx, report) {
    const seen = new Map<string, number>();
    for (const l of ctx.lines) {
      if (l.info?.kind !== 'untimed') continue;
      const { code, units } = l.line;
      const before = seen.get(code) ?? 0;
      seen.set(code, before + units);
      const path = `lines[${l.index}].units`;
      if (units > 1) {
        report({
          path,
          message: `${code} is untimed (service-based): 1 unit per date of service; ${units} billed.`,
          fixes: [{ id: `units:${code}=1`, title: `Bill 1 unit of ${code}`, edits: ctx.fix.setValue(path, '1'), preferred: true }],
        });
      } else if (units > 0 && before > 0) {
        report({ path, message: `${code} is untimed (service-based) and is already billed on another line; 1 unit per date of service.` });
      }
    }
  },
};
