/** Shared types of the pure engine: findings, fixes as data, rules. */
import type { Claim, ClaimLine, PayerType, UnitRule } from './model/claim';
import type { CodeInfo } from './data/types';
import type { ResolvedConfig } from './config/schema';
import type { SourceMap } from './parse/sourceMap';
import type { FixBuilder } from './fixes/builder';
import type { ListedCode, ReferenceData } from './data/reference';
import type { RuleOptionsSchema } from './config/optionSchemas';
import type { PatientReport, PatientRuleContext } from './patients/types';

export type Severity = 'error' | 'warning' | 'info';

/** Half-open character offsets [start, end) into a text. */
export interface Span {
  start: number;
  end: number;
}

/** Replace text[start, end) by newText. An insertion has start === end. */
export interface TextEdit extends Span {
  newText: string;
}

/**
 * A fix is data, so the editor's quick fix, fix-all, the CLI's --fix and the tests all apply
 * exactly the same edits. `preferred` marks the one unambiguous fix that fix-all may apply.
 */
export interface Fix {
  id: string;
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Names field paths and numbers, never patient values. */
  message: string;
  /** Index of the YAML document in the stream. */
  document: number;
  /** Field path from the document's top key, e.g. claims[0].lines[1].units. */
  path: string;
  span: Span;
  fixes: Fix[];
}

/** 0-based position, like LSP; the CLI prints 1-based. */
export interface Position {
  line: number;
  character: number;
}

export interface LocatedFinding extends Finding {
  range: { start: Position; end: Position };
}

export type RuleCategory = 'syntax' | 'units' | 'modifiers' | 'coding' | 'documentation' | 'plan-of-care';

export interface RuleMeta {
  id: string;
  description: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  fixable: boolean;
  /** Why the rule exists and where the rule comes from, for the docs page and hover. */
  rationale: string;
  source: string;
}

/** A line of the claim with its original index and its catalog entry for the date. */
export interface IndexedLine {
  index: number;
  line: ClaimLine;
  info?: CodeInfo;
  /**
   * Not catalogued, but on an imported Annual Therapy Code List for the date: the edits that
   * need only the code (NCCI pairs, MUE) apply to it, the others cannot.
   */
  listed?: ListedCode;
}

export interface ClaimContext {
  claim: Claim;
  lines: IndexedLine[];
  /** False when some lines failed the schema and were left out: totals would be wrong. */
  complete: boolean;
  date: string;
  unitRule: UnitRule;
  config: ResolvedConfig;
  /** The reference data in force: built-in tables overlaid by the configured data packs. */
  data: ReferenceData;
  src: SourceMap;
  fix: FixBuilder;
  /** The running rule's options (RuleContext): set by the engine before each rule's check. */
  options?: unknown;
}

/** What a rule's check sees: the claim, and its own options typed (its defaults overlaid by the config's). */
export interface RuleContext<O extends object = object> extends ClaimContext {
  options: O;
}

export interface Report {
  /** Field path relative to the claim, e.g. lines[1].units. */
  path: string;
  message: string;
  /** Where to underline: the value (default) or the key. */
  at?: 'key' | 'value';
  fixes?: Fix[];
}

export interface Rule<O extends object = object> extends RuleMeta {
  /**
   * The rule's options (`rules.<id>.options` in .claimlintrc or claimlint.rules), each key
   * optional. Validated before an audit (config/ruleSettings.ts); rules without options
   * refuse any.
   */
  options?: RuleOptionsSchema;
  /** Every option's value when the config gives none: the engine passes `{ ...defaults, ...configured }` as ctx.options. */
  defaults?: O;
  /**
   * The payer types the rule applies to by default; its `payerTypes` option replaces them.
   * The engine skips the rule on a claim of another payer type (rules/applies.ts).
   */
  payerTypes?: readonly PayerType[];
  /** Parser rules (yaml-syntax, claim-schema) are reported by the engine itself. */
  check?(ctx: RuleContext<O>, report: (r: Report) => void): void;
  /**
   * A check across claims (one patient's claims in date order, or one file's claims for a
   * file-level rule): run by the patient index (src/core/patients), never by the per-claim audit.
   */
  checkPatient?(ctx: PatientRuleContext<O>, report: (r: PatientReport) => void): void;
  /**
   * The per-claim rule that says the same thing for a claim on its own: when it reports the
   * same path, this rule's finding is left out (mergePatientFindings).
   */
  twin?: string;
}
