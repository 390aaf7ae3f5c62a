/** Core findings as LSP diagnostics: rule id in `code`, docs link, rule and fix ids in `data`. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { docsUrl, shownAs, type LocatedFinding, type Severity } from '../core';
import { DIAGNOSTIC_SOURCE, type ClaimDiagnosticData } from '../protocol';
import { rangeOf } from './edits';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The other claims a cross-claim finding depends on (issue 23): file key (a URI), range there, what they say. */
export interface RelatedClaim {
  file: string;
  range: LocatedFinding['range'];
  message: string;
}

/**
 * What a finding's diagnostic keeps from one version to the next: an edit elsewhere in the
 * file keeps the finding object (the pipeline reuses a unit's placement when neither its
 * offset nor its line moved), so its range, link and fix ids are worked out once. Only
 * `data.version` (and a cross-claim finding's related claims) are worked out at each call.
 */
interface Converted {
  range: Diagnostic['range'];
  codeDescription: Diagnostic['codeDescription'];
  fixes: string[];
  /**
   * The diagnostic's JSON up to its `data.version` value (written once, by diagnosticJson):
   * a publish after an edit writes the ~8,000 unchanged diagnostics of a big file from it
   * instead of serializing each again. null: the JSON does not end as expected (never reused).
   */
  head?: DiagnosticHead | null;
}
const converted = new WeakMap<LocatedFinding, Converted>();

/**
 * Whether diagnostics carry the rule's page as `codeDescription`. A client that links each
 * diagnostic's code to the rule's page itself (ServerInitializationOptions.ruleLinks, as
 * claimlint's VS Code extension does: it opens the bundled page, not the online one) is sent
 * none: the link was a quarter of a big file's publish (0.85 of 3.7 MB for 7,665 diagnostics),
 * sent again at every edit. Set once by the language server at initialize, before any diagnostic.
 */
let linkInDiagnostics = true;
export function setRuleLinksInDiagnostics(inDiagnostics: boolean): void {
  linkInDiagnostics = inDiagnostics;
}

export interface DiagnosticHead {
  text: string;
  /** The writer's (src/server/messageJson.ts): the text's UTF-8 bytes, and where it last wrote them. */
  bytes?: Uint8Array;
  by?: object;
  at?: number;
}
/**
 * Whether the document's lines all end in \n (no \r): then a finding's range, placed by the
 * pipeline's line index on the same text, is the document's own (the document counts \r and
 * \r\n as line ends too), and converting it needs no line table of the document — the first
 * diagnostics of a 3 MB file opened do not wait for the editor's table of its 100,000 lines.
 */
function lfOnly(doc: TextDocument): boolean {
  const known = lineEnds.get(doc);
  if (known?.version === doc.version) return known.lfOnly;
  const lf = !doc.getText().includes('\r');
  lineEnds.set(doc, { version: doc.version, lfOnly: lf });
  return lf;
}
const lineEnds = new WeakMap<TextDocument, { version: number; lfOnly: boolean }>();

/**
 * Each diagnostic made here points at the conversion of its finding (read by diagnosticJson)
 * under a non-enumerable symbol key: not serialized, not copied by a spread (a copy is written
 * as it is), and about a quarter of the cost of a WeakMap entry per diagnostic at each edit.
 */
const ORIGIN = Symbol('claimlint.origin');

export function toDiagnostic(doc: TextDocument, finding: LocatedFinding & { related?: readonly RelatedClaim[] }): Diagnostic {
  return diagnosticOf(conversionOf(doc, finding), finding, doc.version);
}

/** The conversion of a finding in `doc` (its range there): made on the finding's first use, then kept with it. */
function conversionOf(doc: TextDocument, finding: LocatedFinding): Converted {
  let c = converted.get(finding);
  if (!c) {
    // A finding an edit only moved along the text (same lines and columns) reads as the one it
    // was copied from — in a document of \n lines, where both ranges are the pipeline's (the
    // same object): a lone \r would be a line break to the document and not to the pipeline.
    const before = shownAs(finding);
    c = before !== finding && lfOnly(doc) ? converted.get(before) : undefined;
    if (c && c.range !== finding.range) c = undefined;
    c ??= { range: lfOnly(doc) ? finding.range : rangeOf(doc, finding.span), codeDescription: linkInDiagnostics ? { href: docsUrl(finding.rule) } : undefined, fixes: finding.fixes.map((f) => f.id) };
    converted.set(finding, c);
  }
  return c;
}

/** A cross-claim finding's related claims as the diagnostic's relatedInformation. */
function relatedInformationOf(related: readonly RelatedClaim[]): NonNullable<Diagnostic['relatedInformation']> {
  return related.map((r) => ({ location: { uri: r.file, range: r.range }, message: r.message }));
}

function diagnosticOf(c: Converted, finding: LocatedFinding & { related?: readonly RelatedClaim[] }, version: number): Diagnostic {
  const data: ClaimDiagnosticData = { rule: finding.rule, fixes: c.fixes, version };
  const severity = SEVERITY[finding.severity];
  // Literals (no spread): the same keys in the same order, made without a slow object copy;
  // without the link when the client links the code itself (setRuleLinksInDiagnostics).
  const related = finding.related?.length ? relatedInformationOf(finding.related) : undefined;
  const { codeDescription } = c;
  let d: Diagnostic;
  if (codeDescription) {
    d = related
      ? { range: c.range, severity, source: DIAGNOSTIC_SOURCE, code: finding.rule, codeDescription, message: finding.message, relatedInformation: related, data }
      : { range: c.range, severity, source: DIAGNOSTIC_SOURCE, code: finding.rule, codeDescription, message: finding.message, data };
  } else {
    d = related
      ? { range: c.range, severity, source: DIAGNOSTIC_SOURCE, code: finding.rule, message: finding.message, relatedInformation: related, data }
      : { range: c.range, severity, source: DIAGNOSTIC_SOURCE, code: finding.rule, message: finding.message, data };
  }
  Object.defineProperty(d, ORIGIN, { value: c });
  return d;
}

/**
 * How many items two lists share at their start (`head`: the same objects at the same
 * indices) and then at their end (`tail`, counted from each list's end; head + tail is at
 * most the shorter length).
 */
export function sharedEnds<T>(before: readonly T[], after: readonly T[]): { head: number; tail: number } {
  const most = Math.min(before.length, after.length);
  let head = 0;
  while (head < most && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < most - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { head, tail };
}

/**
 * The diagnostics of a document version's findings, each as toDiagnostic makes it, made only
 * when read (`diagnostics`): the server's writer writes a publish of them from each finding's
 * kept JSON (`head`) without making ~8,000 objects at each edit of a big file. The findings'
 * places in the document are worked out here, at this version (the document changes later).
 */
export class FindingDiagnostics {
  private made?: Diagnostic[];
  private readonly conversions: Converted[];
  /** data.version of each diagnostic: the document's version when these were made. */
  readonly version: number;

  /**
   * `previous`: the document's publish before (its findings that are still here, the same
   * objects, at its start and end, take their conversions from it without a lookup).
   */
  constructor(
    doc: TextDocument,
    readonly findings: readonly (LocatedFinding & { related?: readonly RelatedClaim[] })[],
    previous?: FindingDiagnostics,
  ) {
    this.version = doc.version;
    const n = findings.length;
    const conversions: Converted[] = new Array(n);
    const { head, tail } = sharedEnds(previous?.findings ?? [], findings);
    for (let i = 0; i < head; i++) conversions[i] = previous!.conversions[i];
    for (let i = head; i < n - tail; i++) conversions[i] = conversionOf(doc, findings[i]);
    const shift = (previous?.findings.length ?? 0) - n;
    for (let i = n - tail; i < n; i++) conversions[i] = previous!.conversions[i + shift];
    this.conversions = conversions;
  }

  get length(): number {
    return this.findings.length;
  }

  /** The diagnostics (made on first read, then the same array). */
  get diagnostics(): Diagnostic[] {
    return (this.made ??= this.findings.map((f, i) => diagnosticOf(this.conversions[i], f, this.version)));
  }

  /** Whether `diagnostics` was read (then it is what is written: it may have been changed). */
  get wereMade(): boolean {
    return this.made !== undefined;
  }

  /**
   * The i-th diagnostic's JSON up to its `data.version` value (see headOf), or undefined when
   * it has none (then write JSON.stringify of `diagnosticAt(i)`). Undefined for a version
   * that is not a safe integer.
   */
  head(i: number): DiagnosticHead | undefined {
    const c = this.conversions[i];
    if (!Number.isSafeInteger(this.version)) return undefined;
    if (c.head === undefined) c.head = headText(c, this.findings[i]) ?? headOf(diagnosticOf(c, this.findings[i], this.version)) ?? null;
    return c.head ?? undefined;
  }

  /** Works out every diagnostic's JSON head now (see head), so a later publish of these findings only copies it. */
  prepare(): void {
    for (let i = 0; i < this.findings.length; i++) this.head(i);
  }

  diagnosticAt(i: number): Diagnostic {
    return this.made ? this.made[i] : diagnosticOf(this.conversions[i], this.findings[i], this.version);
  }
}

/**
 * `JSON.stringify(d)`, the same text, for the language server's messages: a diagnostic made
 * by toDiagnostic differs from the others of its finding only in `data.version` (its last
 * value), so the text before that is written once per finding and reused. Diagnostics must
 * not be changed after toDiagnostic made them (none is: the server only adds its own).
 */
export function diagnosticJson(d: Diagnostic): string {
  const head = headOf(d);
  return head ? `${head.text}${(d.data as ClaimDiagnosticData).version}}}` : JSON.stringify(d);
}

/**
 * The reusable text of a toDiagnostic diagnostic — its JSON up to the `data.version` value,
 * then "<version>}}" completes it — made on first use; undefined for any other diagnostic.
 * `bytes` is the writer's to keep the text's encoding in (src/server/messageJson.ts).
 */
export function headOf(d: Diagnostic): DiagnosticHead | undefined {
  const c = (d as { [ORIGIN]?: Converted })[ORIGIN];
  const version = (d.data as ClaimDiagnosticData | undefined)?.version;
  if (!c || c.head === null || typeof version !== 'number' || !Number.isSafeInteger(version)) return undefined;
  if (c.head === undefined) {
    const json = JSON.stringify(d);
    const tail = `"version":${version}}}`;
    c.head = json.endsWith(tail) ? { text: json.slice(0, json.length - String(version).length - 2), bytes: undefined, by: undefined, at: -1 } : null;
  }
  return c.head ?? undefined;
}

const SOURCE_JSON = JSON.stringify(DIAGNOSTIC_SOURCE);

/** The JSON around a diagnostic's message that depends only on its rule, severity and link (see ruleParts). */
interface RuleParts {
  severity: number;
  /** The link's href ('' without one). */
  href: string;
  /** From after the range up to the message: `,"severity":…,"message":`. */
  beforeMessage: string;
  /** From after the message (and related claims) up to the fixes: `,"data":{"rule":…,"fixes":`. */
  beforeFixes: string;
}
const partsByRule = new Map<string, RuleParts>();

/** The rule's parts of the head, written once per rule (a big file has ~8,000 findings of ~20 rules). */
function ruleParts(rule: string, severity: number, codeDescription: Diagnostic['codeDescription']): RuleParts {
  const known = partsByRule.get(rule);
  const href = codeDescription?.href ?? '';
  if (known?.severity === severity && known.href === href) return known;
  const id = JSON.stringify(rule);
  const link = codeDescription ? `"codeDescription":${JSON.stringify(codeDescription)},` : '';
  const parts: RuleParts = {
    severity,
    href,
    beforeMessage: `,"severity":${severity},"source":${SOURCE_JSON},"code":${id},${link}"message":`,
    beforeFixes: `,"data":{"rule":${id},"fixes":`,
  };
  partsByRule.set(rule, parts);
  return parts;
}

/** JSON.stringify of a range of integer positions, written out (the same text, a quarter of the time). */
function rangeJson(r: Diagnostic['range']): string {
  const { start, end } = r;
  return Number.isSafeInteger(start.line) && Number.isSafeInteger(start.character) && Number.isSafeInteger(end.line) && Number.isSafeInteger(end.character)
    ? `{"start":{"line":${start.line},"character":${start.character}},"end":{"line":${end.line},"character":${end.character}}}`
    : JSON.stringify(r);
}

/**
 * A finding's diagnostic head (see headOf) written out field by field, in diagnosticOf's key
 * order, without making the diagnostic: the first publish of a big file writes ~8,000 of
 * them, so what depends only on the rule is written once per rule (ruleParts). The same text
 * as JSON.stringify of the diagnostic up to `data.version` (test/unit/messageJson.test.ts
 * compares them); undefined for a finding whose diagnostic JSON.stringify would write
 * differently (a missing message or an unknown severity: then headOf, from the diagnostic).
 */
function headText(c: Converted, finding: LocatedFinding & { related?: readonly RelatedClaim[] }): DiagnosticHead | undefined {
  const severity = SEVERITY[finding.severity];
  if (typeof severity !== 'number' || typeof finding.message !== 'string' || typeof finding.rule !== 'string') return undefined;
  const parts = ruleParts(finding.rule, severity, c.codeDescription);
  const related = finding.related?.length
    ? `,"relatedInformation":${JSON.stringify(relatedInformationOf(finding.related))}`
    : '';
  const text = `{"range":${rangeJson(c.range)}${parts.beforeMessage}${JSON.stringify(finding.message)}${related}${parts.beforeFixes}${c.fixes.length ? JSON.stringify(c.fixes) : '[]'},"version":`;
  return { text, bytes: undefined, by: undefined, at: -1 };
}

/** The claimlint data of a diagnostic from the client, or undefined when it is not ours. */
export function diagnosticData(d: Diagnostic): ClaimDiagnosticData | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = d.data as Partial<ClaimDiagnosticData> | undefined;
  const rule = typeof data?.rule === 'string' ? data.rule : typeof d.code === 'string' ? d.code : undefined;
  if (!rule) return undefined;
  return {
    rule,
    fixes: Array.isArray(data?.fixes) ? data.fixes.filter((f): f is string => typeof f === 'string') : [],
    version: typeof data?.version === 'number' ? data.version : -1,
  };
}
