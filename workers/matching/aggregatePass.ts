import { allowance, basisAmount, BROKEN, FREE, MATCHED, STRATEGIES, type Ctx } from './context';
import type { AggregatePass } from './ruleSet';
import { bucketFn, lowerBound, sortedFreeIndex } from './sortedIndex';

const STRATEGY = STRATEGIES.indexOf('aggregate');
const MIN_CANDIDATES = 256;

/**
 * Aggregation N:1 / 1:N: one record of the "one" side (a payout, a bank line) equals the sum of
 * several records of the "many" side (charges, net of fees when the basis says so), same bucket,
 * inside the time window, at most maxGroupSize of them. "One" records are visited in time order
 * (then canonical order); each claims its group so a record never joins two groups. Within the window
 * the group chosen is, first tier that fits: every free candidate; every candidate but one; a
 * contiguous run in time order. When two different groups of one tier fit, the "one" record is
 * reported ambiguous and nothing is claimed. Subset sums beyond these are not searched (they are
 * exponential and rarely what happened).
 */
/** The "one" side's free records of a pass in time order, and each one's free candidates of the "many" side in its window. */
function aggregateScan(ctx: Ctx, pass: AggregatePass) {
  const many = pass.many === 'left' ? ctx.left : ctx.right;
  const one = pass.many === 'left' ? ctx.right : ctx.left;
  const manyBasis = pass.many === 'left' ? pass.amount.leftBasis : pass.amount.rightBasis;
  const oneBasis = pass.many === 'left' ? pass.amount.rightBasis : pass.amount.leftBasis;
  const oneTs = one.input.tsMs;
  const index = sortedFreeIndex(ctx, many, (i) => many.input.tsMs[i]!, 'time');
  const bucketOf = bucketFn(ctx);
  const ones: number[] = [];
  for (let o = 0; o < one.n; o += 1) if (one.state[o] === FREE && oneTs[o] === oneTs[o]) ones.push(o);
  ones.sort((a, b) => oneTs[a]! - oneTs[b]! || a - b);
  // Candidates considered per record, in time order from the window's start: enough for every tier at this group size.
  const limit = Math.max(pass.maxGroupSize * 2, MIN_CANDIDATES);
  const candidates: number[] = [];
  const values: number[] = [];
  /** Fills candidates and values (their amounts on the pass's basis) for the "one" record o, in its window widened by `widen` ms. */
  const collect = (o: number, widen = 0): void => {
    const t = oneTs[o]!;
    const [from, to] = pass.many === 'left'
      ? [t - pass.time.maxDeltaMs - widen, t - pass.time.minDeltaMs + widen]
      : [t + pass.time.minDeltaMs - widen, t + pass.time.maxDeltaMs + widen];
    const bucket = bucketOf(one, o);
    candidates.length = 0;
    values.length = 0;
    for (let p = lowerBound(index, bucket, from); p < index.order.length && candidates.length < limit; p += 1) {
      if (index.bucket[p] !== bucket || index.value[p]! > to) break;
      const m = index.order[p]!;
      if (many.state[m] !== FREE) continue;
      candidates.push(m);
      values.push(basisAmount(many, m, manyBasis));
    }
  };
  const target = (o: number) => basisAmount(one, o, oneBasis);
  return { many, one, ones, candidates, values, collect, target };
}

/**
 * Aggregation N:1 / 1:N: one record of the "one" side (a payout, a bank line) equals the sum of
 * several records of the "many" side (charges, net of fees when the basis says so), same bucket,
 * inside the time window, at most maxGroupSize of them. "One" records are visited in time order
 * (then canonical order); each claims its group so a record never joins two groups. Within the window
 * the group chosen is, first tier that fits: every free candidate; every candidate but one; a
 * contiguous run in time order. When two different groups of one tier fit, the "one" record is
 * reported ambiguous and nothing is claimed. Subset sums beyond these are not searched (they are
 * exponential and rarely what happened).
 */
export function aggregatePass(ctx: Ctx, pass: AggregatePass, passIndex: number, tick: (i: number) => void): void {
  const { many, one, ones, candidates, values, collect, target: targetOf } = aggregateScan(ctx, pass);
  const manyBasis = pass.many === 'left' ? pass.amount.leftBasis : pass.amount.rightBasis;
  const manyTs = many.input.tsMs;
  for (let k = 0; k < ones.length; k += 1) {
    if ((k & 0xfff) === 0) tick(k);
    const o = ones[k]!;
    const t = one.input.tsMs[o]!;
    collect(o);
    if (candidates.length === 0) continue;
    const target = targetOf(o);
    // The tolerance is taken on the left amount: the group's sum when the many records are on the left.
    const allow = pass.many === 'left' ? (sum: number) => allowance(pass.amount, sum) : allowance(pass.amount, target);
    const group = findGroup(values, target, allow, pass.maxGroupSize);
    if (group === 'ambiguous') {
      // Two different groups fit equally well: report it rather than pick one silently.
      const ambiguous = pass.many === 'left' ? ctx.ambiguousRight : ctx.ambiguousLeft;
      if (!ambiguous.has(o)) {
        ambiguous.add(o);
        ctx.ambiguous += 1;
      }
      continue;
    }
    if (!group) continue;
    const members = group.map((g) => candidates[g]!);
    let sum = 0;
    let earliest = Infinity;
    let latest = -Infinity;
    for (const m of members) {
      many.state[m] = MATCHED;
      sum += basisAmount(many, m, manyBasis);
      earliest = Math.min(earliest, manyTs[m]!);
      latest = Math.max(latest, manyTs[m]!);
    }
    one.state[o] = MATCHED;
    const delta = pass.many === 'left' ? target - sum : sum - target;
    const timeDelta = pass.many === 'left' ? t - earliest : latest - t;
    const score = Math.round((1 - Math.min(1, Math.abs(delta) / Math.max(1, Math.abs(target))) * 0.5) * 1e6) / 1e6;
    if (pass.many === 'left') ctx.matches.addGroup(STRATEGY, passIndex, score, members, [o], delta, timeDelta);
    else ctx.matches.addGroup(STRATEGY, passIndex, score, [o], members, delta, timeDelta);
  }
}

/**
 * After every pass: a "one" record still free (not ambiguous) whose window holds free records of the
 * other side that sum close to it is the same settlement with a wrong amount — one `amount_mismatch`
 * break naming the record and that group, rather than one missing break per record. Close means the
 * difference is a rounding slip (≤ 1 minor unit), exactly the group's fees (compared gross instead of
 * net), or, with the same sign, the smaller of sum and amount at least half the larger (a charge missing
 * from the group, or paid in part). Anything further is left to the missing / delay classes.
 */
export function aggregateNearMisses(ctx: Ctx, pass: AggregatePass): void {
  const { many, one, ones, candidates, values, collect, target: targetOf } = aggregateScan(ctx, pass);
  const ambiguous = pass.many === 'left' ? ctx.ambiguousRight : ctx.ambiguousLeft;
  for (const o of ones) {
    if (one.state[o] !== FREE || ambiguous.has(o)) continue;
    collect(o);
    if (candidates.length === 0 || candidates.length > pass.maxGroupSize) continue;
    const target = targetOf(o);
    let sum = 0;
    let fees = 0;
    for (let g = 0; g < candidates.length; g += 1) {
      sum += values[g]!;
      fees += many.input.feeMinor[candidates[g]!]! || 0;
    }
    const delta = pass.many === 'left' ? target - sum : sum - target;
    const size = Math.abs(delta);
    const hint = size <= 1 ? 'rounding'
      : fees !== 0 && size === Math.abs(fees) ? 'fee'
      : target !== 0 && Math.sign(sum) === Math.sign(target) && 2 * Math.min(Math.abs(sum), Math.abs(target)) >= Math.max(Math.abs(sum), Math.abs(target)) ? 'partial'
      : null;
    if (hint === null) continue;
    for (const m of candidates) many.state[m] = BROKEN;
    one.state[o] = BROKEN;
    const members = [...candidates];
    ctx.breaks.push({
      cls: 'amount_mismatch',
      left: pass.many === 'left' ? members : [o],
      right: pass.many === 'left' ? [o] : members,
      amountMinor: size,
      currency: ctx.currencies[one.cur[o]!]!,
      facts: { pass: pass.name, group: { many: pass.many, sumMinor: sum, targetMinor: target, deltaMinor: delta }, hint },
    });
  }
}

/**
 * Indices into values of the chosen group, 'ambiguous' when two different groups fit where neither
 * ranks above the other, or null. Tiers: every candidate (the complete group ranks first); then every
 * candidate but one, and contiguous runs in time order, which rank alike — two choices of the record to
 * leave out, two runs that differ in more than zero-valued records, or one of each that differ, are
 * ambiguous. `allow` is the amount tolerance, or a function of the group's sum when the tolerance is
 * taken on the group's side (a relative one, with the many records on the left).
 */
export function findGroup(
  values: readonly number[], target: number, allow: number | ((sum: number) => number), maxSize: number,
): number[] | 'ambiguous' | null {
  const k = values.length;
  let total = 0;
  for (const v of values) total += v;
  const fits = typeof allow === 'number' ? (sum: number) => Math.abs(sum - target) <= allow : (sum: number) => Math.abs(sum - target) <= allow(sum);
  if (k <= maxSize && fits(total)) return values.map((_, i) => i);
  let found: number[] | null = null;
  if (k >= 2 && k - 1 <= maxSize) {
    let left = -1;
    for (let i = 0; i < k; i += 1) {
      if (!fits(total - values[i]!)) continue;
      if (left !== -1) return 'ambiguous';
      left = i;
    }
    if (left !== -1) found = values.map((_, j) => j).filter((j) => j !== left);
  }
  for (let i = 0; i < k; i += 1) {
    let sum = 0;
    for (let j = i; j < k && j - i < maxSize; j += 1) {
      sum += values[j]!;
      if (!fits(sum)) continue;
      const run = Array.from({ length: j - i + 1 }, (_, x) => i + x);
      if (!found) found = run;
      else if (!sameNonZero(values, found, run)) return 'ambiguous';
      break;
    }
  }
  return found;
}

/** Whether two runs hold the same records once zero-valued ones (which change no sum) are left out. */
function sameNonZero(values: readonly number[], a: readonly number[], b: readonly number[]): boolean {
  const nonZero = (run: readonly number[]) => run.filter((i) => values[i] !== 0).join(',');
  return nonZero(a) === nonZero(b);
}

/**
 * After the near misses: a "one" record still free whose group fits exactly once the window is widened
 * by the delay horizon on both sides, with at least one member outside the window, is a `delay` naming
 * it and that group (the payout came, but outside the window), rather than a missing break per record.
 */
export function aggregateDelays(ctx: Ctx, pass: AggregatePass): void {
  const { many, one, ones, candidates, values, collect, target: targetOf } = aggregateScan(ctx, pass);
  const ambiguous = pass.many === 'left' ? ctx.ambiguousRight : ctx.ambiguousLeft;
  const horizon = ctx.rules.delay.horizonMs;
  for (const o of ones) {
    if (one.state[o] !== FREE || ambiguous.has(o)) continue;
    collect(o, horizon);
    if (candidates.length === 0) continue;
    const target = targetOf(o);
    const allow = pass.many === 'left' ? (sum: number) => allowance(pass.amount, sum) : allowance(pass.amount, target);
    const group = findGroup(values, target, allow, pass.maxGroupSize);
    if (group === null || group === 'ambiguous') continue;
    const members = group.map((g) => candidates[g]!);
    const t = one.input.tsMs[o]!;
    const outside = members.filter((m) => {
      const td = pass.many === 'left' ? t - many.input.tsMs[m]! : many.input.tsMs[m]! - t;
      return td < pass.time.minDeltaMs || td > pass.time.maxDeltaMs;
    });
    if (outside.length === 0) continue;
    let sum = 0;
    for (const g of group) {
      many.state[candidates[g]!] = BROKEN;
      sum += values[g]!;
    }
    one.state[o] = BROKEN;
    ctx.breaks.push({
      cls: 'delay',
      left: pass.many === 'left' ? members : [o],
      right: pass.many === 'left' ? [o] : members,
      amountMinor: Math.abs(target),
      currency: ctx.currencies[one.cur[o]!]!,
      facts: { pass: pass.name, group: { many: pass.many, sumMinor: sum, targetMinor: target, deltaMinor: pass.many === 'left' ? target - sum : sum - target, outside: outside.length }, outsideWindow: true },
    });
  }
}
