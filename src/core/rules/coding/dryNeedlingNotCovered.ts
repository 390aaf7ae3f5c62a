import { defineRule } from '../applies';
import { optionsSchema, payerTypesOption } from '../../config/optionSchemas';
import { lineLead } from '../../text';

/** The dry-needling codes (needle insertion without injection), in CPT since 2020. */
const DRY_NEEDLING = new Set(['20560', '20561']);
const THERAPY_MODS: Record<string, string> = { GP: 'physical therapist', GO: 'occupational therapist', GN: 'speech-language pathologist' };
const THERAPIST: Record<string, string> = { PT: 'physical therapist', OT: 'occupational therapist', SLP: 'speech-language pathologist' };

/**
 * Coverage policy that no column of CMS's files carries: the PPRRVU gives 20560/20561 status
 * A (since January 21, 2020), because Medicare pays them as acupuncture under NCD 30.3.3, not
 * because a therapist may bill them.
 */
export const dryNeedlingNotCovered = defineRule({
  id: 'dry-needling-not-covered',
  description: 'Dry needling (20560/20561) by a PT, OT or SLP on a Medicare claim: Medicare covers it only as acupuncture for chronic low back pain, from the practitioners NCD 30.3.3 names',
  category: 'coding',
  defaultSeverity: 'error',
  fixable: false,
  payerTypes: ['medicare'],
  options: optionsSchema({ payerTypes: payerTypesOption }),
  rationale:
    'Medicare treats dry needling as acupuncture. Since January 21, 2020 it covers acupuncture, dry needling included, only for ' +
    'chronic low back pain (NCD 30.3.3: 12 weeks or longer, no systemic cause, not tied to surgery or pregnancy; up to 12 sessions ' +
    'in 90 days and 20 a year), furnished by a physician, or by a physician assistant, nurse practitioner or clinical nurse ' +
    "specialist or auxiliary personnel who hold a master's or doctoral degree in acupuncture or Oriental medicine and a current " +
    'acupuncture license. Physical and occupational therapists and speech-language pathologists are not among them, so 20560/20561 ' +
    'on a therapy claim (a PT, OT or SLP provider, or a GP/GO/GN line) is not payable by Medicare. CMS\'s fee schedule gives the ' +
    'codes status A since 2020 for the NCD\'s practitioners; the status column does not settle it, so this is a rule of its own. ' +
    'Option payerTypes (default ["medicare"]) lists the payer types checked.',
  source: 'CMS NCD 30.3.3, Acupuncture for Chronic Low Back Pain [S75]; CMS CR 11661, 20560/20561 active for NCD 30.3.3 [S76]; MLN MM11691, "Medicare covers acupuncture and dry needling" for cLBP [S77]; APTA, dry needling by a PT never covered under Medicare [S78]',
  check(ctx, report) {
    const provider = ctx.claim.provider?.discipline;
    for (const l of ctx.lines) {
      const code = l.line.code.trim().toUpperCase();
      if (!DRY_NEEDLING.has(code) || l.line.units <= 0) continue;
      const mod = (l.line.modifiers ?? []).map((m) => m.trim().toUpperCase()).find((m) => m in THERAPY_MODS);
      const who = (provider && THERAPIST[provider]) ?? (mod ? THERAPY_MODS[mod] : undefined);
      if (!who) continue;
      report({
        path: `lines[${l.index}].code`,
        message:
          `${lineLead(l.index, l.line.code)}Medicare covers dry needling only as acupuncture for chronic low back pain, furnished by a ` +
          `physician or a practitioner licensed in acupuncture (NCD 30.3.3); ${/^[aeiou]/.test(who) ? 'an' : 'a'} ${who} cannot bill it to Medicare ` +
          '(source: NCD 30.3.3 and CMS MLN MM11691).',
      });
    }
  },
});
