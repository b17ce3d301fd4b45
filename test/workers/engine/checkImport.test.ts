import { describe, expect, it } from 'vitest';
import { checkImport } from '../../../workers/engine/checkImport';
import { previewImport } from '../../../workers/engine/previewImport';
import { importFile } from '../../../workers/import/importFile';
import { tempStore, writeTemp } from '../import/helpers';

const HEADER = 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo';

/** 60 rows; rows 5, 33 and 58 (lines 6, 34, 59) have amounts that are not amounts: two of them past the preview's 20. */
function ledgerWithBadRows(): string {
  const rows = Array.from({ length: 60 }, (_, i) => {
    const amount = [5, 33, 58].includes(i) ? 'abc' : `${i + 1}.25`;
    return `t${i},acct_1,c,${amount},USD,2026-03-02T10:00:00Z,posted,k${i},${i + 1},`;
  });
  return `${[HEADER, ...rows].join('\n')}\n`;
}

describe('checkImport: a dry run of the whole file before commit', () => {
  it('counts every row the import would take and reject, with the first rejections, as the import then does', async () => {
    const file = writeTemp('ledger-bad.csv', ledgerWithBadRows());
    const preview = await previewImport({ filePath: file });
    expect(preview.normalized.filter((n) => !n.ok)).toHaveLength(1);

    const progress: string[] = [];
    const check = await checkImport({ filePath: file }, { onProgress: (_d, _t, phase) => progress.push(phase) });
    expect(check).toMatchObject({ rowsTotal: 60, rowsWouldImport: 57, rowsWouldReject: 3 });
    expect(check.firstRejections.map((r) => [r.line, r.column])).toEqual([[7, 'amount'], [35, 'amount'], [60, 'amount']]);
    expect(check.firstRejections[0]!.raw).toContain('t5,acct_1');
    expect(progress.at(-1)).toBe('complete');

    const { db } = tempStore();
    const imported = await importFile(db, { filePath: file, kind: 'ledger', actor: 't' });
    expect([imported.rowsTotal, imported.rowsImported, imported.rowsRejected]).toEqual([check.rowsTotal, check.rowsWouldImport, check.rowsWouldReject]);
    expect(db.prepare('SELECT line FROM rejected_rows ORDER BY line').pluck().all()).toEqual(check.firstRejections.map((r) => r.line));
  });

  it('stores nothing, and stops with CANCELLED when cancelled', async () => {
    const file = writeTemp('ledger-cancel.csv', ledgerWithBadRows());
    const error = await checkImport({ filePath: file }, { isCancelled: () => true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED' });
  });

  it('regression (uiqa missing file): a path with no file says so instead of "ENOENT"', async () => {
    await expect(checkImport({ filePath: '/nonexistent/dir/ledger.csv' })).rejects.toThrow('No file at /nonexistent/dir/ledger.csv');
    await expect(previewImport({ filePath: '/nonexistent/dir/ledger.csv' })).rejects.toThrow(/^No file at \/nonexistent\/dir\/ledger\.csv$/);
  });
});
