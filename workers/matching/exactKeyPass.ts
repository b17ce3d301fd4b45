import {
  allowance, basisAmount, BROKEN, chainsOf, FREE, inWindow, keysOf, MATCHED, sameCurrencyOk, STRATEGIES,
  type BreakClass, type Ctx,
} from './context';
import type { ExactKeyPass } from './ruleSet';
import { statusCompatible, STATUS_CLASS_NAMES } from './statusClass';
import { amountHint } from './amountHint';

const STRATEGY = STRATEGIES.indexOf('exact_key');

/**
 * Exact key 1:1: a hash join of left key ↔ right key (within the account when sameAccount).
 * A pair that agrees on every criterion is a match; a pair that fails one is still the same event,
 * so it becomes one break naming both records (currency, then status, then amount, then delay).
 */
export function exactKeyPass(ctx: Ctx, pass: ExactKeyPass, passIndex: number, tick: (i: number) => void): void {
  const { left, right } = ctx;
  const lk = keysOf(ctx, left, pass.leftKey);
  const { first, next } = chainsOf(ctx, right, pass.rightKey);
  for (let l = 0; l < left.n; l += 1) {
    if ((l & 0xffff) === 0) tick(l);
    const key = lk[l]!;
    if (key === null || left.state[l] !== FREE) continue;
    let partner = -1;
    let tied = false;
    for (let r = first(key, left.acct[l]!); r !== -1; r = next[r]!) {
      if (right.state[r] !== FREE) continue;
      if (partner === -1) partner = r;
      else tied = true;
    }
    if (partner === -1) continue;
    if (tied) {
      // Several unclaimed right records carry this key: report it rather than pick one silently.
      ctx.ambiguous += 1;
      ctx.ambiguousLeft.add(l);
      continue;
    }
    settlePair(ctx, pass, passIndex, l, partner);
  }
}

function settlePair(ctx: Ctx, pass: ExactKeyPass, passIndex: number, l: number, r: number): void {
  const { left, right } = ctx;
  const la = basisAmount(left, l, pass.amount.leftBasis);
  const ra = basisAmount(right, r, pass.amount.rightBasis);
  const amountDelta = ra - la;
  const timeDelta = right.input.tsMs[r]! - left.input.tsMs[l]!;
  const currencyOk = sameCurrencyOk(ctx, l, r);
  const statusOk = statusCompatible(left.stat[l]!, right.stat[r]!);
  const amountOk = Math.abs(amountDelta) <= allowance(pass.amount, la);
  const timeOk = inWindow(pass.time, timeDelta);
  if (currencyOk && statusOk && amountOk && timeOk) {
    left.state[l] = MATCHED;
    right.state[r] = MATCHED;
    ctx.matches.add1(STRATEGY, passIndex, 1, l, r, amountDelta, timeDelta === timeDelta ? timeDelta : NaN);
    return;
  }
  left.state[l] = BROKEN;
  right.state[r] = BROKEN;
  const cls: BreakClass = !currencyOk ? 'currency_mismatch' : !statusOk ? 'status_mismatch' : !amountOk ? 'amount_mismatch' : 'delay';
  const leftAmount = Math.abs(left.input.amountMinor[l]!);
  ctx.breaks.push({
    cls,
    left: [l],
    right: [r],
    amountMinor: cls === 'amount_mismatch' ? Math.abs(amountDelta) : leftAmount,
    currency: ctx.currencies[left.cur[l]!]!,
    facts: {
      pass: pass.name,
      paired: true,
      failed: { currency: !currencyOk, status: !statusOk, amount: !amountOk && currencyOk, time: !timeOk },
      statusClasses: [STATUS_CLASS_NAMES[left.stat[l]!], STATUS_CLASS_NAMES[right.stat[r]!]],
      ...(cls === 'amount_mismatch' ? { hint: amountHint(ctx, l, r, amountDelta, la, ra) } : {}),
    },
  });
}
