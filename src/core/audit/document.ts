/**
 * Audits one YAML document of the stream, either cut into its claims (each parsed and
 * cached on its own) or parsed whole when the layout cannot be cut safely.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { ResolvedConfig } from '../config/schema';
import { documentLayout, type DocumentSlice } from '../parse/split';
import { yamlErrorMessage } from '../parse/yamlErrors';
import { prefixPath } from '../parse/sourceMap';
import { auditClaimNode, severityFor, type ClaimFinding } from './claim';
import type { AuditCache, CachedUnit } from './cache';

export interface PlacedUnit extends CachedUnit {
  /** Offset of the parsed text in the file. */
  base: number;
  /** Prefix of every path, e.g. claims[3]. */
  prefix: string;
}

/** Messages are cached per claim text, so they carry no index; the finding's path does. */
const NOT_A_CLAIM = 'A claim must be a mapping of its fields (id, date_of_service, payer, lines …).';

export const PARSE_OPTIONS = { prettyErrors: false, keepSourceTokens: false, uniqueKeys: true } as const;

export function auditDocumentSlice(
  text: string,
  slice: DocumentSlice,
  config: ResolvedConfig,
  configKey: string,
  cache: AuditCache | undefined,
  forceWhole = false,
): PlacedUnit[] {
  const layout = forceWhole ? { kind: 'whole' as const } : documentLayout(text, slice);
  if (layout.kind === 'claims') {
    const units: PlacedUnit[] = [];
    for (let k = 0; k < layout.items.length; k++) {
      const item = layout.items[k];
      const itemText = text.slice(item.start, item.end);
      const key = `c\u0000${configKey}\u0000${itemText}`;
      let unit = cache?.get(key);
      if (!unit) {
        const parsed = auditClaimItem(itemText, config);
        if (!parsed) return auditDocumentSlice(text, slice, config, configKey, cache, true);
        unit = parsed;
        cache?.set(key, unit);
      }
      units.push({ ...unit, base: item.start, prefix: `claims[${k}]` });
    }
    return units;
  }
  const docText = text.slice(slice.start, slice.end);
  const key = `d\u0000${configKey}\u0000${docText}`;
  let unit = cache?.get(key);
  if (!unit) {
    unit = auditWholeDocument(docText, config);
    cache?.set(key, unit);
  }
  return [{ ...unit, base: slice.start, prefix: '' }];
}

/** One `- ` item of a claims list, parsed on its own as a one-item sequence. */
function auditClaimItem(itemText: string, config: ResolvedConfig): CachedUnit | undefined {
  const doc = parseDocument(itemText, PARSE_OPTIONS);
  const seq = doc.contents;
  if (!isSeq(seq) || seq.items.length !== 1) return undefined;
  if (doc.errors.length) {
    // Report the syntax error; the claim itself cannot be trusted, the others still are.
    return { findings: syntaxFindings(doc.errors, config, () => ''), ids: [] };
  }
  const item = seq.items[0] as Node | null;
  if (!isMap(item)) {
    // The same finding the whole-document path gives (the path carries the index).
    const severity = severityFor(config, 'claim-schema');
    const r = item?.range;
    if (!r || severity === 'off') return { findings: [], ids: [] };
    return { findings: [{ rule: 'claim-schema', severity, message: NOT_A_CLAIM, path: '', span: { start: r[0], end: r[1] }, fixes: [] }], ids: [] };
  }
  return auditClaim(item, doc, itemText, config, '');
}

function auditClaim(node: Node, doc: Document, text: string, config: ResolvedConfig, prefix: string): CachedUnit {
  const findings = auditClaimNode(node, doc, text, config).map((f) => ({ ...f, path: prefixPath(prefix, f.path) }));
  const ids: CachedUnit['ids'] = [];
  if (isMap(node)) {
    const idPair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'id');
    const v = idPair?.value as Node | undefined;
    if (isScalar(v) && v.range && v.value !== null) ids.push({ id: String(v.value), path: prefixPath(prefix, 'id'), start: v.range[0], end: v.range[1] });
  }
  return { findings, ids };
}

function auditWholeDocument(docText: string, config: ResolvedConfig): CachedUnit {
  const doc = parseDocument(docText, PARSE_OPTIONS);
  const out: CachedUnit = { findings: syntaxFindings(doc.errors, config, (pos) => claimItemAt(doc, pos)), ids: [] };
  const errorAt = doc.errors.map((e) => e.pos[0]);
  const inError = (n: Node): boolean => !!n.range && errorAt.some((p) => p >= n.range![0] && p <= n.range![2]);
  const schema = severityFor(config, 'claim-schema');
  const structural = (path: string, start: number, end: number, message: string): void => {
    if (schema !== 'off') out.findings.push({ rule: 'claim-schema', severity: schema, message, path, span: { start, end }, fixes: [] });
  };
  const root = doc.contents as Node | null;
  if (!isMap(root)) {
    if (!doc.errors.length) {
      const r = root?.range ?? [0, 0, 0];
      structural('', r[0], r[1], 'A claim document must be a mapping with a claim: or claims: key.');
    }
    return out;
  }
  let seenTop = false;
  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    const kr = keyNode?.range ?? [0, 0, 0];
    const value = pair.value as Node | null;
    if (name !== 'claim' && name !== 'claims') {
      structural(name, kr[0], kr[1], `${name || 'key'}: unknown top-level key; a document holds claim: or claims:.`);
      continue;
    }
    if (seenTop) {
      structural(name, kr[0], kr[1], `${name}: a document holds either claim: or claims:, not both.`);
      continue;
    }
    seenTop = true;
    if (name === 'claim') {
      if (value && isMap(value) && !inError(value)) merge(out, auditClaim(value, doc, docText, config, 'claim'));
      else if (!value || !isMap(value)) structural('claim', kr[0], kr[1], 'claim: expected a mapping (one claim).');
    } else if (isSeq(value)) {
      value.items.forEach((item, k) => {
        const n = item as Node;
        if (isMap(n) && !inError(n)) merge(out, auditClaim(n, doc, docText, config, `claims[${k}]`));
        else if (!isMap(n) && n?.range) structural(`claims[${k}]`, n.range[0], n.range[1], NOT_A_CLAIM);
      });
    } else {
      structural('claims', kr[0], kr[1], 'claims: expected a list of claims.');
    }
  }
  if (root.items.length === 0 && !doc.errors.length) structural('', root.range![0], root.range![0], 'A claim document must have a claim: or claims: key.');
  return out;
}

function merge(into: CachedUnit, unit: CachedUnit): void {
  into.findings.push(...unit.findings);
  into.ids.push(...unit.ids);
}

/** Path of the claims[k] item holding an offset (how the split path names its errors). */
function claimItemAt(doc: Document, pos: number): string {
  const root = doc.contents;
  if (!isMap(root)) return '';
  const claims = root.get('claims', true) as Node | undefined;
  if (!isSeq(claims)) return '';
  const k = claims.items.findIndex((n) => {
    const r = (n as Node | null)?.range;
    return !!r && pos >= r[0] && pos <= r[2];
  });
  return k < 0 ? '' : `claims[${k}]`;
}

export function syntaxFindings(errors: readonly YAMLError[], config: ResolvedConfig, pathAt: (pos: number) => string): ClaimFinding[] {
  const severity = severityFor(config, 'yaml-syntax');
  if (severity === 'off') return [];
  return errors.map((e) => ({
    rule: 'yaml-syntax',
    severity,
    message: yamlErrorMessage(e),
    path: pathAt(e.pos[0]),
    span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) },
    fixes: [],
  }));
}
