import type { Rule } from '../../types';
import { assistantModifierMismatch } from './assistantModifierMismatch';
import { assistantModifierMissing } from './assistantModifierMissing';
import { assistantModifierUnsupported } from './assistantModifierUnsupported';
import { assistantOnEvaluation } from './assistantOnEvaluation';
import { distinctModifierConflict } from './distinctModifierConflict';
import { kxModifierMissing } from './kxModifierMissing';
import { kxModifierPremature } from './kxModifierPremature';
import { kxReviewThreshold } from './kxReviewThreshold';
import { therapyModifierConflict } from './therapyModifierConflict';
import { therapyModifierMismatch } from './therapyModifierMismatch';
import { therapyModifierMissing } from './therapyModifierMissing';
import { unknownModifier } from './unknownModifier';

/** Therapy, assistant, KX and NCCI-bypass modifier rules (issue 3). */
export const modifierRules: Rule[] = [
  unknownModifier,
  therapyModifierMissing,
  therapyModifierMismatch,
  therapyModifierConflict,
  assistantModifierMissing,
  assistantModifierMismatch,
  assistantModifierUnsupported,
  assistantOnEvaluation,
  kxModifierMissing,
  kxModifierPremature,
  kxReviewThreshold,
  distinctModifierConflict,
];
