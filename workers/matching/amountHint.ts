import type { Ctx } from './context';

export type AmountHint = 'fee' | 'rounding' | 'partial' | 'sign' | 'other';

/**
 * Why two amounts that should agree do not, from cheapest story to dearest: the difference is a
 * fee on either side; a rounding slip (≤ 1 minor unit); a partial amount (same sign, smaller);
 * a sign flip (refund booked as charge); otherwise unexplained.
 */
export function amountHint(ctx: Ctx, l: number, r: number, delta: number): AmountHint {
  const size = Math.abs(delta);
  const leftFee = ctx.left.input.feeMinor[l]!;
  const rightFee = ctx.right.input.feeMinor[r]!;
  if (size > 0 && (size === Math.abs(rightFee) || size === Math.abs(leftFee))) return 'fee';
  if (size <= 1) return 'rounding';
  const la = ctx.left.input.amountMinor[l]!;
  const ra = ctx.right.input.amountMinor[r]!;
  if (la !== 0 && ra === -la) return 'sign';
  if (Math.sign(la) === Math.sign(ra) && Math.abs(ra) < Math.abs(la)) return 'partial';
  return 'other';
}
