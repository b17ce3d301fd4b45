import { EXCLUDED, type Ctx, type Side } from './context';

/**
 * Out of order: within one account of one side, sequence and time disagree. In sequence order a
 * record is inverted when an earlier-sequence record is later in time or a later-sequence record
 * is earlier in time; a run of neighbouring inverted records is one break. Independent of matching:
 * a matched record can carry an out_of_order break too. Duplicates are left out (a copy repeats
 * its original's sequence and says nothing about order).
 */
export function findOutOfOrder(ctx: Ctx): void {
  if (!ctx.rules.outOfOrder.enabled) return;
  scanSide(ctx, ctx.left);
  scanSide(ctx, ctx.right);
  if (!ctx.rules.outOfOrder.gaps) return;
  scanGaps(ctx, ctx.left);
  scanGaps(ctx, ctx.right);
}

/**
 * Sequence gaps: within one account of one side, an integer sequence that skips numbers. The break
 * names the record after the gap. Records excluded by status and duplicates still hold their number, so
 * a failed payment or a retry does not read as a hole.
 */
function scanGaps(ctx: Ctx, side: Side): void {
  const seq = side.input.sequence;
  const byAccount = new Map<number, number[]>();
  for (let i = 0; i < side.n; i += 1) {
    const s = seq[i]!;
    if (!Number.isSafeInteger(s)) continue;
    const a = side.acct[i]!;
    const list = byAccount.get(a);
    if (list) list.push(i);
    else byAccount.set(a, [i]);
  }
  for (const a of [...byAccount.keys()].sort((x, y) => x - y)) {
    const members = byAccount.get(a)!.sort((x, y) => seq[x]! - seq[y]! || x - y);
    for (let p = 1; p < members.length; p += 1) {
      const before = seq[members[p - 1]!]!;
      const after = seq[members[p]!]!;
      if (after - before <= 1) continue;
      const i = members[p]!;
      ctx.breaks.push({
        cls: 'out_of_order',
        left: side.name === 'left' ? [i] : [],
        right: side.name === 'right' ? [i] : [],
        amountMinor: 0,
        currency: ctx.currencies[side.cur[i]!]!,
        facts: { side: side.name, gap: true, lastBefore: before, firstAfter: after, missing: after - before - 1 },
      });
    }
  }
}

function scanSide(ctx: Ctx, side: Side): void {
  const seq = side.input.sequence;
  const ts = side.input.tsMs;
  const nAcct = ctx.accounts.length;
  const lastSeq = new Float64Array(nAcct).fill(-Infinity);
  const counts = new Int32Array(nAcct + 1);
  let unsorted = false;
  let eligible = 0;
  const ok = (i: number) => seq[i] === seq[i] && ts[i] === ts[i] && side.state[i] !== EXCLUDED;
  for (let i = 0; i < side.n; i += 1) {
    if (!ok(i)) continue;
    const a = side.acct[i]!;
    if (seq[i]! < lastSeq[a]!) unsorted = true;
    else lastSeq[a] = seq[i]!;
    counts[a + 1]! += 1;
    eligible += 1;
  }
  if (eligible < 2) return;
  // Group by account keeping line order (a counting sort); sort within accounts only when needed.
  for (let a = 0; a < nAcct; a += 1) counts[a + 1]! += counts[a]!;
  const starts = counts.slice();
  const order = new Int32Array(eligible);
  for (let i = 0; i < side.n; i += 1) if (ok(i)) order[starts[side.acct[i]!]!++] = i;
  if (unsorted) {
    for (let a = 0; a < nAcct; a += 1) {
      const run = order.subarray(counts[a]!, counts[a + 1]!);
      if (run.length > 1) run.sort((x, y) => seq[x]! - seq[y]! || ts[x]! - ts[y]! || x - y);
    }
  }
  const flagged = new Uint8Array(eligible);
  for (let a = 0; a < nAcct; a += 1) {
    const from = counts[a]!;
    const to = counts[a + 1]!;
    let maxBefore = -Infinity;
    for (let p = from; p < to; p += 1) {
      const t = ts[order[p]!]!;
      if (maxBefore > t) flagged[p] = 1;
      if (t > maxBefore) maxBefore = t;
    }
    let minAfter = Infinity;
    for (let p = to - 1; p >= from; p -= 1) {
      const t = ts[order[p]!]!;
      if (minAfter < t) flagged[p] = 1;
      if (t < minAfter) minAfter = t;
    }
    for (let p = from; p < to; ) {
      if (!flagged[p]) {
        p += 1;
        continue;
      }
      const members: number[] = [];
      while (p < to && flagged[p]) members.push(order[p++]!);
      ctx.breaks.push({
        cls: 'out_of_order',
        left: side.name === 'left' ? members : [],
        right: side.name === 'right' ? members : [],
        amountMinor: 0,
        currency: ctx.currencies[side.cur[members[0]!]!]!,
        facts: { side: side.name, sequences: members.map((m) => seq[m]!), times: members.map((m) => ts[m]!) },
      });
    }
  }
}
