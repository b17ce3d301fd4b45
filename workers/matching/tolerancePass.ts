import {
  allowance, basisAmount, FREE, keysOf, MATCHED, STRATEGIES, type Ctx,
} from './context';
import type { TolerancePass } from './ruleSet';
import { statusCompatible } from './statusClass';
import { lowerBound, sortedFreeIndex } from './sortedIndex';

const STRATEGY = STRATEGIES.indexOf('tolerance');

/**
 * Key-less 1:1 matching within amount and time tolerances, as one global assignment:
 *  1. candidate edges: for each free left record, the free right records in the same bucket
 *     (account × currency, per constraints) whose amount is within tolerance and whose time delta
 *     is inside the window; two records whose keys are both non-empty and differ are never paired;
 *     at most `maxCandidates` per left record, nearest first;
 *  2. edges are taken in order of |amount delta|, then |time delta|, then left line, then right line;
 *     an edge is taken when both records are still free;
 *  3. ties: among edges of exactly equal cost, a record with two or more free equally good partners is
 *     ambiguous: neither it nor those partners are matched in this pass (counted in `ambiguous`).
 */
export function tolerancePass(ctx: Ctx, pass: TolerancePass, passIndex: number, tick: (i: number) => void): void {
  const { left, right } = ctx;
  const lk = keysOf(ctx, left, pass.leftKey);
  const rk = keysOf(ctx, right, pass.rightKey);
  const rightAmount = (r: number) => basisAmount(right, r, pass.amount.rightBasis);
  const index = sortedFreeIndex(ctx, right, rightAmount, 'amount');
  const eL: number[] = [];
  const eR: number[] = [];
  const eAd: number[] = [];
  const eTd: number[] = [];
  const local: { r: number; ad: number; td: number }[] = [];
  for (let l = 0; l < left.n; l += 1) {
    if ((l & 0xffff) === 0) tick(l);
    if (left.state[l] !== FREE) continue;
    const lts = left.input.tsMs[l]!;
    if (lts !== lts) continue;
    const la = basisAmount(left, l, pass.amount.leftBasis);
    const allow = allowance(pass.amount, la);
    const bucket = index.bucketOf(ctx, left, l);
    const lkey = lk[l]!;
    local.length = 0;
    for (let p = lowerBound(index, bucket, la - allow); p < index.order.length; p += 1) {
      const r = index.order[p]!;
      if (index.bucket[p] !== bucket || index.value[p]! > la + allow) break;
      if (right.state[r] !== FREE) continue;
      const rkey = rk[r]!;
      if (lkey !== null && rkey !== null && lkey !== rkey) continue;
      const td = right.input.tsMs[r]! - lts;
      if (!(td >= pass.time.minDeltaMs && td <= pass.time.maxDeltaMs)) continue;
      if (pass.requireSameStatusClass && !statusCompatible(left.stat[l]!, right.stat[r]!)) continue;
      local.push({ r, ad: Math.abs(index.value[p]! - la), td: Math.abs(td) });
    }
    if (local.length > pass.maxCandidates) {
      local.sort((a, b) => a.ad - b.ad || a.td - b.td || a.r - b.r);
      local.length = pass.maxCandidates;
    }
    for (const c of local) {
      eL.push(l);
      eR.push(c.r);
      eAd.push(c.ad);
      eTd.push(c.td);
    }
  }
  assign(ctx, passIndex, eL, eR, eAd, eTd, pass.amount.leftBasis, pass.amount.rightBasis);
}

function assign(
  ctx: Ctx, passIndex: number, eL: number[], eR: number[], eAd: number[], eTd: number[],
  leftBasis: 'gross' | 'net', rightBasis: 'gross' | 'net',
): void {
  const { left, right } = ctx;
  const m = eL.length;
  if (m === 0) return;
  const order = new Int32Array(m);
  for (let i = 0; i < m; i += 1) order[i] = i;
  order.sort((a, b) => eAd[a]! - eAd[b]! || eTd[a]! - eTd[b]! || eL[a]! - eL[b]! || eR[a]! - eR[b]!);
  const blockedL = new Uint8Array(left.n);
  const blockedR = new Uint8Array(right.n);
  const degL = new Map<number, number>();
  const degR = new Map<number, number>();
  const live = (e: number) => left.state[eL[e]!] === FREE && right.state[eR[e]!] === FREE && !blockedL[eL[e]!] && !blockedR[eR[e]!];
  for (let s = 0; s < m; ) {
    let t = s + 1;
    const head = order[s]!;
    while (t < m && eAd[order[t]!] === eAd[head] && eTd[order[t]!] === eTd[head]) t += 1;
    if (t - s === 1) {
      if (live(head)) take(ctx, passIndex, eL[head]!, eR[head]!, leftBasis, rightBasis);
      s = t;
      continue;
    }
    degL.clear();
    degR.clear();
    for (let p = s; p < t; p += 1) {
      const e = order[p]!;
      if (!live(e)) continue;
      degL.set(eL[e]!, (degL.get(eL[e]!) ?? 0) + 1);
      degR.set(eR[e]!, (degR.get(eR[e]!) ?? 0) + 1);
    }
    const ambiguousEdges: number[] = [];
    for (let p = s; p < t; p += 1) {
      const e = order[p]!;
      if (!live(e)) continue;
      if (degL.get(eL[e]!) === 1 && degR.get(eR[e]!) === 1) take(ctx, passIndex, eL[e]!, eR[e]!, leftBasis, rightBasis);
      else ambiguousEdges.push(e);
    }
    for (const e of ambiguousEdges) {
      for (const [blocked, set, idx] of [[blockedL, ctx.ambiguousLeft, eL[e]!], [blockedR, ctx.ambiguousRight, eR[e]!]] as const) {
        if (!blocked[idx]) {
          blocked[idx] = 1;
          set.add(idx);
          ctx.ambiguous += 1;
        }
      }
    }
    s = t;
  }
}

function take(ctx: Ctx, passIndex: number, l: number, r: number, leftBasis: 'gross' | 'net', rightBasis: 'gross' | 'net'): void {
  const { left, right } = ctx;
  left.state[l] = MATCHED;
  right.state[r] = MATCHED;
  const la = basisAmount(left, l, leftBasis);
  const ad = basisAmount(right, r, rightBasis) - la;
  const td = right.input.tsMs[r]! - left.input.tsMs[l]!;
  const score = 1 - Math.min(1, Math.abs(ad) / Math.max(1, Math.abs(la))) * 0.5;
  ctx.matches.add1(STRATEGY, passIndex, Math.round(score * 1e6) / 1e6, l, r, ad, td);
}

