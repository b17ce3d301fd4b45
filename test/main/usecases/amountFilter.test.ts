import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { majorToMinorBound } from '../../../main/db/queries/amountFilterSql';
import { queryBreaks } from '../../../main/usecases/analyst/breaksUseCases';
import { insertBreak, seedSmallRun } from '../../helpers/analystFixtures';
import { useAnalystContexts } from '../../helpers/analystContext';

const context = useAnalystContexts();
const byAmount = { key: 'amount', direction: 'asc' } as const;

describe('amount filter in major units (regression: minor units compared across currencies, decimals cut)', () => {
  it('reads major units per currency when no currency is filtered', async () => {
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    insertBreak(ctx.db, runId, { cls: 'missing_left', amount: 1500, currency: 'JPY' });
    insertBreak(ctx.db, runId, { cls: 'missing_left', amount: 12_345, currency: 'KWD' });
    const ids = async (filter: Record<string, unknown>) =>
      (await queryBreaks(ctx, { filter: { runId, ...filter }, sort: byAmount, offset: 0, limit: 50 })).rows.map((r) => `${r.amountMinor} ${r.currency}`);
    // ≥ 12.50 in each currency: 1,500 JPY and 42.00 USD; not 12.345 KWD (though 12345 minor units), nor 9.90 USD.
    expect(await ids({ minAmount: '12.50' })).toEqual(['1500 JPY', '4200 USD']);
    expect(await ids({ minAmount: '12', maxAmount: '13' })).toEqual(['12345 KWD']);
    expect(await ids({ currency: 'USD', minAmount: '7.77', maxAmount: '9.9' })).toEqual(['777 USD', '990 USD']);
    expect(await ids({ currency: 'JPY', maxAmount: '1500' })).toEqual(['1500 JPY']);
  });

  it('rounds a bound with more decimals than the currency has inward', () => {
    expect(majorToMinorBound('12.505', 2, 'min')).toBe(1251);
    expect(majorToMinorBound('12.505', 2, 'max')).toBe(1250);
    expect(majorToMinorBound('12.50', 2, 'min')).toBe(1250);
    expect(majorToMinorBound('-12.505', 2, 'min')).toBe(-1250);
    expect(majorToMinorBound('-12.505', 2, 'max')).toBe(-1251);
    expect(majorToMinorBound('1000', 0, 'min')).toBe(1000);
    expect(majorToMinorBound('1.5', 3, 'min')).toBe(1500);
  });

  it('refuses an amount that is not a decimal at the IPC boundary', async () => {
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    const outcome = await dispatch(ctx, 'breaks:count-breaks', { filter: { runId, minAmount: '1e3' } });
    expect(outcome.ok).toBe(false);
  });
});
