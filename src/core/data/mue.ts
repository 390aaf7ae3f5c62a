/**
 * Medically unlikely edits: maximum units per date of service, with the MUE adjudication
 * indicator (MAI: 1 per line, 2 per date by policy, 3 per date by clinical benchmark)
 * where known (billing-rules §5.3, §13.7). They are the built-in pack's MUE table,
 * imported from data/source/MCR_MUE_PractitionerServices_curated.csv (claimlint's curated
 * values in the layout of CMS's practitioner MUE file, each row naming its source,
 * confidence and dates). A code with no row has no MUE check (its value could not be
 * sourced): 97113, 97116, 97124, 97130, 97140, 97530's companions 97533, 97535, 97537,
 * 97542, 97755, 97760, 97761, 97763, the attended modalities other than 97032/97035, and
 * the codes added in 2026-11 other than the "first period" codes. A data pack of CMS's
 * MUE file replaces them for the dates it covers.
 */
import type { MueEntry } from './types';
import { BUILTIN_MUES } from './builtinPack';

export const MUES: readonly MueEntry[] = BUILTIN_MUES;
