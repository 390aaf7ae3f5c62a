/**
 * NCCI procedure-to-procedure pairs for therapy (billing-rules §5.2) and the "one per
 * date" evaluation policies of NCCI ch. XI. The pairs are the built-in pack's NCCI table,
 * imported from data/source/ccipra_curated.txt (claimlint's curated pairs in the layout of
 * CMS's practitioner PTP file, each row naming its source, confidence and note): the
 * minimum regression set, not the CMS table, which a data pack replaces (`claimlint data
 * import`). Column 1 is paid; column 2 is denied unless the indicator is 1 and 59/X{EPSU}
 * is on the column-2 line. Effective date 2020-01-01 is the start of our data when a pair
 * is older. The one-per-date groups have no CMS table format and stay here.
 */
import type { Effective, NcciPair, Sourced } from './types';
import { BUILTIN_NCCI_PAIRS } from './builtinPack';

export const NCCI_PAIRS: readonly NcciPair[] = BUILTIN_NCCI_PAIRS;

/** A policy that allows only one code of the group per patient per date of service. */
export interface SameDayExclusiveGroup extends Sourced, Effective {
  id: string;
  codes: readonly string[];
  description: string;
}

export const SAME_DAY_EXCLUSIVE_GROUPS: readonly SameDayExclusiveGroup[] = [
  {
    id: 'pt-evaluation',
    codes: ['97161', '97162', '97163', '97164'],
    description: 'Only one PT evaluation or re-evaluation code may be reported per date of service.',
    from: '2017-01-01',
    source: 'NCCI Policy Manual ch. XI via policy-rag [S4 q37-q39]',
    confidence: 'C',
  },
  {
    id: 'ot-evaluation',
    codes: ['97165', '97166', '97167', '97168'],
    description: 'Only one OT evaluation or re-evaluation code may be reported per date of service.',
    from: '2017-01-01',
    source: 'by analogy with NCCI ch. XI for PT [S4 q37-q39]; untimed 1 unit per date [S69]',
    confidence: 'D',
  },
];
