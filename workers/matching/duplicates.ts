import { allowance, basisAmount, BROKEN, chainsOf, EXCLUDED, keysOf, type BreakDraft, type Ctx, type Side } from './context';
import { AccountIndex } from './accountIndex';
import { STATUS_FAILED, STATUS_OK, STATUS_PENDING } from './statusClass';
import type { ExactKeyPass, TolerancePass } from './ruleSet';

/**
 * Duplicates: the same idempotency key / reference more than once on one side (per account when
 * the rule set matches within accounts, since keys may be reused across accounts). One record of each
 * group is the original and stays matchable (see originalChooser); every other one is a `duplicate`
 * break and takes no further part.
 */
export function findDuplicates(ctx: Ctx): void {
  markSide(ctx, ctx.left);
  markSide(ctx, ctx.right);
}

function markSide(ctx: Ctx, side: Side): void {
  const fields = ctx.rules.duplicates[side.name];
  const byOriginal = new Map<number, BreakDraft>();
  const chooseOriginal = originalChooser(ctx, side);
  for (const field of fields) {
    const keys = keysOf(ctx, side, field);
    const { next } = chainsOf(ctx, side, field);
    const gathered = new Uint8Array(side.n);
    // Chains link records with the same key (and account) from the first in canonical order on.
    for (let i = 0; i < side.n; i += 1) {
      if (next[i] === -1 || gathered[i] || side.dup[i]) continue;
      const members: number[] = [];
      for (let b = i; b !== -1; b = next[b]!) {
        gathered[b] = 1;
        if (!side.dup[b]) members.push(b);
      }
      if (members.length < 2) continue;
      const live = dropSuperseded(side, members);
      if (live.length < 2) continue;
      const original = chooseOriginal(live);
      for (const b of live) if (b !== original) markDuplicate(ctx, side, byOriginal, field, keys[i]!, original, b);
    }
  }
}

/**
 * A pending record of a key followed (at the same time or later) by one of that key in a settled
 * class (ok or failed) is an earlier state of the same event, not a second booking: it is superseded
 * (excluded, counted apart) and the group is judged on the others, so pending → posted never reads as
 * a duplicate.
 */
function dropSuperseded(side: Side, members: readonly number[]): number[] {
  const ts = side.input.tsMs;
  let lastSettled = -Infinity;
  for (const b of members) {
    if ((side.stat[b] === STATUS_OK || side.stat[b] === STATUS_FAILED) && ts[b]! > lastSettled) lastSettled = ts[b]!;
  }
  if (lastSettled === -Infinity) return [...members];
  const live: number[] = [];
  for (const b of members) {
    if (side.stat[b] === STATUS_PENDING && ts[b]! <= lastSettled) {
      side.state[b] = EXCLUDED;
      side.superseded[b] = 1;
    } else live.push(b);
  }
  return live;
}

/**
 * Which record of a group is the original: the one the other side confirms. A retry booked twice
 * under one idempotency key, or a re-booked amount, leave one record that the other side agrees with;
 * keeping that one lets it match and reports the other as the duplicate, whatever the order of the
 * rows in the file. Confirmed, best first: by the other side's record of the same key (the first
 * exact-key pass), else by a record the first tolerance pass could pair with it (same account and
 * currency, no conflicting key, amount within tolerance, time in the window); among those, the nearest
 * amount (on the pass's bases), then the nearest time; otherwise, and among equals, the first in
 * canonical order (the earliest).
 */
function originalChooser(ctx: Ctx, side: Side): (members: readonly number[]) => number {
  const isLeft = side === ctx.left;
  const other = isLeft ? ctx.right : ctx.left;
  const exact = ctx.rules.passes.find((p): p is ExactKeyPass => p.strategy === 'exact_key');
  const tolerance = ctx.rules.passes.find((p): p is TolerancePass => p.strategy === 'tolerance');
  const byKey = exact && {
    pass: exact,
    ownKeys: keysOf(ctx, side, isLeft ? exact.leftKey : exact.rightKey),
    counterparts: chainsOf(ctx, other, isLeft ? exact.rightKey : exact.leftKey),
  };
  let byTime: AccountIndex | undefined;
  const gaps = (pass: ExactKeyPass | TolerancePass, i: number, c: number): [number, number] => {
    const own = basisAmount(side, i, isLeft ? pass.amount.leftBasis : pass.amount.rightBasis);
    const theirs = basisAmount(other, c, isLeft ? pass.amount.rightBasis : pass.amount.leftBasis);
    return [Math.abs(own - theirs), Math.abs((other.input.tsMs[c]! || 0) - (side.input.tsMs[i]! || 0))];
  };
  /** The tolerance pass's best candidate for i on the other side (its account, its window): [amount gap, time gap], or null. */
  const tolerated = (pass: TolerancePass, i: number): [number, number] | null => {
    const ts = side.input.tsMs[i]!;
    if (ts !== ts) return null;
    // Per account and sorted by time only where asked: duplicate groups are few, a whole-side index is not worth it.
    byTime ??= new AccountIndex(other, ctx.accounts.length, other.input.tsMs, (c) => other.state[c] !== EXCLUDED);
    const ownKey = keysOf(ctx, side, isLeft ? pass.leftKey : pass.rightKey)[i];
    const theirKeys = keysOf(ctx, other, isLeft ? pass.rightKey : pass.leftKey);
    const own = basisAmount(side, i, isLeft ? pass.amount.leftBasis : pass.amount.rightBasis);
    const [from, to] = isLeft ? [ts + pass.time.minDeltaMs, ts + pass.time.maxDeltaMs] : [ts - pass.time.maxDeltaMs, ts - pass.time.minDeltaMs];
    const accounts = ctx.rules.constraints.sameAccount ? [side.acct[i]!] : ctx.accounts.map((_, a) => a);
    let best: [number, number] | null = null;
    for (const account of accounts) {
      for (const c of byTime.between(account, from, to)) {
        if (other.cur[c] !== side.cur[i]) continue;
        const theirs = basisAmount(other, c, isLeft ? pass.amount.rightBasis : pass.amount.leftBasis);
        if (Math.abs(theirs - own) > allowance(pass.amount, isLeft ? own : theirs)) continue;
        const theirKey = theirKeys[c];
        if (ownKey !== null && ownKey !== undefined && theirKey !== null && theirKey !== undefined && ownKey !== theirKey) continue;
        const g = gaps(pass, i, c);
        if (!best || g[0] < best[0] || (g[0] === best[0] && g[1] < best[1])) best = g;
      }
    }
    return best;
  };
  const rank = (i: number): [number, number, number] => {
    if (byKey) {
      const key = byKey.ownKeys[i];
      const c = key === null || key === undefined ? -1 : byKey.counterparts.first(key, side.acct[i]!);
      if (c !== -1) return [0, ...gaps(byKey.pass, i, c)];
    }
    const t = tolerance && tolerated(tolerance, i);
    return t ? [1, ...t] : [2, 0, 0];
  };
  return (members) => {
    let best = members[0]!;
    let bestRank = rank(best);
    for (let k = 1; k < members.length; k += 1) {
      const r = rank(members[k]!);
      if (r[0] < bestRank[0] || (r[0] === bestRank[0] && (r[1] < bestRank[1] || (r[1] === bestRank[1] && r[2] < bestRank[2])))) {
        best = members[k]!;
        bestRank = r;
      }
    }
    return best;
  };
}

function markDuplicate(
  ctx: Ctx, side: Side, byOriginal: Map<number, BreakDraft>, field: string, key: string, original: number, i: number,
): void {
  side.dup[i] = 1;
  side.state[i] = BROKEN;
  let draft = byOriginal.get(original);
  if (!draft) {
    draft = {
      cls: 'duplicate',
      left: [],
      right: [],
      amountMinor: 0,
      currency: ctx.currencies[side.cur[i]!]!,
      facts: { side: side.name, field, key, originalIndex: original },
    };
    byOriginal.set(original, draft);
    ctx.breaks.push(draft);
  }
  (side.name === 'left' ? draft.left : draft.right).push(i);
  draft.amountMinor += Math.abs(side.input.amountMinor[i]!);
}
