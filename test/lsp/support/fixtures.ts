/**
 * Claim texts for the language-server tests, and the caret marker: `^` marks the position
 * of a hover or completion request and is removed before the text is sent.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver';

export function caret(marked: string, marker = '^'): { text: string; offset: number; position: Position } {
  const offset = marked.indexOf(marker);
  if (offset < 0 || marked.indexOf(marker, offset + 1) >= 0) throw new Error(`fixture needs exactly one ${marker}`);
  const text = marked.slice(0, offset) + marked.slice(offset + marker.length);
  return { text, offset, position: TextDocument.create('x', 'yaml', 0, text).positionAt(offset) };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'yaml', 0, text), edits);
}

/** The edits of a WorkspaceEdit for one document, with the version they are pinned to. */
export function editsFor(edit: WorkspaceEdit, uri: string): { edits: TextEdit[]; version?: number | null } {
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) return { edits: change.edits as TextEdit[], version: change.textDocument.version };
  }
  return { edits: edit.changes?.[uri] ?? [] };
}

const DOCUMENTATION_97110 = `        documentation:
          justification: >-
            Left knee osteoarthritis with quadriceps weakness limits stair climbing;
            requires skilled progression of resistance and form correction.
          functional_goal: >-
            Patient will climb 12 stairs with one rail independently within 4 weeks
            to reach the bedroom at home.
          supervision_need: >-
            Fall risk (Berg 44/56) and need for tactile cues to control knee valgus.
          intervention: >-
            Straight-leg raises 3 x 10 with 2 lb cuff weight, terminal knee extension
            3 x 12 with band, hamstring stretch 3 x 30 seconds.
          assistance_level: supervision
          equipment: cuff weight, resistance band`;

const DOCUMENTATION_97530 = `        documentation:
          justification: >-
            Impaired balance and weakness after knee OA flare prevent safe transfers;
            requires skilled task grading and cueing.
          functional_goal: >-
            Patient will transfer bed to chair with supervision within 4 weeks to
            return home with spouse.
          supervision_need: >-
            Fall risk (Berg 44/56) and need for contact guard during weight shift.
          intervention: >-
            Sit-to-stand from 18-inch chair 3 x 8 with weight-shift cues, stand-pivot
            transfers x 4, reaching across midline in standing 2 x 10.
          assistance_level: cga
          equipment: gait belt`;

export interface ClaimOptions {
  id?: string;
  payer?: string;
  units110?: number;
  units530?: number;
  minutes110?: number;
  minutes530?: number;
  modifiers530?: string;
}

/**
 * One PT claim, clean for every rule except what the options break: 97110 20 min and
 * 97530 18 min support 2 + 1 units under the CMS rule.
 */
export function claimItem(o: ClaimOptions = {}): string {
  return `  - id: ${o.id ?? 'CLM-1'}
    date_of_service: 2026-03-14
    payer:
      type: ${o.payer ?? 'medicare'}
    patient:
      id: PT-1
    provider:
      npi: "1234567893"
      discipline: PT
    plan_of_care:
      discipline: PT
      start_date: 2026-02-02
      certified_date: 2026-02-10
      cert_through: 2026-05-02
    diagnoses: [M17.11]
    visit:
      total_timed_minutes: ${(o.minutes110 ?? 20) + (o.minutes530 ?? 18)}
      total_treatment_minutes: ${(o.minutes110 ?? 20) + (o.minutes530 ?? 18)}
    lines:
      - code: "97110"
        modifiers: [GP]
        units: ${o.units110 ?? 2}
        minutes: ${o.minutes110 ?? 20}
        diagnosis_pointers: [1]
${DOCUMENTATION_97110}
      - code: "97530"
        modifiers: [${o.modifiers530 ?? 'GP'}]
        units: ${o.units530 ?? 1}
        minutes: ${o.minutes530 ?? 18}
        diagnosis_pointers: [1]
${DOCUMENTATION_97530}
`;
}

export function claimFile(...items: ClaimOptions[]): string {
  return `claims:\n${(items.length ? items : [{}]).map(claimItem).join('')}`;
}
