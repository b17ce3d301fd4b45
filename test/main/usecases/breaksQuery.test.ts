import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { countBreaksUseCase, queryBreaks } from '../../../main/usecases/analyst/breaksUseCases';
import { FIXTURE_T0, HOUR_MS, seedSmallRun, seedSyntheticBreaks } from '../../helpers/analystFixtures';
import { useAnalystContexts } from '../../helpers/analystContext';

const context = useAnalystContexts();
const byTime = { key: 'ts', direction: 'asc' } as const;

describe('breaks:query-breaks', () => {
  it('filters by class, account, amount range and time range in SQL', async () => {
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    const all = await queryBreaks(ctx, { filter: { runId }, sort: byTime, offset: 0, limit: 50 });
    expect(all.rows.map((r) => r.breakClass)).toEqual(['amount_mismatch', 'missing_right', 'duplicate', 'missing_left', 'delay']);
    const missing = await queryBreaks(ctx, { filter: { runId, classes: ['missing_left', 'missing_right'] }, sort: byTime, offset: 0, limit: 50 });
    expect(missing.rows.map((r) => r.breakClass)).toEqual(['missing_right', 'missing_left']);
    const acct2 = await queryBreaks(ctx, { filter: { runId, account: 'acct_2', minAmountMinor: 1000 }, sort: byTime, offset: 0, limit: 50 });
    expect(acct2.rows.map((r) => r.amountMinor)).toEqual([4200]);
    const window = await queryBreaks(ctx, { filter: { runId, fromMs: FIXTURE_T0 + HOUR_MS, toMs: FIXTURE_T0 + 3 * HOUR_MS }, sort: byTime, offset: 0, limit: 50 });
    expect(window.rows).toHaveLength(2);
  });

  it('sorts by amount descending with id as the tie-breaker and pages without overlap', async () => {
    const ctx = context();
    const { runId } = seedSyntheticBreaks(ctx.db, 2_000);
    const sort = { key: 'amount', direction: 'desc' } as const;
    const first = await queryBreaks(ctx, { filter: { runId }, sort, offset: 0, limit: 100 });
    const second = await queryBreaks(ctx, { filter: { runId }, sort, offset: 100, limit: 100 });
    const amounts = [...first.rows, ...second.rows].map((r) => r.amountMinor);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(200);
  });

  it('free text matches external ids, references, accounts and explanation words as prefixes', async () => {
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    const search = async (text: string) => (await queryBreaks(ctx, { filter: { runId, text }, sort: byTime, offset: 0, limit: 50 })).rows.map((r) => r.breakClass);
    expect(await search('L3')).toEqual(['missing_right']);
    expect(await search('ref-P4')).toEqual(['missing_left']);
    expect(await search('pend')).toEqual(['delay']);
    expect(await search('acct_2')).toEqual(['missing_right', 'duplicate']);
    // Quotes and FTS operators are taken literally, never as query syntax.
    expect(await search('" OR * NEAR(')).toEqual([]);
  });

  it('free text also matches the records\' descriptions (regression: memos were not indexed)', async () => {
    const ctx = context();
    const { runId, records } = seedSmallRun(ctx.db);
    ctx.db.prepare("UPDATE records SET description = 'Refund for order 7781' WHERE id = ?").run(records['P4']);
    const search = async (text: string) => (await queryBreaks(ctx, { filter: { runId, text }, sort: byTime, offset: 0, limit: 50 })).rows.map((r) => r.breakClass);
    expect(await search('refund 7781')).toEqual(['missing_left']);
  });

  it('counts with a cap so counting never walks more than it must', async () => {
    const ctx = context();
    const { runId } = seedSyntheticBreaks(ctx.db, 500);
    expect(await countBreaksUseCase(ctx, { filter: { runId } })).toEqual({ count: 500, capped: false });
    expect(await countBreaksUseCase(ctx, { filter: { runId }, cap: 100 })).toEqual({ count: 100, capped: true });
  });

  it('rejects unknown sort keys and an unknown run through the contract', async () => {
    const ctx = context();
    expect(await dispatch(ctx, 'breaks:query-breaks', { filter: { runId: 1 }, sort: { key: 'raw; DROP', direction: 'asc' }, offset: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await dispatch(ctx, 'breaks:query-breaks', { filter: { runId: 99 }, sort: byTime, offset: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('page planning', () => {
  it('drives from a selective filter and walks the sort index for a common one', async () => {
    const { planPage } = await import('../../../main/db/queries/breaksQueries');
    const ctx = context();
    const { runId } = seedSyntheticBreaks(ctx.db, 12_000);
    ctx.db.prepare("UPDATE breaks SET triage_state = 'accepted', assignee = 'ana' WHERE id % 1000 = 0").run();
    const amountDesc = { key: 'amount', direction: 'desc' } as const;
    expect(planPage(ctx.db, { runId, states: ['accepted'] }, amountDesc).walkSortIndex).toBe(false);
    expect(planPage(ctx.db, { runId, assignee: 'ana' }, amountDesc).walkSortIndex).toBe(false);
    expect(planPage(ctx.db, { runId, states: ['open'] }, amountDesc).walkSortIndex).toBe(true);
    const rows = (await queryBreaks(ctx, { filter: { runId, states: ['accepted'] }, sort: amountDesc, offset: 0, limit: 50 })).rows;
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.amountMinor)).toEqual([...rows.map((r) => r.amountMinor)].sort((a, b) => b - a));
  });

  it('looks selective text hits up by id and scans for common words, with the same results', async () => {
    const { planPage } = await import('../../../main/db/queries/breaksQueries');
    const ctx = context();
    const { runId } = seedSyntheticBreaks(ctx.db, 6_000);
    await queryBreaks(ctx, { filter: { runId, text: 'x' }, sort: byTime, offset: 0, limit: 1 });
    expect(planPage(ctx.db, { runId, text: 'txn_42' }, byTime)).toMatchObject({ textMode: 'match', walkSortIndex: false });
    expect(planPage(ctx.db, { runId, text: 'synthetic' }, byTime)).toMatchObject({ textMode: 'scan', walkSortIndex: true });
    const common = await queryBreaks(ctx, { filter: { runId, text: 'synthetic delay' }, sort: byTime, offset: 0, limit: 1000 });
    const count = await countBreaksUseCase(ctx, { filter: { runId, text: 'synthetic delay' } });
    expect(common.rows.length).toBe(Math.min(1000, count.count));
    expect(common.rows.every((r) => r.breakClass === 'delay')).toBe(true);
  });
});

describe('page query while a bulk writer has the indexes dropped', () => {
  it('falls back to an unnamed index instead of failing', async () => {
    const { queryBreakPage } = await import('../../../main/db/queries/breaksQueries');
    const { withBreakIndexesDeferred } = await import('../../../main/db/queries/breakIndexes');
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    const rows = withBreakIndexesDeferred(ctx.db, () => queryBreakPage(ctx.db, { runId, account: 'acct_2' }, byTime, 0, 10));
    expect(rows.map((r) => r.account)).toEqual(['acct_2', 'acct_2']);
  });
});
