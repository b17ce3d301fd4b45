import { FREE, type Ctx, type Side } from './context';

/**
 * The free records of one side sorted by (bucket, value, time, index), where the bucket is
 * account × currency as far as the constraints ask and the value is an amount or a timestamp.
 * Range scans over it replace nested loops: a window is a binary search plus a short walk.
 */
export interface SortedIndex {
  order: Int32Array;
  bucket: Float64Array;
  value: Float64Array;
  bucketOf(ctx: Ctx, side: Side, i: number): number;
}

export function bucketFn(ctx: Ctx): (side: Side, i: number) => number {
  const nCur = ctx.currencies.length;
  const byAccount = ctx.rules.constraints.sameAccount;
  const byCurrency = ctx.rules.constraints.sameCurrency;
  return (side, i) => (byAccount ? side.acct[i]! : 0) * nCur + (byCurrency ? side.cur[i]! : 0);
}

export function sortedFreeIndex(ctx: Ctx, side: Side, valueOf: (i: number) => number, _kind: 'amount' | 'time'): SortedIndex {
  const bucketOfSide = bucketFn(ctx);
  const ts = side.input.tsMs;
  let count = 0;
  for (let i = 0; i < side.n; i += 1) if (side.state[i] === FREE && ts[i] === ts[i]) count += 1;
  const ids = new Int32Array(count);
  const bucketBy = new Float64Array(side.n);
  const valueBy = new Float64Array(side.n);
  let k = 0;
  for (let i = 0; i < side.n; i += 1) {
    if (side.state[i] !== FREE || ts[i] !== ts[i]) continue;
    ids[k++] = i;
    bucketBy[i] = bucketOfSide(side, i);
    valueBy[i] = valueOf(i);
  }
  ids.sort((a, b) => bucketBy[a]! - bucketBy[b]! || valueBy[a]! - valueBy[b]! || ts[a]! - ts[b]! || a - b);
  const bucket = new Float64Array(count);
  const value = new Float64Array(count);
  for (let p = 0; p < count; p += 1) {
    bucket[p] = bucketBy[ids[p]!]!;
    value[p] = valueBy[ids[p]!]!;
  }
  return { order: ids, bucket, value, bucketOf: (_ctx, s, i) => bucketOfSide(s, i) };
}

/** First position whose (bucket, value) is ≥ the given pair. */
export function lowerBound(index: SortedIndex, bucket: number, value: number): number {
  let lo = 0;
  let hi = index.order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const b = index.bucket[mid]!;
    if (b < bucket || (b === bucket && index.value[mid]! < value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
