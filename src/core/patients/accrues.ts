/**
 * Which claims the KX accrual counts: those of a payer kx-accrual-missing applies to under
 * their file's config (its payerTypes option, default Medicare). The patient index accrues
 * only them, and only they are priced for it (./facts.ts): no rule reads the allowed amounts
 * of a claim the accrual does not count.
 */
import type { ResolvedConfig } from '../config/schema';
import type { PayerType } from '../model/claim';
import { appliesToPayer } from '../rules/applies';
import { kxAccrualMissing } from '../rules/patient/kxAccrualMissing';

export function accruesFor(config: ResolvedConfig, payerType: PayerType): boolean {
  return appliesToPayer(kxAccrualMissing, config, payerType);
}
