/** A large 837P for the bench: `claims` CLM loops, one per patient, in envelopes of 1,000 claims. */
import { billingProvider, interchange, line, subscriber } from '../support/x12';

export function file837(claims: number): string {
  const parts: string[] = [];
  const perEnvelope = 1000;
  for (let e = 0; e * perEnvelope < claims; e++) {
    const body: string[] = [...billingProvider(1, '1679576722', '225100000X')];
    let hl = 2;
    for (let i = e * perEnvelope; i < Math.min(claims, (e + 1) * perEnvelope); i++) {
      body.push(
        ...subscriber(hl++, 1, i % 3 ? 'MB' : 'CI', `MBR${String(i).padStart(8, '0')}`, i % 3 ? 'MEDICARE PART B' : 'ACME HEALTH PLAN'),
        `CLM*B-${i}*300***11:B:1*Y*A*Y*Y`,
        'HI*ABK:M25661*ABF:R262',
        ...line(1, '97110', ['GP'], '80', '2', '1:2', '20260302'),
        ...line(2, '97140', ['GP', '59'], '40', '1', '1', '20260302'),
        ...line(3, '97530', ['GP'], '120', '3', '2', i % 4 ? '20260302' : '20260305'),
      );
    }
    parts.push(interchange(e + 1, [[body]]));
  }
  return parts.join('');
}
