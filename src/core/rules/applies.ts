/**
 * What the engine gives each rule before its check: its options (defaults overlaid by the
 * config's `rules.<id>.options`, computed once per config) and whether it applies to the
 * claim's payer type (the rule's `payerTypes`, or its `payerTypes` option). Rules read
 * `ctx.options`; none writes its own id as a string or filters payer types by hand.
 */
import { own } from '../own';
import { forPayer } from '../config/optionSchemas';
import type { ResolvedConfig } from '../config/schema';
import type { PayerType } from '../model/claim';
import type { Rule } from '../types';

const byConfig = new WeakMap<ResolvedConfig, Map<string, object>>();

/** A rule's options under a config: its defaults overlaid by the configured ones. */
export function optionsOf<O extends object>(rule: Rule<O>, config: ResolvedConfig): O {
  let byRule = byConfig.get(config);
  if (!byRule) byConfig.set(config, (byRule = new Map()));
  let options = byRule.get(rule.id);
  if (!options) byRule.set(rule.id, (options = { ...rule.defaults, ...(own(config.rules, rule.id)?.options as object | undefined) }));
  return options as O;
}

/** Does the rule apply to a claim of this payer type under this config? Rules without payerTypes apply to every claim. */
export function appliesToPayer(rule: Rule<object>, config: ResolvedConfig, payerType: PayerType): boolean {
  if (!rule.payerTypes) return true;
  const configured = (own(config.rules, rule.id)?.options as { payerTypes?: unknown } | undefined)?.payerTypes;
  return forPayer(configured ?? rule.payerTypes, payerType);
}

/** A rule with its options' type inferred from its defaults (ctx.options is typed in check). */
export function defineRule<O extends object = Record<string, never>>(rule: Rule<O>): Rule<O> {
  return rule;
}
