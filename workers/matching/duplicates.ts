import { basisAmount, BROKEN, chainsOf, keysOf, type BreakDraft, type Ctx, type Side } from './context';
import type { ExactKeyPass } from './ruleSet';

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
      const original = chooseOriginal(members);
      for (const b of members) if (b !== original) markDuplicate(ctx, side, byOriginal, field, keys[i]!, original, b);
    }
  }
}

/**
 * Which record of a group is the original: the one the other side confirms. A retry booked twice
 * under one idempotency key, or a pending row and its posted row, leave one record that the other
 * side's record of the same key (the first exact-key pass) agrees with; keeping that one lets it match
 * and reports the other as the duplicate, whatever the order of the rows in the file. Preferred: a
 * counterpart at all, then the nearest amount (on the pass's bases), then the nearest time; otherwise,
 * and among equals, the first in canonical order (the earliest).
 */
function originalChooser(ctx: Ctx, side: Side): (members: readonly number[]) => number {
  const pass = ctx.rules.passes.find((p): p is ExactKeyPass => p.strategy === 'exact_key');
  if (!pass) return (members) => members[0]!;
  const isLeft = side === ctx.left;
  const other = isLeft ? ctx.right : ctx.left;
  const ownKeys = keysOf(ctx, side, isLeft ? pass.leftKey : pass.rightKey);
  const counterparts = chainsOf(ctx, other, isLeft ? pass.rightKey : pass.leftKey);
  const ownBasis = isLeft ? pass.amount.leftBasis : pass.amount.rightBasis;
  const otherBasis = isLeft ? pass.amount.rightBasis : pass.amount.leftBasis;
  const rank = (i: number): [number, number, number] => {
    const key = ownKeys[i];
    const c = key === null || key === undefined ? -1 : counterparts.first(key, side.acct[i]!);
    if (c === -1) return [1, 0, 0];
    const amountGap = Math.abs(basisAmount(side, i, ownBasis) - basisAmount(other, c, otherBasis));
    const timeGap = Math.abs((other.input.tsMs[c]! || 0) - (side.input.tsMs[i]! || 0));
    return [0, amountGap, timeGap];
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
