import { unknownCode } from './unknownCode';

export const codingRules = [unknownCode];
