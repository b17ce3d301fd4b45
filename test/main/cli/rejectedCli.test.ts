import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempStores } from '../../helpers/tempStore';
import { recon } from './cliRunner';

const tempStore = useTempStores();

const LEDGER = [
  'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo',
  'T1,acct_1,c1,10.00,USD,2026-03-03T10:00:00Z,posted,k1,1,ok',
  'T2,acct_1,c1,"1,23",USD,2026-03-03T10:05:00Z,posted,k2,2,"comma, decimal"',
  'T3,acct_1,c1,5.00,XYZ,2026-03-03T10:10:00Z,posted,k3,3,unknown currency',
  'T4,acct_1,c1,7.50,USD,not a date,posted,k4,4,bad date',
  'T5,acct_1',
  'T6,acct_1,c1,1.005,USD,2026-03-03T10:20:00Z,posted,k6,6,three decimals',
  'T7,acct_1,c1,2.00,USD,2026-03-03T10:25:00Z,posted,k7,7,ok',
  '',
].join('\n');

const REASONS = [
  { line: 3, column: 'amount', reason: 'amount "1,23" has "," as its decimal separator, but this file\'s decimal separator is "."' },
  { line: 4, column: 'currency', reason: expect.stringMatching(/^unknown currency code XYZ \(not ISO 4217\)/) },
  { line: 5, column: 'created_at', reason: expect.any(String) },
  { line: 6, column: null, reason: 'expected 10 fields, found 2' },
  { line: 7, column: 'amount', reason: 'amount "1.005" has 3 decimals; the currency allows 2 (this file\'s decimal separator is ".")' },
];

describe('recon CLI: rejected rows', () => {
  it('import shows the first five rejections; "recon rejected" lists them all by id or name, or writes the CSV export', () => {
    const store = tempStore();
    const file = join(store, 'ledger.csv');
    writeFileSync(file, LEDGER);

    const imported = recon('import', file, '--store', store);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.json).toMatchObject({ rows_total: 7, rows_imported: 2, rows_rejected: 5, rejected_sample: REASONS });
    expect(Object.keys(imported.json as object)).toEqual([
      'source_id', 'name', 'format', 'sha256', 'rows_total', 'rows_imported', 'rows_rejected', 'frontier', 'warnings', 'rejected_sample',
    ]);

    const listed = recon('rejected', '--store', store, '--source', 'ledger');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.json).toEqual({
      source_id: 1, name: 'ledger.csv', rows_rejected: 5,
      rejected: REASONS.map((r) => ({ ...r, raw: expect.any(String) })),
    });
    expect((listed.json as { rejected: { raw: string }[] }).rejected[3]!.raw).toBe('T5,acct_1');

    const limited = recon('rejected', '--store', store, '--source', '1', '--limit', '2');
    expect((limited.json as { rows_rejected: number; rejected: unknown[] })).toMatchObject({ rows_rejected: 5, rejected: [{ line: 3 }, { line: 4 }] });

    const out = join(store, 'rejected.csv');
    const written = recon('rejected', '--store', store, '--source', 'ledger.csv', '--out', out);
    expect(written.status, written.stderr).toBe(0);
    expect(written.json).toEqual({ source_id: 1, name: 'ledger.csv', rows_rejected: 5, path: out });
    const csv = readFileSync(out, 'utf8').split('\n');
    expect(csv[0]).toBe('line,column,reason,raw');
    expect(csv[1]).toBe('3,amount,"amount ""1,23"" has "","" as its decimal separator, but this file\'s decimal separator is ""."""'
      + ',"T2,acct_1,c1,""1,23"",USD,2026-03-03T10:05:00Z,posted,k2,2,""comma, decimal"""');
    expect(csv).toHaveLength(7);
  });

  it('bad arguments are clear; a second import of the same bytes names the CLI flag that allows it', () => {
    const store = tempStore();
    const file = join(store, 'ledger.csv');
    writeFileSync(file, LEDGER);
    expect(recon('import', file, '--store', store).status).toBe(0);

    const again = recon('import', file, '--store', store);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/ledger\.csv was already imported as source #1 "ledger\.csv" \(same SHA-256 [0-9a-f]{12}…\); add --allow-duplicate-file to import it again as a new source/);
    expect(again.json).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(again.stderr).not.toMatch(/allowDuplicateFile/);

    const missing = recon('rejected', '--store', store);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/rejected: --source SOURCE is required/);
    const unknown = recon('rejected', '--store', store, '--source', 'nope');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/--source nope: no source with that id or name/);
    expect(recon('rejected', '--store', store, '--source', '1', '--limit', 'many').stderr).toMatch(/--limit N must be a whole number/);
    expect(recon('rejected', '--store', store, '--source', '1', '--out', join(store, 'x.txt')).stderr).toMatch(/must end in \.csv/);
  });
});
