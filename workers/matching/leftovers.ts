import {
  allowance, basisAmount, BROKEN, FREE, keysOf, type AmountToleranceLike, type Ctx, type Side,
} from './context';
import type { KeyField, TimeWindow } from './ruleSet';
import { lowerBound, sortedFreeIndex } from './sortedIndex';

export interface Reference {
  amount: AmountToleranceLike;
  time: TimeWindow;
  leftKey: KeyField;
  rightKey: KeyField;
  /** An aggregate pass's window stands in (no 1:1 pass): records pair without keys, which it never compares. */
  keyless?: true;
}

/** The pass whose tolerances define "the counterpart, but outside the window". */
export function referencePass(ctx: Ctx): Reference {
  const passes = ctx.rules.passes;
  const tol = passes.find((p) => p.strategy === 'tolerance');
  if (tol && tol.strategy === 'tolerance') return tol;
  const exact = passes.find((p) => p.strategy === 'exact_key');
  if (exact && exact.strategy === 'exact_key') return exact;
  const first = passes[0]!;
  return { amount: first.amount, time: first.time, leftKey: 'externalId', rightKey: 'externalId', keyless: true };
}

/**
 * What is left after the passes. First, key-compatible pairs that would match but for the time
 * window (within the horizon) become `delay` breaks naming both records, nearest in time first.
 * Then each remaining record is `delay` when its counterpart may still arrive — the latest time the
 * counterpart could carry (left: ts + maxDeltaMs; right: ts − minDeltaMs, of the reference window)
 * lies beyond the other source's data frontier — and otherwise `missing_right` (left) /
 * `missing_left` (right).
 */
export function classifyLeftovers(ctx: Ctx): void {
  pairDelays(ctx);
  const window = referencePass(ctx).time;
  // The latest time a counterpart could carry: left + maxDelta, right − minDelta.
  single(ctx, ctx.left, ctx.right.frontier, window.maxDeltaMs, 'missing_right', ctx.ambiguousLeft);
  single(ctx, ctx.right, ctx.left.frontier, -window.minDeltaMs, 'missing_left', ctx.ambiguousRight);
}

function single(
  ctx: Ctx, side: Side, otherFrontier: number, reachMs: number, missing: 'missing_left' | 'missing_right', ambiguous: Set<number>,
): void {
  const ts = side.input.tsMs;
  for (let i = 0; i < side.n; i += 1) {
    if (side.state[i] !== FREE) continue;
    side.state[i] = BROKEN;
    const latest = ts[i]! + reachMs;
    const beyond = latest > otherFrontier;
    ctx.breaks.push({
      cls: beyond ? 'delay' : missing,
      left: side.name === 'left' ? [i] : [],
      right: side.name === 'right' ? [i] : [],
      amountMinor: Math.abs(side.input.amountMinor[i]!),
      currency: ctx.currencies[side.cur[i]!]!,
      facts: {
        ...(beyond ? { beyondFrontier: true, frontierMs: otherFrontier, latestCounterpartMs: latest } : {}),
        ...(ambiguous.has(i) ? { ambiguous: true } : {}),
      },
    });
  }
}

function pairDelays(ctx: Ctx): void {
  const { left, right } = ctx;
  const ref = referencePass(ctx);
  const horizon = ctx.rules.delay.horizonMs;
  const lk = keysOf(ctx, left, ref.leftKey);
  const rk = keysOf(ctx, right, ref.rightKey);
  const index = sortedFreeIndex(ctx, right, (r) => basisAmount(right, r, ref.amount.rightBasis), 'amount');
  if (index.order.length === 0) return;
  const eL: number[] = [];
  const eR: number[] = [];
  const eTd: number[] = [];
  for (let l = 0; l < left.n; l += 1) {
    if (left.state[l] !== FREE) continue;
    const lts = left.input.tsMs[l]!;
    if (lts !== lts) continue;
    const la = basisAmount(left, l, ref.amount.leftBasis);
    const allow = allowance(ref.amount, la);
    const bucket = index.bucketOf(ctx, left, l);
    const lkey = lk[l]!;
    let found = 0;
    for (let p = lowerBound(index, bucket, la - allow); p < index.order.length && found < 4; p += 1) {
      if (index.bucket[p] !== bucket || index.value[p]! > la + allow) break;
      const r = index.order[p]!;
      const rkey = rk[r]!;
      if (!ref.keyless && lkey !== null && rkey !== null && lkey !== rkey) continue;
      const td = right.input.tsMs[r]! - lts;
      const outside = td < ref.time.minDeltaMs || td > ref.time.maxDeltaMs;
      if (!outside || td < ref.time.minDeltaMs - horizon || td > ref.time.maxDeltaMs + horizon) continue;
      eL.push(l);
      eR.push(r);
      eTd.push(Math.abs(td));
      found += 1;
    }
  }
  const order = Array.from(eL.keys()).sort((a, b) => eTd[a]! - eTd[b]! || eL[a]! - eL[b]! || eR[a]! - eR[b]!);
  for (const e of order) {
    const l = eL[e]!;
    const r = eR[e]!;
    if (left.state[l] !== FREE || right.state[r] !== FREE) continue;
    left.state[l] = BROKEN;
    right.state[r] = BROKEN;
    ctx.breaks.push({
      cls: 'delay',
      left: [l],
      right: [r],
      amountMinor: Math.abs(left.input.amountMinor[l]!),
      currency: ctx.currencies[left.cur[l]!]!,
      facts: { paired: true, outsideWindow: true, failed: { time: true } },
    });
  }
}
