/**
 * CQ/CO assistant payment differential (billing-rules §4.2). The modifiers are required
 * from 2020; lines carrying them are paid at 85% from 1 January 2022. "In whole or in
 * part" means the assistant furnished more than 10% of the service (de minimis).
 */
import type { AssistantDifferential } from './types';

export const ASSISTANT_DIFFERENTIALS: readonly AssistantDifferential[] = [
  {
    from: '2020-01-01', to: '2021-12-31', rate: 1.0, deMinimis: 0.1,
    source: 'CMS [S28], APTA Maryland [S29] (modifier required, no reduction yet)', confidence: 'C',
  },
  {
    // 2026 continuation is secondary only ([S41]); no change was found.
    from: '2022-01-01', rate: 0.85, deMinimis: 0.1,
    source: 'CMS [S28], APTA Maryland [S29]; 2026 unchanged per [S41]', confidence: 'C',
  },
];
