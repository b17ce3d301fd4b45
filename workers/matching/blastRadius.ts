import type { BreakDraft, Ctx } from './context';

export type BlastRadius = 'low' | 'medium' | 'high';

/**
 * Blast radius per break cluster (the runbook's scale). Breaks are chained into clusters when their
 * earliest timestamps lie within clusterGapMs of each other. A cluster is
 *  - low: one account and a span ≤ shortWindowMs;
 *  - high: several accounts and records of both sources at fault (across sources);
 *  - medium: everything else (several accounts in one source, or one account over a long span).
 * Breaks without a timestamp are clusters of their own. Recurrence across runs is not judged here.
 */
export function blastRadii(ctx: Ctx, drafts: readonly BreakDraft[], tsOf: (d: BreakDraft) => number): BlastRadius[] {
  const { clusterGapMs, shortWindowMs } = ctx.rules.blastRadius;
  const out = new Array<BlastRadius>(drafts.length).fill('low');
  const times = drafts.map(tsOf);
  const order = Array.from(drafts.keys()).sort((a, b) => (times[a]! || 0) - (times[b]! || 0) || a - b);
  const accountOf = (d: BreakDraft) => (d.left.length ? ctx.left.acct[d.left[0]!]! : ctx.right.acct[d.right[0]!]!);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    const t0 = times[order[start]!]!;
    if (t0 === t0) {
      while (end < order.length) {
        const prev = times[order[end - 1]!]!;
        const cur = times[order[end]!]!;
        if (!(cur === cur) || cur - prev > clusterGapMs) break;
        end += 1;
      }
    }
    const accounts = new Set<number>();
    let sides = 0;
    for (let p = start; p < end; p += 1) {
      const d = drafts[order[p]!]!;
      accounts.add(accountOf(d));
      if (d.left.length) sides |= 1;
      if (d.right.length) sides |= 2;
    }
    const span = t0 === t0 ? times[order[end - 1]!]! - t0 : 0;
    const radius: BlastRadius = accounts.size <= 1 && span <= shortWindowMs ? 'low' : accounts.size > 1 && sides === 3 ? 'high' : 'medium';
    for (let p = start; p < end; p += 1) out[order[p]!] = radius;
    start = end;
  }
  return out;
}
