import type { Ctx } from './context';

export type AmountHint = 'fee' | 'rounding' | 'partial' | 'sign' | 'other';

/**
 * Why two amounts that should agree do not, from cheapest story to dearest: the difference is a
 * fee on either side; a rounding slip (≤ 1 minor unit); a partial amount (same sign, smaller);
 * a sign flip (refund booked as charge); otherwise unexplained.
 */
export function amountHint(
  ctx: Ctx, l: number, r: number, delta: number,
  // The amounts as the pass compared them (net of fees where its basis says so).
  la = ctx.left.input.amountMinor[l]!, ra = ctx.right.input.amountMinor[r]!,
): AmountHint {
  const size = Math.abs(delta);
  const leftFee = ctx.left.input.feeMinor[l]!;
  const rightFee = ctx.right.input.feeMinor[r]!;
  if (size > 0 && (size === Math.abs(rightFee) || size === Math.abs(leftFee))) return 'fee';
  if (size <= 1) return 'rounding';
  const grossLeft = ctx.left.input.amountMinor[l]!;
  if (grossLeft !== 0 && ctx.right.input.amountMinor[r]! === -grossLeft) return 'sign';
  if (Math.sign(la) === Math.sign(ra) && Math.abs(ra) < Math.abs(la)) return 'partial';
  return 'other';
}
