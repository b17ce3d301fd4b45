import type { Side } from './context';

/**
 * Sorts record indices (ascending on entry) by a value (time, amount; NaN as 0), then index. Records
 * are held in time order, so by time an insertion sort is near linear; past a budget of moves it gives
 * up and lets a comparator sort finish (the order is the same either way).
 */
export function sortByValue(run: Int32Array, values: Float64Array): void {
  const at = (i: number) => values[i]! || 0;
  let budget = run.length * 8 + 64;
  for (let p = 1; p < run.length; p += 1) {
    const x = run[p]!;
    const tx = at(x);
    let q = p - 1;
    while (q >= 0) {
      const y = run[q]!;
      const ty = at(y);
      if (ty < tx || (ty === tx && y < x)) break;
      run[q + 1] = y;
      q -= 1;
      if (--budget < 0) {
        run[q + 1] = x;
        run.sort((a, b) => at(a) - at(b) || a - b);
        return;
      }
    }
    run[q + 1] = x;
  }
}

/** Records of each side grouped by account, each group sorted by a value (time, amount) on first use. */
export class AccountIndex {
  private readonly starts: Int32Array;
  private readonly order: Int32Array;
  private readonly sorted: Uint8Array;
  constructor(side: Side, accountCount: number, private readonly values: Float64Array, include: (i: number) => boolean = () => true) {
    const counts = new Int32Array(accountCount + 1);
    let n = 0;
    for (let i = 0; i < side.n; i += 1) {
      if (!include(i)) continue;
      counts[side.acct[i]! + 1]! += 1;
      n += 1;
    }
    for (let a = 0; a < accountCount; a += 1) counts[a + 1]! += counts[a]!;
    this.starts = counts;
    const fill = counts.slice();
    this.order = new Int32Array(n);
    for (let i = 0; i < side.n; i += 1) if (include(i)) this.order[fill[side.acct[i]!]!++] = i;
    this.sorted = new Uint8Array(accountCount);
  }

  private run(account: number): Int32Array {
    const run = this.order.subarray(this.starts[account]!, this.starts[account + 1]!);
    if (!this.sorted[account]) {
      sortByValue(run, this.values);
      this.sorted[account] = 1;
    }
    return run;
  }

  /** Position of the first record of the (sorted) run whose value is ≥ v. */
  private seek(run: Int32Array, v: number): number {
    let lo = 0;
    let hi = run.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.values[run[mid]!]! || 0) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The records of the account whose value lies in [from, to]. */
  between(account: number, from: number, to: number): Int32Array {
    const run = this.run(account);
    const lo = this.seek(run, from);
    let hi = lo;
    while (hi < run.length && (this.values[run[hi]!]! || 0) <= to) hi += 1;
    return run.subarray(lo, hi);
  }

  /** Up to `radius` records on each side of value v in the account. */
  around(account: number, v: number, radius: number): Int32Array {
    const run = this.run(account);
    const lo = this.seek(run, v);
    return run.subarray(Math.max(0, lo - radius), Math.min(run.length, lo + radius));
  }
}
