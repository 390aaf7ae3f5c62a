import { addOnWithoutPrimary } from './addOnWithoutPrimary';
import { codeNotPayable } from './codeNotPayable';
import { diagnosisPointerInvalid } from './diagnosisPointerInvalid';
import { ncciModifierMissing } from './ncciModifierMissing';
import { ncciPairDenied } from './ncciPairDenied';
import { npiInvalid } from './npiInvalid';
import { referenceDataOutdated } from './referenceDataOutdated';
import { unitsExceedMue } from './unitsExceedMue';
import { unknownCode } from './unknownCode';

export const codingRules = [unknownCode, codeNotPayable, unitsExceedMue, addOnWithoutPrimary, ncciModifierMissing, ncciPairDenied, npiInvalid, diagnosisPointerInvalid, referenceDataOutdated];
