import { timedCodeSplitLines } from './timedCodeSplitLines';
import { timedMinutesMissing } from './timedMinutesMissing';
import { timedUnits51Percent } from './timedUnits51Percent';
import { timedUnitsAllocation } from './timedUnitsAllocation';
import { timedUnitsPerCode } from './timedUnitsPerCode';
import { timedUnitsTotal } from './timedUnitsTotal';
import { untimedUnits } from './untimedUnits';
import { visitMinutesMismatch } from './visitMinutesMismatch';

export const unitRules = [timedUnitsTotal, timedUnitsAllocation, timedUnitsPerCode, timedUnits51Percent, timedMinutesMissing, untimedUnits, timedCodeSplitLines, visitMinutesMismatch];
