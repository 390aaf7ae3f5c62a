/**
 * The report's per-patient section (issue 23 item 5): one row per patient, named "Patient 1",
 * … (never the patient id): the visits in date order, the year's accrued allowed amount per
 * KX bucket, the visit that crosses the KX threshold, the one that crosses the targeted
 * review threshold, and the progress reports due or missing. In the webview a visit opens
 * its claim (the page's `button.loc` reveal).
 */
import type { PatientBucketYear, PatientProgress, PatientSummary, PatientVisit } from '..';
import { escapeHtml, formatInt, formatMoney, type RenderOptions } from './render';

/** Visits listed per patient before "and N more". */
const VISITS_SHOWN = 12;

export function patientsSection(patients: readonly PatientSummary[], files: readonly string[], opts: RenderOptions): string {
  const index = new Map(files.map((p, i) => [p, i]));
  const rows = patients.map((p) => patientRow(p, index, opts)).join('\n');
  const body = patients.length
    ? `<table id="patients-table"><thead><tr><th>Patient</th><th>Visits</th><th>Accrued this year</th><th>KX threshold crossed</th><th>Review threshold crossed</th><th>Progress reports</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
    : '<p class="note">No claim names a patient (patient.id): nothing to group.</p>';
  return `<section id="patients" aria-labelledby="patients-h"><h2 id="patients-h">Patients</h2>
<p class="note">Each patient's claims across the files, in date order, named by claim id and file: the allowed amount accrued per KX bucket (the year's earliest stated patient.ytd_allowed plus every visit), where it passes the KX and targeted review thresholds, and the progress reports due or missing.</p>
${body}
</section>`;
}

function patientRow(p: PatientSummary, index: Map<string, number>, opts: RenderOptions): string {
  const visit = (i: number | undefined): string => (i === undefined ? '' : visitRef(p.visits[i], index, opts));
  const shown = p.visits.slice(0, VISITS_SHOWN).map((v) => `<li>${visitRef(v, index, opts)}${v.progressReport ? ' <span class="tag">progress report</span>' : ''}</li>`);
  const more = p.visits.length > VISITS_SHOWN ? `<li class="note">and ${formatInt(p.visits.length - VISITS_SHOWN)} more</li>` : '';
  const years = (f: (y: PatientBucketYear) => string): string => p.years.map((y) => `<div>${f(y)}</div>`).join('') || '<span class="clean">—</span>';
  return `<tr class="patient-row"><td>${escapeHtml(p.label)}<br><span class="path">${formatInt(p.visits.length)} visit${p.visits.length === 1 ? '' : 's'}</span></td>
<td><ul class="visits">${shown.join('')}${more}</ul></td>
<td>${years((y) => `${escapeHtml(y.year)} ${escapeHtml(y.label)}: ${formatMoney(y.accrued)}`)}</td>
<td>${years((y) => (y.kxFrom === undefined ? `<span class="clean">not crossed (${formatMoney(y.threshold)})</span>` : `${visit(y.kxFrom)} <span class="path">above ${formatMoney(y.threshold)}</span>`))}</td>
<td>${years((y) => (y.reviewFrom === undefined ? `<span class="clean">not crossed (${formatMoney(y.review)})</span>` : `${visit(y.reviewFrom)} <span class="path">above ${formatMoney(y.review)}</span>`))}</td>
<td>${p.progress.map((g) => progressCell(g, visit)).join('') || '<span class="clean">—</span>'}</td></tr>`;
}

function progressCell(g: PatientProgress, visit: (i: number | undefined) => string): string {
  const since = g.daysSinceReport === undefined ? 'treatment days since the last report unknown' : `${formatInt(g.daysSinceReport)} treatment day${g.daysSinceReport === 1 ? '' : 's'} since the last report`;
  const last = g.lastReport === undefined ? '' : `; last: ${visit(g.lastReport)}`;
  const list = (label: string, xs: number[]): string => (xs.length ? `<br><span class="sev-warning">${label}:</span> ${xs.map((i) => visit(i)).join(', ')}` : '');
  return `<div>${escapeHtml(g.discipline)}: ${since}${last}${list('due, not marked', g.due)}${list('missing', g.missing)}</div>`;
}

/** "V-2 (later/b.claim.yaml, 2026-02-09)", a button opening the claim in the webview when its file is in the report. */
function visitRef(v: PatientVisit, index: Map<string, number>, opts: RenderOptions): string {
  const name = `${escapeHtml(v.claimId ?? v.path)} <span class="path">(${escapeHtml(v.fileLabel)}, ${escapeHtml(v.date)})</span>`;
  const i = index.get(v.fileLabel);
  if (!opts.webview || i === undefined) return name;
  const r = v.range;
  return `<button class="loc" type="button" data-loc="${i}:${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}" title="Open ${escapeHtml(v.fileLabel)} at line ${r.start.line + 1}">${escapeHtml(v.claimId ?? v.path)}</button> <span class="path">(${escapeHtml(v.fileLabel)}, ${escapeHtml(v.date)})</span>`;
}
