/**
 * A file's claims for the patient index without the `yaml` parser: the same cut into
 * documents and claims-list items as pipeline/analyze.ts, each item (or `claim:` document) read by the quick
 * scanner as the pipeline reads it (pipeline/unit.ts quickUnit: plain data and source map, no yaml parse), validated and
 * priced by the same code (./facts.ts fileClaims) — so the result is identical to
 * fileClaims(analyze(text)). Undefined whenever any part of the file leaves the scanner's
 * subset (or the guard refuses the text): the caller
 * then analyses the file as always. The language server's index of unopened files uses it
 * (src/node/fileRecord.ts); open documents keep the editor's analysis.
 */
import type { ResolvedConfig } from '../config/schema';
import { BUILTIN_DATA, type ReferenceData } from '../data/reference';
import { guardText } from '../parse/guard';
import { LineIndex } from '../parse/lines';
import { documentLayout, splitDocuments } from '../parse/split';
import { analysisKey } from '../pipeline/analyze';
import { quickUnit } from '../pipeline/unit';
import { fileClaims, type FactUnit } from './facts';
import type { FilePatientClaims } from './types';

export function quickFileClaims(text: string, config: ResolvedConfig, data: ReferenceData = BUILTIN_DATA, file: string, label = file): FilePatientClaims | undefined {
  if (guardText(text)) return undefined;
  const docs = splitDocuments(text);
  if (!docs) return undefined;
  const units: FactUnit[] = [];
  for (let d = 0; d < docs.length; d++) {
    const layout = documentLayout(text, docs[d]);
    if (layout.kind === 'whole') {
      // A `claim:` document: one claim, its paths under `claim`, as parseWholeUnit gives it.
      const unit = quickUnit('whole', text.slice(docs[d].start, docs[d].end));
      if (!unit) return undefined;
      units.push({ unit, base: docs[d].start, prefix: '', document: d });
      continue;
    }
    for (let k = 0; k < layout.items.length; k++) {
      const { start, end } = layout.items[k];
      const unit = quickUnit('item', text.slice(start, end));
      if (!unit) return undefined;
      units.push({ unit, base: start, prefix: `claims[${k}]`, document: d });
    }
  }
  return fileClaims({ units, lines: new LineIndex(text), configKey: analysisKey(config, data), config, data }, file, label);
}
