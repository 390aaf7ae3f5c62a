/**
 * The small CMS sample files in test/fixtures/cms that make one data pack, and a claim only
 * that pack can flag: 97530 with 97116 (an imported pair, no bypass) and 97140 × 4
 * (imported MUE 3). Shared by the CLI and language-server data-pack tests.
 */
import { join } from 'node:path';

export const CMS_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'cms');

export const CMS_PACK_FILES = ['ccipra_v321r0_f1.txt', 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv', 'PPRRVU2026_Jan_nonQPP.csv', 'GPCI2026.csv', '26LOCCO.csv'];

export const PACK_ONLY_CLAIM = `claim:
  id: D-1
  date_of_service: 2026-04-15
  payer: { type: medicare }
  provider: { npi: "1234567893", discipline: PT }
  plan_of_care: { discipline: PT, start_date: 2026-03-01, certified_date: 2026-03-02, cert_through: 2026-05-30 }
  lines:
    - { code: "97530", modifiers: [GP], units: 1, minutes: 15 }
    - { code: "97116", modifiers: [GP, "59"], units: 1, minutes: 15 }
    - { code: "97140", modifiers: [GP], units: 4, minutes: 60 }
`;
