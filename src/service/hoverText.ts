/**
 * Markdown for hovers: a code (meaning, timing, discipline, payment, usual modifiers,
 * notes), a modifier (meaning, when required) and the 8-minute arithmetic of a visit.
 * Hover text may show the claim's own numbers (it is the user's editor); logs never do.
 */
import { BUILTIN_DATA, linkSources, plural, own, type ReferenceData } from '../core';
import { assistantDifferential, citation, describeTotal, DISCIPLINE_LABEL, kxThreshold, modifierInfo, unitsForMinutes, type CodeInfo, pfsStatusMeaning, type ClaimLinePrice } from '../core/explain';
import { dollars, type VisitSummary } from './visitSummary';

export function kindLabel(info: CodeInfo): string {
  if (info.kind === 'timed15') return 'timed, 15-minute units';
  if (info.kind === 'untimed') return 'untimed, 1 unit per day';
  return `timed, ${info.unitMinutes ?? 60}-minute units`;
}

const THERAPY_MOD: Record<string, string> = { PT: 'GP', OT: 'GO', SLP: 'GN' };
const ASSISTANT_MOD: Record<string, string> = { PT: 'CQ', OT: 'CO' };

export interface LineFacts {
  modifiers: string[];
  units?: number;
  charge?: number;
  /** The claim's plan-of-care discipline, when known. */
  plan?: string;
  /** Codes of the claim's other lines: the hover lists the NCCI pairs among them. */
  otherCodes?: string[];
  /**
   * The claim's lines and this line's index in them: the line is priced with its day, as the
   * code lens, report, Audit Summary and KX accrual price it (MPPR, CQ/CO), so every surface
   * shows one figure.
   */
  day?: { lines: { code: string; units: number; modifiers: string[]; charge?: number }[]; index: number; medicare: boolean };
}

/** This line's price, by the one pricing of the whole day (ReferenceData.priceClaimLines). */
export function linePrice(code: string, date: string, line: LineFacts, data: ReferenceData, locality?: string): ClaimLinePrice {
  const day = line.day ?? { lines: [{ code, units: line.units ?? 1, modifiers: line.modifiers.map((m) => m.toUpperCase()), charge: line.charge }], index: 0, medicare: true };
  const priced = data.priceClaimLines(
    day.lines.map((l) => ({ ...l, info: data.codeInfo(l.code, date) })),
    date,
    { medicare: day.medicare },
    locality,
  );
  return priced.lines[day.index];
}

/**
 * A code only an imported Annual Therapy Code List knows: what it is, what is checked (its
 * imported MUE and NCCI edits) and what is not, and the list and pack it comes from.
 */
function listedHover(code: string, date: string, line: LineFacts, data: ReferenceData): string[] | undefined {
  const listed = data.listedCode(code, date);
  if (!listed) return undefined;
  return [
    `**${listed.code}** — on the Annual Therapy Code List (${listed.therapy} therapy); not in claimlint's code catalogue`,
    '',
    `- **Checked:** its NCCI pairs and MUE from the data packs. **Not checked:** its units against minutes, its modifiers and its documentation (claimlint does not know how the code is timed).`,
    ...editLines(listed.code, date, line, data),
    '',
    `_Source: ${linkSources(listed.source)}_`,
  ];
}

export function codeHover(code: string, date: string, line: LineFacts, data: ReferenceData = BUILTIN_DATA, locality?: string): string | undefined {
  const info = data.codeInfo(code, date);
  if (!info) return listedHover(code, date, line, data)?.join('\n') ?? `**${code}** is not in claimlint's therapy reference data for ${date}.`;
  const out: string[] = [`**${info.code} — ${info.short}**`, '', info.description, ''];

  if (info.kind === 'timed15') out.push('- **Timed** (15-minute units, 8-minute rule): its minutes count toward the visit\'s timed total.');
  else if (info.kind === 'untimed') out.push('- **Untimed** (service-based): 1 unit per date of service however long it takes; its minutes do not count toward timed units.');
  else out.push(`- **Timed** in ${info.unitMinutes ?? 60}-minute units: a unit needs more than half of it (51% rule), not the 15-minute table.`);

  if (info.lockedTo) out.push(`- **Discipline-locked:** only ${info.lockedTo} may be used with this code.`);
  else if (info.therapy === 'always') out.push('- **Always therapy:** needs the therapy modifier of its plan of care (GP, GO or GN) on every line.');
  else out.push('- **Sometimes therapy:** needs GP, GO or GN only when given under a therapy plan of care.');

  out.push(`- **Usually needs:** ${usualModifiers(info, date, line.plan).join('; ')}.`);
  if (info.addOnTo?.length) out.push(`- **Add-on code:** bill it with ${info.addOnTo.join(' or ')} on the same claim.`);
  out.push(...medicareLine(info, date, data));
  out.push(...paymentLines(info.code, date, line, data, locality));
  out.push(...editLines(info.code, date, line, data));

  if (info.notes?.length) out.push('', ...info.notes.map((n) => `> ${n}`));
  out.push('', `_Source: ${linkSources(citation(info))}_`);
  return out.join('\n');
}

/**
 * The short part of a code hover (under the line's verdict): name, timing, the modifiers
 * it usually needs, Medicare payability and this line's estimate. The rest is behind the
 * hover's "More" link (codeHover).
 */
export function codeHoverShort(code: string, date: string, line: LineFacts, data: ReferenceData = BUILTIN_DATA, locality?: string): string[] {
  const info = data.codeInfo(code, date);
  if (!info) return listedHover(code, date, line, data) ?? [`**${code}** is not in claimlint's therapy reference data for ${date}.`];
  const kind = kindLabel(info);
  const out = [`**${info.code} — ${info.short}** · ${kind[0].toUpperCase()}${kind.slice(1)}${info.lockedTo ? ` · ${info.lockedTo} only` : ''}`, ''];
  out.push(`- **Usually needs:** ${usualModifiers(info, date, line.plan).join('; ')}.`);
  if (info.addOnTo?.length) out.push(`- **Add-on code:** bill it with ${info.addOnTo.join(' or ')}.`);
  out.push(...medicareLine(info, date, data));
  if (line.units !== undefined) out.push(`- **This line:** ${plural(line.units, 'unit')} → ${linePrice(code, date, line, data, locality).phrase}.`);
  return out;
}

/** What Medicare pays for the code: CMS's status in force (B, N, I … each in words), else the catalogue. */
function medicareLine(info: CodeInfo, date: string, data: ReferenceData): string[] {
  if (info.medicare && 'replacedBy' in info.medicare) return [`- **Medicare:** not payable; bill ${info.medicare.replacedBy} instead.`];
  const cms = data.pfsStatus(info.code, date);
  if (cms) {
    const m = pfsStatusMeaning(cms.status);
    return m.payable ? [] : [`- **Medicare:** ${m.short} (status ${cms.status}, CMS PFS ${cms.release}) for ${date.slice(0, 4)}: ${m.meaning}.`];
  }
  return info.medicare && 'status' in info.medicare ? ['- **Medicare:** bundled, not separately payable.'] : [];
}

function usualModifiers(info: CodeInfo, date: string, plan?: string): string[] {
  const out: string[] = [];
  const therapy = info.lockedTo ?? (plan ? own(THERAPY_MOD, plan) : undefined);
  if (info.therapy === 'always') out.push(therapy ? `${therapy}${plan && !info.lockedTo ? ` (${plan} plan)` : ''}` : 'GP, GO or GN (the plan\'s discipline)');
  else out.push(`${therapy ?? 'GP/GO/GN'} when under a therapy plan of care`);
  const assistant = plan ? own(ASSISTANT_MOD, plan) : 'CQ (PTA) or CO (OTA)';
  const diff = assistantDifferential(date);
  if (assistant && diff && modifierInfo('CQ', date) && info.lockedTo !== 'GN') {
    out.push(`${assistant} when an assistant furnished more than ${Math.round(diff.deMinimis * 100)}% of it`);
  }
  const kx = kxThreshold(date);
  if (kx) out.push(`KX once the year's allowed amounts pass ${dollars(kx.pt_slp)} (${date.slice(0, 4)} threshold)`);
  return out;
}

function paymentLines(code: string, date: string, line: LineFacts, data: ReferenceData, locality?: string): string[] {
  const fee = data.feeFor(code, date);
  if (!fee) {
    const why = linePrice(code, date, line, data, locality).unpriced;
    return [`- **Payment:** ${why ? `none for ${date.slice(0, 4)}: ${why}` : `no ${date.slice(0, 4)} national amount in claimlint's data`}.`];
  }
  const year = fee.from.slice(0, 4);
  const mods = line.modifiers.map((m) => m.toUpperCase());
  const units = line.units ?? 1;
  const priced = linePrice(code, date, { ...line, units }, data, locality);
  const release = fee.release && fee.release !== 'curated' ? ` (CMS PFS ${fee.release})` : '';
  const out: string[] = [];
  const gpci = locality ? data.gpciFor(locality, date) : undefined;
  if (gpci && priced.unpriced === undefined && priced.fullUnit !== fee.nationalAmount * priced.assistantRate) {
    out.push(`- **${year} payment${release}, locality ${gpci.mac}-${gpci.locality} (${gpci.name}):** ${dollars(priced.fullUnit / priced.assistantRate)} per unit (GPCI-adjusted, non-QP); national ${dollars(fee.nationalAmount)}.`);
  } else {
    const why = locality ? `locality ${locality} has no GPCIs in the data in force, so the amount stays national` : 'no locality configured';
    out.push(`- **${year} payment${release}:** ${dollars(fee.nationalAmount)} per unit, a national, unadjusted Medicare amount (non-QP; ${why}).`);
  }
  out.push(
    fee.multProc === undefined || fee.multProc === '5'
      ? '  On a day with several therapy units, all but the highest-practice-expense unit are paid with 50% of their practice expense (MPPR).'
      : `  CMS's MULT PROC indicator is ${fee.multProc}: the therapy multiple procedure payment reduction (MPPR) does not apply to it.`,
  );
  out.push(`  _Fee: ${linkSources(fee.source)}_`);
  if (priced.assistantRate !== 1) {
    out.push(`- **With ${mods.includes('CQ') ? 'CQ' : 'CO'} on this line:** ${Math.round(priced.assistantRate * 100)}% of the amount.`);
  }
  if (line.units !== undefined) out.push(`- **This line:** ${plural(units, 'unit')} → ${priced.phrase}.`);
  return out;
}

/** The MUE of the code and its NCCI pairs with the claim's other codes, each with its source. */
function editLines(code: string, date: string, line: LineFacts, data: ReferenceData): string[] {
  const out: string[] = [];
  const mue = data.mueFor(code, date);
  if (mue) {
    const mai = mue.mai ? `, MAI ${mue.mai} (${mue.mai === 1 ? 'per line' : 'per date of service'})` : '';
    out.push(`- **MUE:** ${plural(mue.maxUnits, 'unit')}${mai}. _Source: ${linkSources(mue.source)}_`);
  }
  const seen = new Set<string>();
  for (const other of line.otherCodes ?? []) {
    const o = other.trim().toUpperCase();
    if (seen.has(o)) continue;
    seen.add(o);
    const pair = data.findNcciPair(code, o, date);
    if (!pair || pair.modifierIndicator === 9) continue;
    const bypass = pair.modifierIndicator === 1 ? '59 or XE/XS/XP/XU on the column 2 line may bypass it' : 'no modifier bypasses it';
    out.push(`- **NCCI with ${o}:** ${pair.column1} is column 1, ${pair.column2} column 2; ${bypass}. _Source: ${linkSources(pair.source)}_`);
  }
  return out;
}

export function modifierHover(mod: string, date: string): string {
  const info = modifierInfo(mod, date);
  if (!info) return `**${mod.toUpperCase()}** is not a modifier claimlint knows for ${date}.`;
  const out = [`**Modifier ${info.modifier}** (${info.group})`, '', info.description];
  if (info.whenRequired) out.push('', `**When:** ${info.whenRequired}`);
  out.push('', `_Source: ${linkSources(citation(info))}_`);
  return out.join('\n');
}

/** The 8-minute arithmetic of the visit, for a hover on minutes, units or the visit totals. */
export function unitsHover(v: VisitSummary, documentedTotal?: number): string {
  const out: string[] = [];
  const several = v.pools.length > 1;
  if (v.unitRule === 'cms') out.push(`**8-minute rule (CMS): timed minutes are pooled for the visit${several ? ', one pool per discipline' : ''}**`);
  else out.push('**Per-code rule ("rule of eights"): each code\'s own minutes decide its units**');
  out.push('');
  if (!v.pools.length) out.push('This claim has no 15-minute timed codes.');
  for (const p of v.pools) {
    if (several) out.push(`**${p.discipline ? DISCIPLINE_LABEL[p.discipline] : 'No discipline'}**`, '');
    out.push('| Code | Minutes | Units billed | Units supported |', '|---|---:|---:|---:|');
    const supported = p.allowedSplits[0];
    p.timed.forEach((c, i) => {
      const own = v.unitRule === 'cms' ? (p.allowedSplits.length === 1 && supported ? String(supported[i]) : '—') : String(unitsForMinutes(c.minutes));
      out.push(`| ${c.code} | ${c.minutes} | ${c.billedUnits} | ${own} |`);
    });
    out.push('');
    if (v.unitRule === 'cms') {
      out.push(`Total: ${describeTotal(p.timedMinutes)}; **${p.billedUnits} billed**.`);
      if (p.allowedSplits.length > 1) {
        const splits = p.allowedSplits.map((s) => s.map((u, i) => `${u} × ${p.timed[i].code}`).join(' + '));
        out.push('', `Remainders tie, so any of these splits is allowed: ${splits.join('; or ')}.`);
      } else if (p.allowedSplits.length === 1 && p.timed.length > 1) {
        out.push('', 'Each code keeps its full 15-minute units; the remaining units go to the codes with the most leftover minutes.');
      }
    } else {
      out.push(`Total: ${plural(p.supportedUnits, 'unit')} supported; **${p.billedUnits} billed**.`);
    }
    if (p.missingMinutes) out.push('', 'Some timed lines have no minutes: the arithmetic is incomplete.');
    if (several) out.push('');
  }
  if (documentedTotal !== undefined && documentedTotal !== v.timedMinutes) {
    out.push('', `visit.total_timed_minutes says ${documentedTotal}; the lines add up to ${v.timedMinutes}.`);
  }
  if (v.untimed.length) out.push('', `Untimed codes (${v.untimed.join(', ')}) are 1 unit each and their minutes are not counted.`);
  out.push('', '8–22 min = 1 unit · 23–37 = 2 · 38–52 = 3 · 53–67 = 4 · 68–82 = 5');
  return out.join('\n');
}
