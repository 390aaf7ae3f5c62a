/** A cross-claim rule's options and payer types under the config of a claim's file (the engine's own reading, rules/applies.ts). */
import type { ResolvedConfig } from '../config/schema';
import type { PayerType } from '../model/claim';
import { RULES_BY_ID } from '../rules';
import { appliesToPayer, optionsOf } from '../rules/applies';

export function patientOptions<O extends object>(ruleId: string, config: ResolvedConfig): O {
  return optionsOf(RULES_BY_ID.get(ruleId)! as never, config) as O;
}

export function patientApplies(ruleId: string, config: ResolvedConfig, payerType: PayerType): boolean {
  return appliesToPayer(RULES_BY_ID.get(ruleId)! as never, config, payerType);
}
