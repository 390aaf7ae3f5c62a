import { claimIdDuplicate } from './claimIdDuplicate';
import { claimSchema } from './claimSchema';
import { internalError } from './internalError';
import { yamlSyntax } from './yamlSyntax';

export const parserRules = [yamlSyntax, claimSchema, claimIdDuplicate, internalError];
