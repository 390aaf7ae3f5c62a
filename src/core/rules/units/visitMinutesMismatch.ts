import type { IndexedLine, Rule } from '../../types';
import { poolLines } from '../../billing/disciplinePools';

export const visitMinutesMismatch: Rule = {
  id: 'visit-minutes-mismatch',
  description: "The documented visit totals disagree with the lines' minutes",
  category: 'units',
  defaultSeverity: 'warning',
  fixable: true,
  rationale:
    'The treatment note records total timed minutes and total treatment time, and the billed units must agree with the timed minutes. Totals that disagree with the lines are the first thing a reviewer checks. With timed lines under several disciplines, the documented total is all of them together and the message shows each discipline\'s own pool.',
  source: 'BPM Pub 100-02 ch. 15 §220.3 (treatment note) [S62][S64]',
  check(ctx, report) {
    const visit = ctx.claim.visit;
    if (!visit || !ctx.complete) return;
    let timed = 0;
    let all = 0;
    const timedLines: IndexedLine[] = [];
    for (const l of ctx.lines) {
      const m = l.line.minutes ?? 0;
      all += m;
      if (l.info?.kind === 'timed15' || l.info?.kind === 'timed-other') {
        timed += m;
        timedLines.push(l);
      }
    }
    // Several disciplines: the total is their pools added up; say each pool's share.
    const pools = poolLines(timedLines, ctx.claim);
    const split =
      pools.length > 1
        ? ` (${pools.map((p) => `${p.discipline ?? 'no discipline'} ${p.lines.reduce((s, l) => s + (l.line.minutes ?? 0), 0)}`).join(' + ')}, each discipline its own 8-minute pool)`
        : '';
    const { total_timed_minutes: docTimed, total_treatment_minutes: docTotal } = visit;
    if (docTimed !== undefined && docTimed !== timed) {
      const path = 'visit.total_timed_minutes';
      report({
        path,
        message: `visit.total_timed_minutes is ${docTimed}, but the timed lines add up to ${timed} minutes${split}.`,
        fixes: [{ id: `visit-timed=${timed}`, title: `Set total_timed_minutes to ${timed} (the lines' sum)`, edits: ctx.fix.setValue(path, String(timed)) }],
      });
    }
    const floor = Math.max(docTimed ?? 0, all);
    if (docTotal !== undefined && docTotal < floor) {
      report({
        path: 'visit.total_treatment_minutes',
        message: `visit.total_treatment_minutes is ${docTotal}, less than the ${floor} minutes of ${docTimed !== undefined && docTimed >= all ? 'total timed minutes' : 'the lines'}; total treatment time includes timed and untimed minutes.`,
      });
    }
  },
};
