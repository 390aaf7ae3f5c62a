/**
 * The per-patient view of a report (issue 23 item 5): each patient's visits in date order,
 * the year's accrued allowed amount per KX bucket, the visit that crosses the KX threshold
 * and the one that crosses the targeted review threshold, and the progress reports due or
 * missing — read from the core's PatientIndex (the same accrual and treatment-day counts the
 * cross-claim rules use), never computed again here. Patients are named "Patient 1", … in
 * order of first appearance; claims by claim id and file. No patient value is copied.
 */
import { optionsOf, placeOf, progressReportDue, treatmentDays, type ClaimYear, type PatientClaim, type PatientIndex, type Position } from '../../core';

export interface PatientVisit {
  /** The file key the index was given (a URI in the editor, a display path in the CLI). */
  file: string;
  /** How the file is named (its workspace-relative path). */
  fileLabel: string;
  claimId?: string;
  /** Path of the claim in its file: claims[3] or claim. */
  path: string;
  date: string;
  /** Where the claim is in its file (0-based). */
  range: { start: Position; end: Position };
  progressReport: boolean;
}

export interface PatientBucketYear {
  year: string;
  bucket: 'pt_slp' | 'ot';
  label: string;
  /** Allowed amount accrued after the year's last visit (baseline + every visit), USD. */
  accrued: number;
  /** The year's KX threshold (KX applies strictly above it). */
  threshold: number;
  /** The targeted medical review threshold. */
  review: number;
  /** Index in `visits` of the visit whose amount takes the accrual above the KX threshold. */
  kxFrom?: number;
  /** Index in `visits` of the visit whose amount takes the accrual above the review threshold. */
  reviewFrom?: number;
}

export interface PatientProgress {
  discipline: string;
  /** Treatment days since the last progress report at the last visit (undefined: unknown). */
  daysSinceReport?: number;
  /** Index in `visits` of the last visit marked as a progress report. */
  lastReport?: number;
  /** Visits at which a progress report was due (the dueAt-th treatment day) and none is marked. */
  due: number[];
  /** Visits past the period (periodDays) with no report since: the report is missing. */
  missing: number[];
}

export interface PatientSummary {
  /** "Patient 1", … in order of first appearance: never the patient id. */
  label: string;
  visits: PatientVisit[];
  years: PatientBucketYear[];
  progress: PatientProgress[];
}

/**
 * One summary per patient of the index, in order of first appearance in `fileOrder` (the
 * files' keys); `only`: keep the patients with a claim in one of these files.
 */
export function patientSummaries(index: PatientIndex, fileOrder: readonly string[], only?: (file: string) => boolean): PatientSummary[] {
  const out: PatientSummary[] = [];
  for (const group of index.patientGroups(fileOrder)) {
    if (only && !group.claims.some((c) => only(c.file))) continue;
    out.push(summary(`Patient ${out.length + 1}`, group.claims, group.years, (c) => index.configOf(c)));
  }
  return out;
}

function summary(label: string, claims: PatientClaim[], years: Map<PatientClaim, ClaimYear>, configOf: PatientIndex['configOf']): PatientSummary {
  const at = new Map(claims.map((c, i) => [c, i]));
  const visits: PatientVisit[] = claims.map((c) => ({
    file: c.file,
    fileLabel: c.fileLabel,
    claimId: c.id,
    path: c.prefix,
    date: c.date,
    range: placeOf(c, '').range,
    progressReport: c.progressReport,
  }));
  const byYear = new Map<string, PatientBucketYear[]>();
  for (const c of claims) {
    const y = years.get(c);
    if (!y) continue;
    let list = byYear.get(y.year);
    if (!list) byYear.set(y.year, (list = []));
    for (const b of Object.values(y.buckets)) {
      let row = list.find((r) => r.bucket === b.bucket);
      if (!row) {
        if (!b.billed && b.before === 0) continue;
        list.push((row = { year: y.year, bucket: b.bucket, label: b.label, accrued: b.after, threshold: b.threshold, review: b.review }));
      }
      row.accrued = b.after;
      if (row.kxFrom === undefined && b.billed && b.after > b.threshold) row.kxFrom = at.get(c);
      if (row.reviewFrom === undefined && b.billed && b.after > b.review) row.reviewFrom = at.get(c);
    }
  }
  const progress: PatientProgress[] = [];
  for (const [discipline, days] of treatmentDays(claims)) {
    const p: PatientProgress = { discipline, due: [], missing: [] };
    for (const day of days) {
      const first = day.claims[0];
      const opts = optionsOf(progressReportDue, configOf(first));
      p.daysSinceReport = day.report ? 0 : day.count;
      if (day.report) p.lastReport = at.get(day.claims.find((c) => c.progressReport) ?? first);
      if (day.report || day.count === undefined) continue;
      if (day.count > opts.periodDays) p.missing.push(at.get(first)!);
      else if (day.count >= opts.dueAt) p.due.push(at.get(first)!);
    }
    progress.push(p);
  }
  return { label, visits, years: [...byYear.values()].flat(), progress };
}
