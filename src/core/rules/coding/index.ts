import { addOnWithoutPrimary } from './addOnWithoutPrimary';
import { codeNotPayable } from './codeNotPayable';
import { diagnosisPointerInvalid } from './diagnosisPointerInvalid';
import { dryNeedlingNotCovered } from './dryNeedlingNotCovered';
import { ncciModifierMissing } from './ncciModifierMissing';
import { ncciPairDenied } from './ncciPairDenied';
import { npiInvalid } from './npiInvalid';
import { referenceDataOutdated } from './referenceDataOutdated';
import { unitsExceedMue } from './unitsExceedMue';
import { unknownCode } from './unknownCode';

export const codingRules = [unknownCode, codeNotPayable, dryNeedlingNotCovered, unitsExceedMue, addOnWithoutPrimary, ncciModifierMissing, ncciPairDenied, npiInvalid, diagnosisPointerInvalid, referenceDataOutdated];
