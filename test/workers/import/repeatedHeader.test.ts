import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../workers/import/errors';
import { importFile } from '../../../workers/import/importFile';
import { listSources } from '../../../workers/import/listRejected';
import { tempStore, writeTemp } from './helpers';

const REPEATED = 'txn_id,txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo\na,b,acct_1,c,1.00,USD,2026-03-02T10:00:00Z,posted,i1,1,\n';

describe('a header that repeats a column name', () => {
  it('regression (xcheck dup_header): a mapped name on two columns is refused, not resolved to the first, and nothing is written', async () => {
    const { db } = tempStore();
    const error = await importFile(db, { filePath: writeTemp('dup.csv', REPEATED), kind: 'ledger', actor: 't' }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe('dup.csv: line 1: "externalId" is mapped to column "txn_id", but the header has 2 columns by that name (1 and 2); map it by number in a mapping file, e.g. "columns": {"externalId": 1}');
    expect(listSources(db)).toEqual([]);
  });

  it('mapped by number, the other column of that name is named in a warning', async () => {
    const { db } = tempStore();
    const columns = { externalId: 2, account: 'account_id', amount: 'amount', currency: 'currency', timestamp: 'created_at' };
    const r = await importFile(db, { filePath: writeTemp('dup.csv', REPEATED), kind: 'ledger', actor: 't', mapping: { columns } });
    expect(db.prepare('SELECT external_id FROM records').get()).toEqual({ external_id: 'b' });
    expect(r.warnings).toContain('the header has 2 columns named "txn_id" (1 and 2); column 2 is mapped by number');
  });

  it('regression (xcheck R5): names differing only in case are the same name, even when the mapping matches one exactly', async () => {
    const { db } = tempStore();
    const file = writeTemp('case.csv', 'ref,Amount,amount,currency\nr1,1.00,2.00,EUR\n');
    const error = await importFile(db, { filePath: file, kind: 'ledger', actor: 't', mapping: { columns: { externalId: 'ref', amount: 'amount', currency: 'currency' } } }).then(() => null, (e: unknown) => e);
    expect((error as Error).message).toBe('case.csv: line 1: "amount" is mapped to column "amount", but the header has 2 columns named "Amount" and "amount", which differ only in case (2 and 3); map it by number in a mapping file, e.g. "columns": {"amount": 2}');
    const guessed = await importFile(db, { filePath: file, kind: 'ledger', actor: 't' }).then(() => null, (e: unknown) => e);
    expect((guessed as Error).message).toMatch(/2 columns named "Amount" and "amount", which differ only in case/);
    const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 't', mapping: { columns: { externalId: 'ref', amount: 3, currency: 'currency' } } });
    expect(db.prepare('SELECT amount_minor FROM records').get()).toEqual({ amount_minor: 200 });
    expect(r.warnings).toContain('the header has 2 columns named "Amount" (2 and 3); column 3 is mapped by number');
  });

  it('a repeated name no field is mapped to is only noted', async () => {
    const { db } = tempStore();
    const file = writeTemp('notes.csv', 'ref,amount,currency,note,note\nr1,1.00,EUR,x,y\n');
    const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 't', mapping: { columns: { externalId: 'ref', amount: 'amount', currency: 'currency' } } });
    expect(r.rowsImported).toBe(1);
    expect(r.warnings).toContain('the header has 2 columns named "note" (4 and 5); none of them is mapped');
  });
});
