/**
 * Reads an intervention for specific but unskilled care (documentation-unskilled): a
 * program the patient did alone while watched, feeding a patient or watching a meal, or
 * walking logged by distance, with nothing that needed a therapist's skill beside it.
 * The lists live in documentation-unskilled.words.json with their sources.
 */
import { optionsSchema, phraseListOption } from '../config/optionSchemas';
import words from './documentation-unskilled.words.json';
import { cues, hasAny, rareLabels, type PhraseSpec } from './phrases';

export interface UnskilledOptions {
  unskilledCues: PhraseSpec[];
  ambulationLog: PhraseSpec[];
  skilledCues: PhraseSpec[];
}

export const UNSKILLED_DEFAULTS: UnskilledOptions = {
  unskilledCues: words.unskilledCues.value,
  ambulationLog: words.ambulationLog.value,
  skilledCues: words.skilledCues.value,
};

export const UNSKILLED_OPTIONS = optionsSchema({
  unskilledCues: phraseListOption.describe('Care that needs no therapist\'s skill: a program done alone, feeding, a meal watched (replaces the built-in list).'),
  ambulationLog: phraseListOption.describe('Walking logged by distance (replaces the built-in list).'),
  skilledCues: phraseListOption.describe('Signs of skill that outweigh an unskilled cue: cueing, instruction, progression, assessment, a named strategy (replaces the built-in list).'),
});

/** The unskilled cues an intervention shows, or none when a skilled cue goes with them. */
export function unskilledCues(text: string, opts: UnskilledOptions): string[] {
  const seen = [...rareLabels(text, cues(opts.unskilledCues)), ...rareLabels(text, cues(opts.ambulationLog))];
  if (!seen.length || hasAny(text, cues(opts.skilledCues))) return [];
  return seen;
}
