import { timedCodeSplitLines } from './timedCodeSplitLines';
import { timedMinutesMissing } from './timedMinutesMissing';
import { timedUnitsAllocation } from './timedUnitsAllocation';
import { timedUnitsPerCode } from './timedUnitsPerCode';
import { timedUnitsTotal } from './timedUnitsTotal';
import { untimedUnits } from './untimedUnits';
import { visitMinutesMismatch } from './visitMinutesMismatch';

export const unitRules = [timedUnitsTotal, timedUnitsAllocation, timedUnitsPerCode, timedMinutesMissing, untimedUnits, timedCodeSplitLines, visitMinutesMismatch];
