import { defineRule } from '../applies';
import { listing } from '../../documentation/phrases';
import { addPlaceholders, quoted, type Placeholder } from '../../documentation/placeholderFix';
import { placeholderFor, REQUIREMENT_DEFAULTS, REQUIREMENT_OPTIONS, requiredFields, type DocField } from '../../documentation/requirements';
import type { Fix } from '../../types';
import { lineLead } from '../../text';

export const documentationMissing = defineRule({
  id: 'documentation-missing',
  description: 'A line lacks a documentation field its code needs',
  category: 'documentation',
  defaultSeverity: 'warning',
  fixable: true,
  defaults: REQUIREMENT_DEFAULTS,
  options: REQUIREMENT_OPTIONS,
  rationale:
    'Patient-active timed one-on-one codes (97110, 97112, 97116, 97530, 97535 …) are paid by the minute of constant attendance, so each line needs all ' +
    'five fields: why skilled one-on-one care was needed (justification), the functional goal, why the patient could not do it safely alone ' +
    '(supervision_need), exactly what was done (intervention) and the assistance given (assistance_level). Clinician-applied timed codes (97140 manual ' +
    'therapy, 97124 massage, attended modalities 97032–97039) need no supervision need or assist level — the patient does nothing unassisted, and neither ' +
    'is a §220.3 treatment-note element — and cognitive intervention (97129/97130) needs no physical assist level: its help is cueing, written in the ' +
    'supervision need. Codes paid per session — evaluations, group therapy, service-based SLP treatment such as 92507 and 92526 — need a justification ' +
    'and an intervention that matches the code. Equipment is never required. A field written empty ("") is missing. Lines billed with 0 units were still ' +
    'performed and must still be documented. The quick fix adds (or fills) the missing text fields with a TODO prompt (which documentation-weak keeps ' +
    'flagging until it is written); it is not a preferred fix, because it adds text a person must write, and assistance_level is left for a person to ' +
    'choose. Options: oneOnOne, other (field lists) and byCode (per-code lists); the per-code table, with why and the source of each entry, is ' +
    'src/core/documentation/documentation-missing.words.json.',
  source: 'BPM Pub 100-02 ch. 15 §220.3 (treatment note) [S62]; CERT task-force daily-note elements [S-web irg.urpt]; billing-rules §7; ASHA cognitive-communication documentation (cue levels)',
  check(ctx, report) {
    const opts = ctx.options;
    for (const l of ctx.lines) {
      if (!l.info) continue; // unknown codes are unknown-code's business
      const doc = l.line.documentation ?? {};
      const needed = requiredFields(l.line.code, l.info, opts);
      const absent = needed.filter((f) => doc[f] === undefined);
      // An empty string (or only spaces) is written but says nothing: it is missing too.
      const empty = needed.filter((f) => typeof doc[f] === 'string' && !String(doc[f]).trim());
      const missing = needed.filter((f) => absent.includes(f) || empty.includes(f));
      if (!missing.length) continue;
      const oneOnOne = l.info.oneOnOne === true;
      const prompt = (f: DocField): Placeholder[] => {
        const text = placeholderFor(f, oneOnOne);
        return text ? [{ key: f, value: quoted(text) }] : [];
      };
      const added = absent.flatMap(prompt);
      const filled = empty.flatMap(prompt);
      const edits = [
        ...addPlaceholders(ctx, l.index, added),
        ...filled.flatMap((p) => ctx.fix.setValue(`lines[${l.index}].documentation.${p.key}`, p.value)),
      ];
      const fixes: Fix[] = [];
      const keys = [...added, ...filled].map((i) => i.key);
      if (edits.length) {
        fixes.push({ id: `documentation-placeholders:${keys.join(',')}`, title: `Add TODO placeholders for ${listing(keys)}`, edits });
      }
      const kind = oneOnOne ? 'a timed one-on-one code' : 'billed per session';
      const where = l.line.documentation ? 'documentation' : 'the line';
      const lacks = missing.map((f) => (empty.includes(f) ? `${f} (written empty)` : f));
      report({
        path: `lines[${l.index}].documentation`,
        at: 'key',
        message: `${lineLead(l.index, l.line.code)}${where} lacks ${listing(lacks)}: the code is ${kind} and its documentation needs ${missing.length === 1 ? 'it' : 'them'}.`,
        fixes,
      });
    }
  },
});
