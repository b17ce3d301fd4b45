import { describe, expect, it } from 'vitest';
import { inputFromRecords } from '../../../workers/matching/engineInput';
import { sortByValue } from '../../../workers/matching/accountIndex';
import { candidateLine } from '../../../workers/matching/explain';
import { findGroup } from '../../../workers/matching/aggregatePass';
import { listMatches, reconcile, type EngineResult } from '../../../workers/matching/reconcile';
import { DEFAULT_RULES, parseRuleSet, type RuleSet } from '../../../workers/matching/ruleSet';
import type { StoredRecord } from '../../../workers/shared/record';
import { rec } from '../../generators/records';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const R = 1000; // right ids start here

function run(left: StoredRecord[], right: StoredRecord[], rules: RuleSet = DEFAULT_RULES.ledgerProcessor): EngineResult {
  return reconcile(inputFromRecords(left, { kind: 'ledger' }), inputFromRecords(right, { kind: 'processor' }), rules);
}

function classOf(result: EngineResult, id: number): string[] {
  const out: string[] = result.breaks.filter((b) => b.leftIds.includes(id) || b.rightIds.includes(id)).map((b) => b.class);
  if (listMatches(result.matches).some((m) => m.leftIds.includes(id) || m.rightIds.includes(id))) out.unshift('matched');
  return out;
}

/** A right record far past everything, so no planted record sits beyond the right frontier. */
const late = (id: number) => rec(id, { externalId: `late_${id}`, account: 'acct_far', amountMinor: 777, tsMs: T0 + 1000 * HOUR });
/** Same for the left side. */
const lateLeft = (id: number) => rec(id, { externalId: `late_${id}`, account: 'acct_far', tsMs: T0 + 1000 * HOUR });

const tolerant = parseRuleSet({
  name: 'tolerant', version: 1,
  passes: [
    { strategy: 'exact_key', name: 'key', leftKey: 'externalId', rightKey: 'externalId', amount: { absoluteMinor: 5 }, time: { minDeltaMs: -HOUR, maxDeltaMs: 24 * HOUR } },
    { strategy: 'tolerance', name: 'tol', leftKey: 'externalId', rightKey: 'externalId', amount: { absoluteMinor: 5 }, time: { minDeltaMs: -HOUR, maxDeltaMs: 24 * HOUR } },
  ],
});

describe('inclusive bounds', () => {
  it('amount tolerance is inclusive for keyed and key-less pairs', () => {
    const left = [rec(1, { externalId: 'a' }), rec(2, { externalId: 'b' }), rec(3, { externalId: 'c', account: 'x' }), rec(4, { externalId: 'd', account: 'y' }), lateLeft(5)];
    const right = [
      rec(R + 1, { externalId: 'a', amountMinor: 1005 }), rec(R + 2, { externalId: 'b', amountMinor: 1006 }),
      rec(R + 3, { account: 'x', amountMinor: 995 }), rec(R + 4, { account: 'y', amountMinor: 994 }), late(R + 5),
    ];
    const result = run(left, right, tolerant);
    expect(classOf(result, 1)).toEqual(['matched']);
    expect(classOf(result, 2)).toEqual(['amount_mismatch']);
    expect(classOf(result, 3)).toEqual(['matched']);
    expect(classOf(result, R + 4)).toEqual(['missing_left']);
  });

  it('relative tolerance is inclusive: 1% of 10,000 allows exactly 100', () => {
    const rules = parseRuleSet({ name: 'rel', version: 1, passes: [
      { strategy: 'exact_key', name: 'key', leftKey: 'externalId', rightKey: 'externalId', amount: { relative: 0.01 }, time: { minDeltaMs: 0, maxDeltaMs: HOUR } }] });
    const left = [rec(1, { externalId: 'a', amountMinor: 10_000 }), rec(2, { externalId: 'b', amountMinor: 10_000 }), lateLeft(3)];
    const right = [rec(R + 1, { externalId: 'a', amountMinor: 10_100 }), rec(R + 2, { externalId: 'b', amountMinor: 9_899 }), late(R + 3)];
    const result = run(left, right, rules);
    expect(classOf(result, 1)).toEqual(['matched']);
    expect(classOf(result, 2)).toEqual(['amount_mismatch']);
  });

  it('asymmetric time window: both ends inclusive, one millisecond past is a delay', () => {
    const at = (ms: number) => T0 + ms;
    const left = [
      rec(1, { externalId: 'a' }), rec(2, { externalId: 'b' }), rec(3, { externalId: 'c' }), rec(4, { externalId: 'd' }),
      rec(5, { externalId: 'e', account: 'k1' }), rec(6, { externalId: 'f', account: 'k2' }), lateLeft(7),
    ];
    const right = [
      rec(R + 1, { externalId: 'a', tsMs: at(24 * HOUR) }), rec(R + 2, { externalId: 'b', tsMs: at(24 * HOUR + 1) }),
      rec(R + 3, { externalId: 'c', tsMs: at(-HOUR) }), rec(R + 4, { externalId: 'd', tsMs: at(-HOUR - 1) }),
      rec(R + 5, { account: 'k1', tsMs: at(24 * HOUR) }), rec(R + 6, { account: 'k2', tsMs: at(24 * HOUR + 1) }), late(R + 7),
    ];
    const result = run(left, right);
    expect(classOf(result, 1)).toEqual(['matched']);
    expect(classOf(result, 2)).toEqual(['delay']);
    expect(classOf(result, 3)).toEqual(['matched']);
    expect(classOf(result, 4)).toEqual(['delay']);
    expect(classOf(result, 5)).toEqual(['matched']);
    expect(classOf(result, 6)).toEqual(['delay']);
    const delay = result.breaks.find((b) => b.leftIds.includes(2))!;
    expect(delay.rightIds).toEqual([R + 2]);
    expect(delay.explanation.summary).toMatch(/time \+24 h 0 min 0 s 1 ms > \+24 h window by 1 ms/);
  });
});

describe('assignment', () => {
  it('equal candidates are reported as ambiguous, not picked', () => {
    const left = [rec(1, { externalId: 'a' }), lateLeft(2)];
    const right = [rec(R + 1, { tsMs: T0 + HOUR }), rec(R + 2, { tsMs: T0 + HOUR }), late(R + 3)];
    const result = run(left, right);
    expect(result.ambiguous).toBeGreaterThanOrEqual(1);
    expect(result.counts.ambiguous).toBe(result.ambiguous);
    expect(classOf(result, 1)).toEqual(['missing_right']);
    expect(classOf(result, R + 1)).toEqual(['missing_left']);
    expect(classOf(result, R + 2)).toEqual(['missing_left']);
    const missing = result.breaks.find((b) => b.leftIds.includes(1))!;
    expect(missing.explanation.facts.ambiguous).toBe(true);
    expect(missing.explanation.summary).toMatch(/equally good/);
  });

  it('an unequal pair is resolved by the stated rule: nearest amount, then nearest time', () => {
    const left = [rec(1, { externalId: 'a' }), rec(2, { externalId: 'b', tsMs: T0 + 2 * HOUR }), lateLeft(3)];
    const right = [rec(R + 1, { tsMs: T0 + 3 * HOUR }), rec(R + 2, { tsMs: T0 + HOUR / 2 }), late(R + 3)];
    const result = run(left, right);
    const pairs = listMatches(result.matches).map((m) => [m.leftIds[0], m.rightIds[0]]);
    // Edges: (1, R+2) 0.5 h, (2, R+1) 1 h, (1, R+1) 3 h; (2, R+2) is outside the window. Nearest first.
    expect(pairs).toContainEqual([1, R + 2]);
    expect(pairs).toContainEqual([2, R + 1]);
    expect(result.ambiguous).toBe(0);
  });

  it('two records with different non-empty keys never match by tolerance', () => {
    const left = [rec(1, { externalId: 'A' }), rec(2, { externalId: 'C', account: 'other' }), lateLeft(3)];
    const right = [rec(R + 1, { externalId: 'B', tsMs: T0 + HOUR }), rec(R + 2, { account: 'other', tsMs: T0 + HOUR }), late(R + 3)];
    const result = run(left, right);
    expect(classOf(result, 1)).toEqual(['missing_right']);
    expect(classOf(result, R + 1)).toEqual(['missing_left']);
    expect(classOf(result, 2)).toEqual(['matched']);
    const m = listMatches(result.matches).find((x) => x.leftIds[0] === 2)!;
    expect(m.strategy).toBe('tolerance');
  });

  it('no record is ever claimed twice', () => {
    const left = Array.from({ length: 50 }, (_, i) => rec(i + 1, { tsMs: T0 + i * 60_000, amountMinor: 100 + (i % 3), externalId: `k${i}` }));
    const right = Array.from({ length: 50 }, (_, i) => rec(R + i + 1, { tsMs: T0 + i * 61_000, amountMinor: 100 + (i % 3) }));
    const result = run(left, right);
    const seen = new Set<number>();
    for (const m of listMatches(result.matches)) for (const id of [...m.leftIds, ...m.rightIds]) {
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  });
});

describe('break classes', () => {
  it('duplicates on both sides: the first pair matches, each repeat is a duplicate', () => {
    const left = [rec(1, { externalId: 't1', reference: 'idem1' }), rec(2, { externalId: 't1r', reference: 'idem1' }), lateLeft(3)];
    const right = [rec(R + 1, { externalId: 't1' }), rec(R + 2, { externalId: 't1' }), late(R + 3)];
    const result = run(left, right);
    expect(classOf(result, 1)).toEqual(['matched']);
    expect(classOf(result, R + 1)).toEqual(['matched']);
    expect(classOf(result, 2)).toEqual(['duplicate']);
    expect(classOf(result, R + 2)).toEqual(['duplicate']);
    expect(result.breaks.find((b) => b.leftIds.includes(2))!.explanation.summary).toMatch(/repeat reference idem1 of line 2/);
  });

  it('the original of a duplicate group is the record the other side confirms, whatever the line order', () => {
    // A retry booked under the same idempotency key, listed before the original; the processor has the original.
    const retryFirst = [
      rec(1, { externalId: 'txn_2', reference: 'idem_1', tsMs: T0 + 2 * 60_000 }), rec(2, { externalId: 'txn_1', reference: 'idem_1', tsMs: T0 }), lateLeft(3),
    ];
    for (const left of [retryFirst, [...retryFirst].reverse()]) {
      const result = run(left, [rec(R + 1, { externalId: 'txn_1', tsMs: T0 + HOUR }), late(R + 2)]);
      expect(classOf(result, 2)).toEqual(['matched']);
      expect(classOf(result, 1)).toEqual(['duplicate']);
      expect(result.counts.missing_left).toBe(0);
    }
    // The same key twice with different amounts: the one whose amount the processor confirms is kept,
    // even when it is the later one.
    const left = [rec(1, { externalId: 'up', amountMinor: 1000 }), rec(2, { externalId: 'up', amountMinor: 1200, tsMs: T0 + HOUR }), lateLeft(3)];
    const result = run(left, [rec(R + 1, { externalId: 'up', amountMinor: 1200, tsMs: T0 + 2 * HOUR }), late(R + 2)]);
    expect(classOf(result, 2)).toEqual(['matched']);
    expect(classOf(result, 1)).toEqual(['duplicate']);
    expect(result.counts.amount_mismatch).toBe(0);
  });

  it('regression (qa3b #1): pending then posted under one key is an earlier state, superseded, not a duplicate', () => {
    const left = [
      rec(1, { externalId: 'K2', reference: 'i2', status: 'pending', tsMs: T0 + 2 * HOUR }),
      rec(2, { externalId: 'K2', reference: 'i2', status: 'posted', tsMs: T0 + 3 * HOUR }), lateLeft(3),
    ];
    const result = run(left, [rec(R + 1, { externalId: 'K2', status: 'succeeded', tsMs: T0 + 4 * HOUR }), late(R + 2)]);
    expect(classOf(result, 2)).toEqual(['matched']);
    expect(classOf(result, 1)).toEqual([]);
    expect(result.counts).toMatchObject({ duplicate: 0, superseded_left: 1, excluded_left: 0 });
    // A pending row after the settled one is not an earlier state: still a duplicate.
    const after = run([{ ...left[0]!, tsMs: T0 + 5 * HOUR }, left[1]!, left[2]!], [rec(R + 1, { externalId: 'K2', status: 'succeeded', tsMs: T0 + 4 * HOUR }), late(R + 2)]);
    expect(classOf(after, 1)).toEqual(['duplicate']);
  });

  it('regression (qa3b #2): among key-less duplicates the original is the one a tolerance counterpart confirms', () => {
    const left = [rec(1, { reference: 'idem_X', amountMinor: 1000, tsMs: T0 + 10 * HOUR }), rec(2, { reference: 'idem_X', amountMinor: 1200, tsMs: T0 + 11 * HOUR }), lateLeft(3)];
    const result = run(left, [rec(R + 1, { amountMinor: 1200, tsMs: T0 + 11 * HOUR + 300_000 }), late(R + 2)]);
    expect(classOf(result, 2)).toEqual(['matched']);
    expect(classOf(result, 1)).toEqual(['duplicate']);
    expect(result.counts.missing_left).toBe(0);
    // Equal amounts: the nearer in time to the counterpart is kept.
    const equal = [rec(1, { reference: 'idem_Y', tsMs: T0 }), rec(2, { reference: 'idem_Y', tsMs: T0 + 5 * HOUR }), lateLeft(3)];
    const near = run(equal, [rec(R + 1, { tsMs: T0 + 5 * HOUR + 60_000 }), late(R + 2)]);
    expect(classOf(near, 2)).toEqual(['matched']);
    expect(classOf(near, 1)).toEqual(['duplicate']);
  });

  it('regression (qa3b #5): a duplicate still holds its sequence number for out-of-order checks', () => {
    const left = [
      rec(1, { externalId: 'A1', reference: 'i1', sequence: 1, tsMs: T0 }), rec(2, { externalId: 'A2', reference: 'i1', sequence: 3, tsMs: T0 + 300_000 }),
      rec(3, { externalId: 'A3', reference: 'i3', sequence: 2, tsMs: T0 + HOUR }), lateLeft(4),
    ];
    const result = run(left, [rec(R + 1, { externalId: 'A1', tsMs: T0 + HOUR }), rec(R + 3, { externalId: 'A3', tsMs: T0 + 2 * HOUR }), late(R + 4)]);
    expect(classOf(result, 2)).toEqual(['duplicate', 'out_of_order']);
    expect(classOf(result, 3)).toEqual(['matched', 'out_of_order']);
  });

  it('keys reused across accounts are neither duplicates nor cross-matched', () => {
    const left = [rec(1, { externalId: 'ord_1', account: 'A' }), rec(2, { externalId: 'ord_1', account: 'B', amountMinor: 2000 }), lateLeft(3)];
    const right = [rec(R + 1, { externalId: 'ord_1', account: 'B', amountMinor: 2000 }), rec(R + 2, { externalId: 'ord_1', account: 'A' }), late(R + 3)];
    const result = run(left, right);
    const pairs = listMatches(result.matches).map((m) => [m.leftIds[0], m.rightIds[0]]);
    expect(pairs).toEqual(expect.arrayContaining([[1, R + 2], [2, R + 1]]));
    expect(result.counts.duplicate).toBe(0);
  });

  it('amount (with fee hint), currency and status mismatches by key', () => {
    const left = [rec(1, { externalId: 'a', amountMinor: 10_000 }), rec(2, { externalId: 'b' }), rec(3, { externalId: 'c' }), lateLeft(4)];
    const right = [
      rec(R + 1, { externalId: 'a', amountMinor: 9_680, feeMinor: 320 }), rec(R + 2, { externalId: 'b', currency: 'EUR' }),
      rec(R + 3, { externalId: 'c', status: 'failed' }), late(R + 4),
    ];
    const result = run(left, right);
    const a = result.breaks.find((b) => b.leftIds.includes(1))!;
    expect(a.class).toBe('amount_mismatch');
    expect(a.amountMinor).toBe(320);
    expect(a.explanation.facts.hint).toBe('fee');
    expect(a.explanation.summary).toMatch(/amount −3\.20 \(= fee\)/);
    expect(classOf(result, 2)).toEqual(['currency_mismatch']);
    expect(classOf(result, 3)).toEqual(['status_mismatch']);
    expect(classOf(result, R + 3)).toEqual(['status_mismatch']);
  });

  it('rounding hint for a one-minor-unit slip; status spellings normalize (settled = posted)', () => {
    const left = [rec(1, { externalId: 'a' }), rec(2, { externalId: 'b', status: 'Completed' }), lateLeft(3)];
    const right = [rec(R + 1, { externalId: 'a', amountMinor: 1001 }), rec(R + 2, { externalId: 'b', status: 'SETTLED' }), late(R + 3)];
    const result = run(left, right);
    expect(result.breaks.find((b) => b.leftIds.includes(1))!.explanation.facts.hint).toBe('rounding');
    expect(classOf(result, 2)).toEqual(['matched']);
  });

  it('missing vs delay by the other side’s data frontier', () => {
    const left = [rec(1, { externalId: 'a', tsMs: T0 }), rec(2, { externalId: 'b', tsMs: T0 + 100 * HOUR })];
    const right = [rec(R + 1, { externalId: 'z', account: 'other', tsMs: T0 + 90 * HOUR })];
    const result = run(left, right);
    expect(classOf(result, 1)).toEqual(['missing_right']);
    const pending = result.breaks.find((b) => b.leftIds.includes(2))!;
    expect(pending.class).toBe('delay');
    expect(pending.explanation.summary).toMatch(/may still arrive/);
  });

  it('out_of_order: a matched record can also carry an inversion break', () => {
    const left = [1, 2, 3, 4].map((s) => rec(s, { externalId: `t${s}`, sequence: s, tsMs: T0 + [0, 2, 1, 3][s - 1]! * HOUR }));
    const right = left.map((l) => rec(R + l.id, { externalId: l.externalId, tsMs: l.tsMs! + HOUR }));
    const result = run([...left, lateLeft(9)], [...right, late(R + 9)]);
    expect(classOf(result, 2)).toEqual(['matched', 'out_of_order']);
    expect(classOf(result, 3)).toEqual(['matched', 'out_of_order']);
    expect(classOf(result, 1)).toEqual(['matched']);
    const ooo = result.breaks.filter((b) => b.class === 'out_of_order');
    expect(ooo).toHaveLength(1);
    expect(ooo[0]!.leftIds).toEqual([2, 3]);
  });

  it('out_of_order gaps: off by default; when on, a skipped number per account names the record after it', () => {
    const seqs = [1, 2, 5, 6, 8];
    const left = seqs.map((s, k) => rec(k + 1, { externalId: `t${s}`, sequence: s, tsMs: T0 + k * HOUR }));
    // Another account numbered on its own, without holes; a failed record still holds its number.
    left.push(rec(20, { externalId: 'u1', account: 'other', sequence: 1, tsMs: T0 }), rec(21, { externalId: 'u2', account: 'other', sequence: 2, status: 'failed', tsMs: T0 + HOUR }),
      rec(22, { externalId: 'u3', account: 'other', sequence: 3, tsMs: T0 + 2 * HOUR }));
    const right = left.map((l) => rec(R + l.id, { externalId: l.externalId, account: l.account, status: l.status, tsMs: l.tsMs! + HOUR }));
    const plain = run([...left, lateLeft(9)], [...right, late(R + 9)]);
    expect(plain.breaks.filter((b) => b.class === 'out_of_order')).toHaveLength(0);
    const rules = parseRuleSet({ ...DEFAULT_RULES.ledgerProcessor, exclude: { left: ['failed'], right: ['failed'] }, outOfOrder: { enabled: true, gaps: true } });
    const result = run([...left, lateLeft(9)], [...right, late(R + 9)], rules);
    const gaps = result.breaks.filter((b) => b.class === 'out_of_order');
    expect(gaps.map((b) => b.leftIds)).toEqual([[3], [5]]);
    expect(gaps[0]!.explanation.summary).toMatch(/jumps from 2 to 5 .*3–4 \(2\) are missing/);
    expect(gaps[1]!.explanation.summary).toMatch(/7 is missing/);
    expect(classOf(result, 3)).toEqual(['matched', 'out_of_order']);
  });

  it('explanations list up to three nearest candidates with the failed criterion and amount', () => {
    const left = [rec(1, { externalId: 'a', amountMinor: 5000 }), lateLeft(9)];
    const right = [rec(R + 1, { externalId: 'q', amountMinor: 5000, tsMs: T0 + 2 * HOUR }), rec(R + 2, { externalId: 'r', amountMinor: 4000 }),
      rec(R + 3, { externalId: 's', amountMinor: 7000 }), rec(R + 4, { externalId: 't', amountMinor: 9000 }), late(R + 9)];
    const result = run(left, right);
    const b = result.breaks.find((x) => x.leftIds.includes(1))!;
    expect(b.class).toBe('missing_right');
    expect(b.explanation.candidates).toHaveLength(3);
    expect(b.explanation.candidates[0]!.externalId).toBe('q');
    expect(b.explanation.candidates[0]!.criteria.find((c) => c.name === 'key')).toMatchObject({ ok: false });
    expect(b.explanation.candidates[0]!.criteria.find((c) => c.name === 'key')!.text).toMatch(/key a ≠ q/);
    expect(candidateLine(b.explanation.candidates[0]!)).toMatch(/key a ≠ q/);
    expect(['low', 'medium', 'high']).toContain(b.blastRadius);
  });
});

describe('explanations', () => {
  it('a record alone names up to three nearest candidates, best first, each with what failed', () => {
    const left = [rec(1, { externalId: 'm1', amountMinor: 1000 }), lateLeft(2)];
    const right = [
      rec(R + 1, { amountMinor: 1001, tsMs: T0 + HOUR }), rec(R + 2, { amountMinor: 999, tsMs: T0 + 2 * HOUR }),
      rec(R + 3, { amountMinor: 1002, tsMs: T0 + 3 * HOUR }), rec(R + 4, { amountMinor: 5000, tsMs: T0 + 4 * HOUR }), late(R + 5),
    ];
    const b = run(left, right).breaks.find((x) => x.leftIds.includes(1))!;
    expect(b.class).toBe('missing_right');
    expect(b.explanation.candidates.map((c) => c.id)).toEqual([R + 1, R + 2, R + 3]);
    expect(b.explanation.summary).toMatch(/Nearest: processor line 1002 .*amount \+0\.01.*\. Next: processor line 1003 .*amount −0\.01.*\. Then: processor line 1004 .*amount \+0\.02/);
  });

  it('regression (qa3b #3): tied equal amounts behind many records of a busy hour are still named first', () => {
    const busy = Array.from({ length: 10 }, (_, k) => k);
    const left = [rec(1, { amountMinor: 5000 }), ...busy.map((k) => rec(10 + k, { externalId: `M${k}`, amountMinor: 10_100 + k * 100, tsMs: T0 + (k + 1) * 60_000 })), lateLeft(2)];
    const right = [
      ...busy.map((k) => rec(R + 10 + k, { externalId: `M${k}`, amountMinor: 10_100 + k * 100, tsMs: T0 + (k + 1) * 60_000 })),
      rec(R + 1, { amountMinor: 5000, tsMs: T0 + 20 * HOUR }), rec(R + 2, { amountMinor: 5000, tsMs: T0 + 20 * HOUR }), late(R + 3),
    ];
    const b = run(left, right).breaks.find((x) => x.leftIds.includes(1))!;
    expect(b.explanation.facts.ambiguous).toBe(true);
    expect(b.explanation.candidates.slice(0, 2).map((c) => c.id).sort()).toEqual([R + 1, R + 2]);
  });

  it('a key pair is judged against the tolerance of the pass that paired it', () => {
    const rules = parseRuleSet({ name: 'rel', version: 1, passes: [
      { strategy: 'exact_key', name: 'key', leftKey: 'externalId', rightKey: 'externalId', amount: { absoluteMinor: 1, relative: 0.01 }, time: { minDeltaMs: -HOUR, maxDeltaMs: 24 * HOUR } },
      { strategy: 'tolerance', name: 'tol', leftKey: 'externalId', rightKey: 'externalId', amount: { absoluteMinor: 1 }, time: { minDeltaMs: -HOUR, maxDeltaMs: 24 * HOUR } }] });
    const result = run([rec(1, { externalId: 't2', amountMinor: 100_050 }), lateLeft(2)], [rec(R + 1, { externalId: 't2', amountMinor: 101_051 }), late(R + 2)], rules);
    const b = result.breaks.find((x) => x.leftIds.includes(1))!;
    expect(b.class).toBe('amount_mismatch');
    // 1% of 1,000.50 allows 10.00 (floor), not the tolerance pass's 0.01.
    expect(b.explanation.summary).toMatch(/amount \+10\.01.* > 10\.00 tolerance/);
  });

  it('regression (xcheck R6): a candidate set aside as a duplicate says so, not "all criteria met"', () => {
    // Ledger lines 2 and 3 share an idempotency key; line 2 is the original (the processor confirms txn a), line 3 (txn b)
    // repeats it, so the processor's b has no counterpart, and its nearest candidate is that repeat.
    const left = [rec(1, { externalId: 'a', reference: 'idem' }), rec(2, { externalId: 'b', reference: 'idem', tsMs: T0 + 60_000 }), lateLeft(3)];
    const right = [rec(R + 1, { externalId: 'a' }), rec(R + 2, { externalId: 'b', tsMs: T0 + 60_000 }), late(R + 3)];
    const result = run(left, right);
    expect(classOf(result, 2)).toEqual(['duplicate']);
    const b = result.breaks.find((x) => x.rightIds.includes(R + 2))!;
    expect(b.class).toBe('missing_left');
    expect(b.explanation.candidates[0]!.id).toBe(2);
    expect(b.explanation.summary).toMatch(/Nearest: ledger line 3 \(b, .*\): set aside as a duplicate \(repeats reference idem\)\./);
    expect(b.explanation.summary).not.toMatch(/all criteria met/);
  });

  it('regression (qa3a #9): hints judge the amounts on the pass basis (net), so a larger net is not "partial"', () => {
    const rules = parseRuleSet({ name: 'net', version: 1, passes: [
      { strategy: 'exact_key', name: 'key', leftKey: 'externalId', rightKey: 'externalId', amount: { absoluteMinor: 5, leftBasis: 'net' }, time: { minDeltaMs: -HOUR, maxDeltaMs: 24 * HOUR } }] });
    const result = run([rec(1, { externalId: 'b', amountMinor: 10_000, feeMinor: 300 }), rec(2, { externalId: 'd', amountMinor: 10_000, feeMinor: 300 }), lateLeft(3)],
      [rec(R + 1, { externalId: 'b', amountMinor: 9_706 }), rec(R + 2, { externalId: 'd', amountMinor: 9_694 }), late(R + 3)], rules);
    expect(result.breaks.find((b) => b.leftIds.includes(1))!.explanation.facts.hint).toBe('other');
    expect(result.breaks.find((b) => b.leftIds.includes(2))!.explanation.facts.hint).toBe('partial');
  });

  it('regression (qa3b #4): a candidate in a break of its own is not said to be paired with anything', () => {
    const result = run([rec(1, { externalId: 'K1' }), lateLeft(2)], [rec(R + 1, { externalId: 'K2' }), late(R + 2)]);
    const lone = result.breaks.filter((b) => b.leftIds.includes(1) || b.rightIds.includes(R + 1));
    expect(lone.map((b) => b.class).sort()).toEqual(['missing_left', 'missing_right']);
    for (const b of lone) expect(b.explanation.summary).not.toMatch(/already paired|already matched/);
    const paired = run([rec(1, { externalId: 'K1', amountMinor: 900 }), rec(2, { amountMinor: 1000, tsMs: T0 + 60_000 }), lateLeft(3)],
      [rec(R + 1, { externalId: 'K1' }), late(R + 2)]);
    const alone = paired.breaks.find((b) => b.leftIds.includes(2))!;
    expect(alone.explanation.summary).toMatch(/Nearest: processor line 1002 \(K1, .*already paired with another record \(amount_mismatch break\)/);
  });

  it('a record whose key sits in another account of the other side names that record first', () => {
    const left = [rec(1, { externalId: 'xa', account: 'acct_8' }), lateLeft(2)];
    const right = [rec(R + 1, { externalId: 'xa', account: 'acct_X', tsMs: T0 + HOUR }), rec(R + 2, { account: 'acct_8', amountMinor: 990 }), late(R + 3)];
    const result = run(left, right);
    const missing = result.breaks.find((x) => x.leftIds.includes(1))!;
    expect(missing.class).toBe('missing_right');
    expect(missing.explanation.candidates[0]!.id).toBe(R + 1);
    expect(missing.explanation.summary).toMatch(/Nearest: processor line 1002 \(xa, .*account acct_8 ≠ acct_X/);
    const other = result.breaks.find((x) => x.rightIds.includes(R + 1))!;
    expect(other.explanation.candidates[0]!.id).toBe(1);
  });
});

describe('aggregation', () => {
  const oneToMany = parseRuleSet({ name: 'split', version: 1, passes: [
    { strategy: 'aggregate', name: 'split', many: 'right', maxGroupSize: 5, amount: { absoluteMinor: 0 }, time: { minDeltaMs: 0, maxDeltaMs: 24 * HOUR } }] });

  it('1:N exact sum matches; off by one minor unit does not, and is one amount_mismatch (rounding) naming the record and the group', () => {
    const parts = (base: number, amounts: number[]) => amounts.map((a, i) => rec(base + i, { amountMinor: a, tsMs: T0 + (i + 1) * HOUR }));
    const exact = reconcile(inputFromRecords([rec(1, { amountMinor: 1000 })]), inputFromRecords(parts(R, [300, 300, 400])), oneToMany);
    expect(listMatches(exact.matches)).toEqual([expect.objectContaining({ leftIds: [1], rightIds: [R, R + 1, R + 2], strategy: 'aggregate', amountDeltaMinor: 0 })]);
    const off = reconcile(inputFromRecords([rec(1, { amountMinor: 1000 }), lateLeft(9)]), inputFromRecords([...parts(R, [300, 300, 399]), late(R + 9)]), oneToMany);
    expect(off.matches.count).toBe(0);
    const broken = off.breaks.filter((b) => b.leftIds.includes(1));
    expect(broken.map((b) => [b.class, b.leftIds, b.rightIds, b.amountMinor])).toEqual([['amount_mismatch', [1], [R, R + 1, R + 2], 1]]);
    expect(broken[0]!.explanation.facts.hint).toBe('rounding');
    expect(off.breaks.filter((b) => b.class === 'missing_left')).toEqual([]);
  });

  it('a payout whose window holds a group close to it is one amount_mismatch: a charge missing (partial), paid gross (fee), far off (missing)', () => {
    const charges = (base: number, at: number, amounts: number[]) =>
      amounts.map((a, i) => rec(base + i, { amountMinor: a, feeMinor: 30, status: 'succeeded', externalId: `ch${base + i}`, account: `acct_${at}`, tsMs: T0 + at * 48 * HOUR + i * HOUR }));
    const payout = (id: number, at: number, amount: number) => rec(id, { amountMinor: amount, externalId: `po_${id}`, account: `acct_${at}`, tsMs: T0 + at * 48 * HOUR + 10 * HOUR });
    const left = [
      ...charges(1, 0, [1000, 2000, 3000]), // paid with a 1500 charge that is not in the processor file
      ...charges(10, 1, [1000, 2000, 3000]), // paid gross: 6000, not 6000 − 90
      ...charges(20, 2, [500]), // the only charge near a payout of 9000: not the same settlement
      lateLeft(99),
    ];
    const right = [payout(R + 1, 0, 7500 - 120), payout(R + 2, 1, 6000), payout(R + 3, 2, 9000), late(R + 99)];
    const result = reconcile(inputFromRecords(left, { kind: 'processor' }), inputFromRecords(right, { kind: 'bank' }), DEFAULT_RULES.processorBank);
    expect(result.matches.count).toBe(0);
    const of = (id: number) => result.breaks.filter((b) => b.rightIds.includes(id) || b.leftIds.includes(id)).map((b) => [b.class, b.leftIds, b.rightIds, b.amountMinor, b.explanation.facts.hint]);
    expect(of(R + 1)).toEqual([['amount_mismatch', [1, 2, 3], [R + 1], 1470, 'partial']]);
    expect(of(R + 2)).toEqual([['amount_mismatch', [10, 11, 12], [R + 2], 90, 'fee']]);
    expect(of(R + 3).map((b) => b[0])).toEqual(['missing_left']);
    expect(of(20).map((b) => b[0])).toEqual(['missing_right']);
    const partial = result.breaks.find((b) => b.rightIds.includes(R + 1))!;
    expect(partial.explanation.summary).toBe(
      'bank line 1002 (po_1001, 73.80 USD, acct_0) and the 3 processor record(s) in its window (line(s) 2, 3, 4) are one settlement that does not add up: ' +
      'they sum to 59.10 net of fees against 73.80, amount +14.70 (partial) > 0.00 tolerance.');
    expect(partial.explanation.candidates.map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it('two different groups of one tier fitting a payout are reported as ambiguous, not picked', () => {
    // Leaving out either 7 gives 10: which charge the payout left out is not knowable.
    expect(findGroup([3, 7, 7], 10, 0, 5)).toBe('ambiguous');
    // Contiguous runs [4, 6] and [10] both make 10 (group size 2 rules out the wider tiers).
    expect(findGroup([4, 6, 10, 3], 10, 0, 2)).toBe('ambiguous');
    // Runs that differ only by a zero-valued record are one group.
    expect(findGroup([1, 0, 4, 6, 20], 10, 0, 3)).toEqual([1, 2, 3]);
    // Every candidate but one and a contiguous run rank alike (qa3a #4: {10, 20} and {30} both pay 30).
    expect(findGroup([5, 5, 10], 10, 0, 5)).toBe('ambiguous');
    expect(findGroup([10, 20, 30], 30, 0, 5)).toBe('ambiguous');
    // The complete group ranks first; a run that is the same group as the one left is not a second choice.
    expect(findGroup([5, 5, 10], 20, 0, 5)).toEqual([0, 1, 2]);
    expect(findGroup([3, 4, 5, 90], 12, 0, 5)).toEqual([0, 1, 2]);
    // A relative tolerance taken on the group's sum (qa3a #2): 1% of 1000.00 allows 10.00 either way.
    const onSum = (sum: number) => Math.floor(0.01 * Math.abs(sum));
    expect(findGroup([50_000, 50_000], 99_000, onSum, 5)).toEqual([0, 1]);
    expect(findGroup([50_000, 50_000], 101_001, onSum, 5)).toBeNull();

    const charges = [3, 7, 7].map((a, i) => rec(i + 1, { amountMinor: a * 100, externalId: `ch${i}`, tsMs: T0 + i * HOUR }));
    const payout = rec(R + 1, { amountMinor: 1000, externalId: 'po_1', tsMs: T0 + 10 * HOUR });
    const rules = parseRuleSet({ name: 'payouts', version: 1, passes: [
      { strategy: 'aggregate', name: 'payout-sum', many: 'left', maxGroupSize: 5, amount: { absoluteMinor: 0 }, time: { minDeltaMs: 0, maxDeltaMs: 24 * HOUR } }] });
    const result = reconcile(inputFromRecords([...charges, lateLeft(9)], { kind: 'processor' }), inputFromRecords([payout, late(R + 9)], { kind: 'bank' }), rules);
    expect(result.matches.count).toBe(0);
    expect(result.ambiguous).toBe(1);
    expect(result.breaks.find((b) => b.rightIds.includes(R + 1))!.explanation.summary).toMatch(/equally good candidates tied/);
  });

  it('regression (qa3a #5): a payout whose charges sum to it but lie outside the window is one delay naming the group', () => {
    const charges = [10_000, 20_000].map((a, i) => rec(i + 1, { amountMinor: a, feeMinor: 300, status: 'succeeded', externalId: `ch${i}`, tsMs: T0 + i * HOUR }));
    const payout = rec(R + 1, { amountMinor: 30_000 - 600, externalId: 'po_1', tsMs: T0 + 62 * HOUR });
    const result = reconcile(inputFromRecords([...charges, lateLeft(9)], { kind: 'processor' }), inputFromRecords([payout, late(R + 9)], { kind: 'bank' }), DEFAULT_RULES.processorBank);
    const delay = result.breaks.filter((b) => b.rightIds.includes(R + 1));
    expect(delay.map((b) => [b.class, b.leftIds, b.amountMinor])).toEqual([['delay', [1, 2], 29_400]]);
    expect(delay[0]!.explanation.summary).toMatch(/is the sum of 2 processor record\(s\) .*but 2 of them fall outside the window: time \+62 h > \+24 h window by 38 h\./);
    expect(result.counts.missing_right! + result.counts.missing_left!).toBe(0);
  });

  it('N:1 payout net of fees (processor → bank default), group size bounded', () => {
    const charges = [1000, 2000, 3000].map((a, i) => rec(i + 1, { amountMinor: a, feeMinor: 30, status: 'succeeded', externalId: `ch${i}`, tsMs: T0 + i * HOUR }));
    const failed = rec(4, { amountMinor: 999, feeMinor: 30, status: 'failed', externalId: 'ch_failed', tsMs: T0 + HOUR });
    const payout = rec(R + 1, { amountMinor: 6000 - 90, externalId: 'po_1', tsMs: T0 + 10 * HOUR });
    const result = reconcile(inputFromRecords([...charges, failed], { kind: 'processor' }), inputFromRecords([payout], { kind: 'bank' }), DEFAULT_RULES.processorBank);
    expect(listMatches(result.matches)).toEqual([expect.objectContaining({ leftIds: [1, 2, 3], rightIds: [R + 1], strategy: 'aggregate' })]);
    expect(result.counts.excluded_left).toBe(1);
    const small = parseRuleSet({ ...DEFAULT_RULES.processorBank, passes: [{ ...DEFAULT_RULES.processorBank.passes[0]!, maxGroupSize: 2 }] });
    const bounded = reconcile(inputFromRecords(charges), inputFromRecords([payout]), small);
    expect(bounded.matches.count).toBe(0);
  });
});

describe('sortByValue (the per-account time and amount index)', () => {
  it('orders by time then index, nearly sorted or shuffled, like a comparator sort', () => {
    for (const shuffle of [0.01, 1]) {
      let seed = 7;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const n = 5_000;
      const times = new Float64Array(n);
      for (let i = 0; i < n; i += 1) times[i] = rand() < shuffle ? Math.floor(rand() * n) * 1000 : i * 1000;
      times[3] = NaN;
      const run = Int32Array.from({ length: n }, (_, i) => i);
      const expected = Array.from(run).sort((a, b) => (times[a]! || 0) - (times[b]! || 0) || a - b);
      sortByValue(run, times);
      expect(Array.from(run)).toEqual(expected);
    }
  });
});
