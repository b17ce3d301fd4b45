import { describe, expect, it } from 'vitest';
import { emptyInput, inputFromRecords, type EngineInput } from '../../../workers/matching/engineInput';
import { reconcile } from '../../../workers/matching/reconcile';
import { DEFAULT_RULES } from '../../../workers/matching/ruleSet';
import { generateDataset, shuffled, type Dataset } from '../../generators/reconData';
import { scoreResult } from '../../generators/score';

function runOn(data: Dataset, order?: number) {
  const left = order === undefined ? data.left : shuffled(data.left, order);
  const right = order === undefined ? data.right : shuffled(data.right, order + 1);
  return reconcile(inputFromRecords(left, { kind: 'ledger' }), inputFromRecords(right, { kind: 'processor' }), DEFAULT_RULES.ledgerProcessor);
}

function expectScores(data: Dataset, threshold: number) {
  const scores = scoreResult(data, runOn(data));
  for (const [cls, s] of Object.entries(scores)) {
    expect.soft(s.tp + s.fn, `${cls} is planted`).toBeGreaterThan(0);
    expect.soft(s.precision, `${cls} precision (tp ${s.tp}, fp ${s.fp})`).toBeGreaterThanOrEqual(threshold);
    expect.soft(s.recall, `${cls} recall (tp ${s.tp}, fn ${s.fn})`).toBeGreaterThanOrEqual(threshold);
  }
}

describe('labelled generated data', () => {
  it('precision and recall ≥ 99.5% for every class at 100k rows', () => {
    expectScores(generateDataset({ seed: 1, rows: 100_000 }), 0.995);
  });

  it.each([
    { seed: 2, rows: 5_000, rates: {} },
    { seed: 3, rows: 20_000, rates: { missingRight: 0.05, missingLeft: 0.05, delay: 0.03, keyless: 0.1, duplicateLeft: 0.02 } },
    { seed: 4, rows: 10_000, accounts: 3, rates: { amountMismatch: 0.02, statusMismatch: 0.02, currencyMismatch: 0.02, outOfOrder: 0.05 } },
  ])('holds across seeds, sizes and anomaly rates ($seed, $rows rows)', (options) => {
    expectScores(generateDataset(options), 0.995);
  });

  it('the generated data covers refunds, zero amounts, several currencies and keys reused across accounts', () => {
    const { left } = generateDataset({ seed: 5, rows: 5_000 });
    expect(left.some((r) => r.amountMinor < 0)).toBe(true);
    expect(left.some((r) => r.amountMinor === 0)).toBe(true);
    expect(new Set(left.map((r) => r.currency)).size).toBeGreaterThanOrEqual(3);
    const accountsById = new Map<string, Set<string>>();
    for (const r of left) accountsById.set(r.externalId!, (accountsById.get(r.externalId!) ?? new Set()).add(r.account!));
    expect([...accountsById.values()].some((set) => set.size > 1)).toBe(true);
  });
});

describe('determinism', () => {
  const data = generateDataset({ seed: 11, rows: 20_000 });

  it('gives the same fingerprint and results whatever the record order', () => {
    const a = runOn(data);
    const b = runOn(data, 99);
    const c = runOn(data, 12345);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).toBe(a.fingerprint);
    expect(b.counts).toEqual(a.counts);
    expect(b.breaks.map((x) => x.explanation.summary)).toEqual(a.breaks.map((x) => x.explanation.summary));
  });

  it('gives the same fingerprint and results when the rows of the files are shuffled (new line numbers)', () => {
    // As if each file were written in another row order: every record keeps its content, its line changes.
    const reflowed = (records: typeof data.left, seed: number) => shuffled(records, seed).map((r, i) => ({ ...r, line: i + 2 }));
    const byContent = (result: ReturnType<typeof runOn>, left: typeof data.left, right: typeof data.right) => {
      const leftById = new Map(left.map((r) => [r.id, r]));
      const rightById = new Map(right.map((r) => [r.id, r]));
      const name = (r: (typeof data.left)[number]) => `${r.externalId}|${r.account}|${r.amountMinor}|${r.tsMs}`;
      return result.breaks.map((b) => `${b.class}:${b.leftIds.map((id) => name(leftById.get(id)!)).sort().join(',')}:${b.rightIds.map((id) => name(rightById.get(id)!)).sort().join(',')}`).sort();
    };
    const a = runOn(data);
    const moved = { ...data, left: reflowed(data.left, 7), right: reflowed(data.right, 8) };
    const b = runOn(moved);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(b.counts).toEqual(a.counts);
    expect(byContent(b, moved.left, moved.right)).toEqual(byContent(a, data.left, data.right));
  });

  it('changes the fingerprint when a record or the rules change', () => {
    const a = runOn(data);
    const changed = { ...data, right: data.right.map((r, i) => (i === 10 ? { ...r, amountMinor: r.amountMinor + 1 } : r)) };
    expect(runOn(changed).fingerprint).not.toBe(a.fingerprint);
    const rules = { ...DEFAULT_RULES.ledgerProcessor, version: 2 };
    const other = reconcile(inputFromRecords(data.left), inputFromRecords(data.right), rules);
    expect(other.fingerprint).not.toBe(a.fingerprint);
  });

  it('does not depend on record ids', () => {
    const renumber = (input: EngineInput, offset: number): EngineInput => ({ ...input, ids: input.ids.map((id) => id + offset) });
    const left = inputFromRecords(data.left, { kind: 'ledger' });
    const right = inputFromRecords(data.right, { kind: 'processor' });
    const a = reconcile(left, right, DEFAULT_RULES.ledgerProcessor);
    const b = reconcile(renumber(left, 7_000_000), renumber(right, 9_000_000), DEFAULT_RULES.ledgerProcessor);
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  it('handles empty sides', () => {
    const result = reconcile(emptyInput(0), inputFromRecords(data.right.slice(0, 10)), DEFAULT_RULES.ledgerProcessor);
    expect(result.matches.count).toBe(0);
    expect(result.breaks.length).toBe(10);
  });

  it('reports progress and can be cancelled', () => {
    const phases: string[] = [];
    runOn({ ...data, left: data.left.slice(0, 100), right: data.right.slice(0, 100) });
    reconcile(inputFromRecords(data.left.slice(0, 100)), inputFromRecords(data.right.slice(0, 100)), DEFAULT_RULES.ledgerProcessor, {
      onProgress: (_d, _t, phase) => phases.push(phase),
    });
    expect(phases).toEqual(expect.arrayContaining(['duplicates', 'pass:exact-key', 'pass:account-amount-24h', 'explain', 'done']));
    let calls = 0;
    expect(() => reconcile(inputFromRecords(data.left), inputFromRecords(data.right), DEFAULT_RULES.ledgerProcessor, {
      isCancelled: () => ++calls > 3,
    })).toThrow(/cancelled/);
  });
});
