import * as z from 'zod';
import { optionsSchema, payerTypesOption } from '../../config/optionSchemas';
import { money } from '../../billing/kx';
import { accruedClaims, describeBefore, earlierInBucket } from '../../patients/accrual';
import { claimList } from '../../patients/names';
import type { KxBucket } from '../../data/types';
import { defineRule } from '../applies';

const DEFAULTS = { tolerance: 1 };

export const ytdAllowedMismatch = defineRule({
  id: 'ytd-allowed-mismatch',
  description: "A claim's stated patient.ytd_allowed disagrees with what the patient's earlier claims add up to",
  category: 'modifiers',
  defaultSeverity: 'warning',
  fixable: false,
  defaults: DEFAULTS,
  payerTypes: ['medicare'],
  options: optionsSchema({
    tolerance: z.number().nonnegative().max(100000).describe('Difference in US dollars accepted between the stated and the accrued amount (default 1.00).'),
    payerTypes: payerTypesOption,
  }),
  rationale:
    'patient.ytd_allowed is the allowed amount for the year before the visit, per bucket (PT+SLP, OT); the KX and review thresholds are judged ' +
    'with it. When earlier claims of the same patient.id are audited together, the amount is known: the earliest claim of the year\'s stated ' +
    'amount (the baseline) plus every earlier claim, priced as everywhere else (national amounts with the multiple procedure payment reduction, ' +
    'CQ/CO at the assistant rate, never more than a line\'s charge). A stated amount that differs from it by more than the tolerance (option ' +
    'tolerance, default 1.00 US dollar, for rounding) means a claim is missing from the set, was priced differently or the field was typed wrong, and the KX ' +
    'decision on the claim may be wrong. The finding names the earlier claims by claim id and file. Option payerTypes (default ["medicare"]).',
  source: 'BBA 2018 (threshold per beneficiary per year); NGS [S37]; MPPR Pub 100-04 ch. 5 §10.7; billing-rules §4.3, §13.9',
  checkPatient(ctx, report) {
    for (const { claim: c, year: y, options: opts } of accruedClaims(ctx)) {
      for (const bucket of ['pt_slp', 'ot'] as KxBucket[]) {
        const stated = c.ytd?.[bucket];
        if (stated === undefined) continue;
        const b = y.buckets[bucket];
        const diff = Math.round(Math.abs(stated - b.before) * 100) / 100;
        if (!(diff > opts.tolerance)) continue;
        const earlier = y.earlier.filter((e) => e.lines.some((l) => l.bucket === bucket));
        report({
          claim: c,
          path: `patient.ytd_allowed.${bucket}`,
          message:
            `patient.ytd_allowed.${bucket} is ${money(stated)}, but the patient's earlier claims of ${y.year} put the ${b.label} amount before this visit at ` +
            `${money(b.before)} (${describeBefore(y, bucket)}${earlier.length ? `: ${claimList(earlier)}` : ''}); the difference of ${money(diff)} is more than the ` +
            `tolerance of ${money(opts.tolerance)}.`,
          related: earlierInBucket(y, bucket),
        });
      }
    }
  },
});
