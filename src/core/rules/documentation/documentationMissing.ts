import { ruleOptions } from '../../config/schema';
import { listing } from '../../documentation/phrases';
import { addPlaceholders, quoted, type Placeholder } from '../../documentation/placeholderFix';
import { placeholderFor, REQUIREMENT_DEFAULTS, REQUIREMENT_OPTIONS, requiredFields } from '../../documentation/requirements';
import type { Fix, Rule } from '../../types';
import { lineLead } from '../../text';

export const documentationMissing: Rule = {
  id: 'documentation-missing',
  description: 'A line lacks a documentation field its code needs',
  category: 'documentation',
  defaultSeverity: 'warning',
  fixable: true,
  options: REQUIREMENT_OPTIONS,
  rationale:
    'Timed one-on-one codes are paid by the minute of constant attendance, so each line needs all five fields: why skilled one-on-one care was needed ' +
    '(justification), the functional goal, why the patient could not do it safely alone (supervision_need), exactly what was done (intervention) and the ' +
    'assistance given (assistance_level). Codes paid per session — evaluations, group therapy, supervised modalities, service-based SLP treatment such as ' +
    '92526 — need a justification and an intervention that matches the code. Equipment is never required. Lines billed with 0 units were still performed ' +
    'and must still be documented. The quick fix adds the missing text fields with a TODO prompt (which documentation-weak keeps flagging until it is ' +
    'written); it is not a preferred fix, because it adds text a person must write, and assistance_level is left for a person to choose. ' +
    'Options: oneOnOne, other (field lists) and byCode (per-code lists).',
  source: 'BPM Pub 100-02 ch. 15 §220.3 (treatment note) [S62]; CERT task-force daily-note elements [S-web irg.urpt]; billing-rules §7',
  check(ctx, report) {
    const opts = ruleOptions(ctx.config, 'documentation-missing', REQUIREMENT_DEFAULTS);
    for (const l of ctx.lines) {
      if (!l.info) continue; // unknown codes are unknown-code's business
      const doc = l.line.documentation ?? {};
      const missing = requiredFields(l.line.code, l.info, opts).filter((f) => doc[f] === undefined);
      if (!missing.length) continue;
      const oneOnOne = l.info.oneOnOne === true;
      const items: Placeholder[] = missing.flatMap((f) => {
        const text = placeholderFor(f, oneOnOne);
        return text ? [{ key: f, value: quoted(text) }] : [];
      });
      const fixes: Fix[] = [];
      const edits = addPlaceholders(ctx, l.index, items);
      if (edits.length) {
        fixes.push({
          id: `documentation-placeholders:${items.map((i) => i.key).join(',')}`,
          title: `Add TODO placeholders for ${listing(items.map((i) => i.key))}`,
          edits,
        });
      }
      const kind = oneOnOne ? 'a timed one-on-one code' : 'billed per session';
      const where = l.line.documentation ? 'documentation' : 'the line';
      report({
        path: `lines[${l.index}].documentation`,
        at: 'key',
        message: `${lineLead(l.index, l.line.code)}${where} lacks ${listing(missing)}: the code is ${kind} and its documentation needs ${missing.length === 1 ? 'it' : 'them'}.`,
        fixes,
      });
    }
  },
};
