import { BROKEN, chainsOf, EXCLUDED, keysOf, type BreakDraft, type Ctx, type Side } from './context';

/**
 * Duplicates: the same idempotency key / reference more than once on one side (per account when
 * the rule set matches within accounts, since keys may be reused across accounts). The first record
 * in canonical (line) order is the original and stays matchable; every later one is a `duplicate`
 * break and takes no further part.
 */
export function findDuplicates(ctx: Ctx): void {
  markSide(ctx, ctx.left);
  markSide(ctx, ctx.right);
}

function markSide(ctx: Ctx, side: Side): void {
  const fields = ctx.rules.duplicates[side.name];
  const byOriginal = new Map<number, BreakDraft>();
  for (const field of fields) {
    const keys = keysOf(ctx, side, field);
    const { next } = chainsOf(ctx, side, field);
    // Chains link records with the same key (and account): every later link repeats the first.
    for (let i = 0; i < side.n; i += 1) {
      if (next[i] === -1 || side.dup[i]) continue;
      for (let b = next[i]!; b !== -1; b = next[b]!) {
        if (!side.dup[b]) markDuplicate(ctx, side, byOriginal, field, keys[i]!, i, b);
      }
    }
  }
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
