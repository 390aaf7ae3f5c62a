import { unitsForMinutes } from '../../billing/eightMinute';
import type { Discipline } from '../../data/types';
import { claimList } from '../../patients/names';
import { poolLabel, sameDayClaims } from '../../patients/sameDay';
import type { FactLine, PatientClaim } from '../../patients/types';
import { lineLead, plural } from '../../text';
import type { Rule } from '../../types';

interface Share {
  claim: PatientClaim;
  lines: FactLine[];
  minutes: number;
  units: number;
}

export const unitsAcrossClaims: Rule = {
  id: 'units-across-claims',
  description: "Timed units billed on several claims of one patient, date and discipline differ from the units their combined minutes support",
  category: 'units',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    'CMS counts 15-minute timed units from the total timed minutes of a date of service per discipline, whatever the claim: when one patient\'s ' +
    'timed services of one date and discipline are split over several claims (in one file or several), their minutes form one 8-minute pool ' +
    '(8–22 minutes = 1 unit, 23–37 = 2, …) and the units billed on all of them together must match it. Two claims of 10 minutes with 1 unit each ' +
    'look right alone and bill 2 units for 20 minutes, which support 1. Claims are grouped by patient.id; lines go to their GP/GO/GN pool (a line ' +
    'without one joins its claim\'s discipline). Under the per-code rule of eights (commercial payers), each code\'s combined minutes are counted ' +
    'on their own. Nothing is judged while a line of the pool failed the schema or lacks minutes, or when the claims follow different unit rules. ' +
    'The finding is on each claim of the pool and names the others.',
  source: 'CMS Pub 100-04 ch. 5 §20.2 C (via FCSO [S1], ChiroCode [S2], NGS [S10]); per-discipline total billing-rules §13.2; unit rule by payer §13.4',
  checkPatient(ctx, report) {
    if (ctx.fileLevel) return;
    for (const day of sameDayClaims(ctx.claims)) {
      const rules = new Set(day.map((c) => c.unitRule));
      if (rules.size !== 1) continue;
      const perCode = day[0].unitRule === 'per-code';
      const pools = new Map<Discipline | undefined, Share[]>();
      let usable = true;
      for (const c of day) {
        const timed = c.lines.filter((l) => l.kind === 'timed15');
        if (timed.length && (!c.complete || timed.some((l) => l.minutes === undefined))) usable = false;
        const byPool = new Map<Discipline | undefined, FactLine[]>();
        for (const l of timed) byPool.set(l.pool, [...(byPool.get(l.pool) ?? []), l]);
        for (const [d, lines] of byPool) {
          const share = { claim: c, lines, minutes: sum(lines.map((l) => l.minutes ?? 0)), units: sum(lines.map((l) => l.units)) };
          pools.set(d, [...(pools.get(d) ?? []), share]);
        }
      }
      if (!usable) continue;
      for (const [d, shares] of pools) {
        if (shares.length < 2) continue;
        if (!perCode) {
          const minutes = sum(shares.map((s) => s.minutes));
          const billed = sum(shares.map((s) => s.units));
          const supported = unitsForMinutes(minutes);
          if (billed === supported) continue;
          for (const s of shares) {
            const others = shares.filter((o) => o !== s);
            const first = s.lines[0];
            report({
              claim: s.claim,
              path: `lines[${first.index}].units`,
              message:
                `${lineLead(first.index, first.code)}this date's ${poolLabel(d)} timed services are split over this claim and ${claimList(others.map((o) => o.claim))}: ` +
                `${plural(minutes, 'minute')} in all support ${plural(supported, 'unit')}, ${billed} billed in all (${s.units} here for ${plural(s.minutes, 'minute')}); ` +
                'the 8-minute rule counts one pool per date and discipline, whatever the claim.',
              related: others.map((o) => ({ claim: o.claim, path: `lines[${o.lines[0].index}].units`, message: `${plural(o.units, 'unit')} for ${plural(o.minutes, 'minute')} on this claim` })),
            });
          }
          continue;
        }
        // Per-code rule of eights: each code's minutes over the claims, on their own.
        const codes = new Set(shares.flatMap((s) => s.lines.map((l) => l.code)));
        for (const code of codes) {
          const having = shares.map((s) => ({ s, lines: s.lines.filter((l) => l.code === code) })).filter((x) => x.lines.length);
          if (having.length < 2) continue;
          const minutes = sum(having.flatMap((x) => x.lines.map((l) => l.minutes ?? 0)));
          const billed = sum(having.flatMap((x) => x.lines.map((l) => l.units)));
          const supported = unitsForMinutes(minutes);
          if (billed === supported) continue;
          for (const x of having) {
            const others = having.filter((o) => o !== x);
            const first = x.lines[0];
            report({
              claim: x.s.claim,
              path: `lines[${first.index}].units`,
              message:
                `${lineLead(first.index, first.code)}the code is billed for this date under ${poolLabel(d)} on this claim and ${claimList(others.map((o) => o.s.claim))}: ` +
                `${plural(minutes, 'minute')} in all support ${plural(supported, 'unit')} under the per-code rule of eights, ${billed} billed in all.`,
              related: others.map((o) => ({ claim: o.s.claim, path: `lines[${o.lines[0].index}].units`, message: 'the same code on this claim' })),
            });
          }
        }
      }
    }
  },
};

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
