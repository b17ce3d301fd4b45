import { describe, expect, it } from 'vitest';
import { buildDemoFiles } from '../../../main/demo/demoFiles';
import { inputFromRecords } from '../../../workers/matching/engineInput';
import { listMatches, reconcile } from '../../../workers/matching/reconcile';
import { DEFAULT_RULES } from '../../../workers/matching/ruleSet';
import { recordsFromCsv } from '../../generators/records';

describe('the demo files reconcile with the default rules', () => {
  const files = buildDemoFiles();
  const ledger = recordsFromCsv(files.ledgerCsv, 'ledger', 0);
  const processor = recordsFromCsv(files.processorCsv, 'processor', 10_000);
  const bank = recordsFromCsv(files.bankCsv, 'bank', 20_000);
  const ledgerId = new Map(ledger.map((r) => [r.externalId!, r.id]));
  const processorId = new Map(processor.map((r) => [r.externalId!, r.id]));
  const idOf = (externalId: string) => ledgerId.get(externalId) ?? processorId.get(externalId)!;

  it('ledger ↔ processor finds every planted break', () => {
    const result = reconcile(inputFromRecords(ledger, { kind: 'ledger' }), inputFromRecords(processor, { kind: 'processor' }), DEFAULT_RULES.ledgerProcessor);
    const classesOf = (externalId: string) => {
      const id = idOf(externalId);
      return result.breaks.filter((b) => b.leftIds.includes(id) || b.rightIds.includes(id)).map((b) => b.class);
    };
    for (const id of files.planted.missing_right!) expect(classesOf(id)).toContain('missing_right');
    for (const id of files.planted.missing_left!) expect(classesOf(id)).toContain('missing_left');
    expect(classesOf('txn_0030r')).toEqual(['duplicate']);
    expect(classesOf('txn_0052')).toEqual(['delay']);
    expect(classesOf('txn_0061')).toEqual(['amount_mismatch']);
    expect(classesOf('txn_0074')).toEqual(['currency_mismatch']);
    expect(classesOf('txn_0088')).toEqual(['status_mismatch']);
    for (const id of files.planted.out_of_order!) expect(classesOf(id)).toContain('out_of_order');
    const planted = Object.values(files.planted).flat().length;
    expect(result.breaks.length).toBe(planted - 1); // the two swapped records share one out_of_order break
    expect(result.matches.count).toBe(ledger.length - 1 - 3 - 4);
    const delay = result.breaks.find((b) => b.class === 'delay')!;
    expect(delay.explanation.summary).toMatch(/time \+51 h > \+24 h window/);
  });

  it('processor ↔ bank: every payout is the sum of its day’s charges net of fees', () => {
    const result = reconcile(inputFromRecords(processor, { kind: 'processor' }), inputFromRecords(bank, { kind: 'bank' }), DEFAULT_RULES.processorBank);
    expect(result.counts.missing_left).toBe(0);
    expect(listMatches(result.matches).every((m) => m.strategy === 'aggregate' && m.amountDeltaMinor === 0)).toBe(true);
    expect(result.matches.count).toBe(bank.length);
    // Only the two orphan charges (not in any payout) are left over; the failed charge is excluded.
    const leftover = result.breaks.flatMap((b) => b.leftIds).sort();
    expect(leftover).toEqual([idOf('pay_orphan_1'), idOf('pay_orphan_2')].sort());
    expect(result.counts.excluded_left).toBe(1);
  });
});
