import type { Rule } from '../../types';

/** NPI check digit: Luhn over the 9 leading digits prefixed with 80840 (the US health industry prefix). */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const npiInvalid: Rule = {
  id: 'npi-invalid',
  description: 'provider.npi is not 10 digits or fails its check digit',
  category: 'coding',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    'A National Provider Identifier is 10 digits, the last a check digit computed with the Luhn formula over the first nine ' +
    'digits prefixed with 80840. A typo in the NPI makes the claim unprocessable. The message never repeats the NPI.',
  source: 'CMS NPI standard (check digit per ISO/IEC 7812, prefix 80840); claim format provider.npi',
  check(ctx, report) {
    const npi = ctx.claim.provider?.npi;
    if (npi === undefined) return;
    const text = npi.trim();
    if (!/^\d{10}$/.test(text)) {
      report({ path: 'provider.npi', message: `provider.npi must be exactly 10 digits; it has ${text.length} character${text.length === 1 ? '' : 's'}${/\D/.test(text) ? ', not all digits' : ''}.` });
    } else if (!isValidNpi(text)) {
      report({ path: 'provider.npi', message: 'provider.npi fails the NPI check digit (Luhn with prefix 80840): a digit is probably mistyped.' });
    }
  },
};
