import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../main/audit/auditLog';
import { importFile } from '../../../workers/import/importFile';
import { ImportError } from '../../../workers/import/errors';
import { listRejectedRows, listSources, rejectedRowsCsv } from '../../../workers/import/listRejected';
import { countRows, tempStore, writeTemp } from './helpers';

const LEDGER = 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo';
const PROCESSOR = 'ref,account,amount,currency,settled_at,fee,status,description';

async function expectError(p: Promise<unknown>, code: string, message: RegExp): Promise<ImportError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  expect((error as ImportError).message).toMatch(message);
  return error as ImportError;
}

describe('importFile: CSV without a mapping file', () => {
  it('imports the ledger header with guessed columns and keeps every row', async () => {
    const { db } = tempStore();
    const file = writeTemp('ledger.csv', [
      LEDGER,
      'T1,A1,C1,12.34,USD,2024-01-31T13:45:00Z,posted,idem-1,1,first',
      'T2,A1,C2,-5,JPY,2024-01-31T13:46:00Z,posted,idem-2,2,"quoted, memo"',
      'T3,A2,C3,1.234,USD,2024-01-31T13:47:00Z,posted,idem-3,3,too many decimals',
      'T4,A2,C3,7.00,USD,not-a-date,posted,idem-4,4,bad date',
      'T5,A2,C3,7.00,USD',
      '',
    ].join('\n'));
    const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 'test' });
    expect(r).toMatchObject({ format: 'csv', rowsTotal: 5, rowsImported: 2, rowsRejected: 3, frontierMs: Date.UTC(2024, 0, 31, 13, 46) });
    const rec = db.prepare('SELECT * FROM records WHERE source_id = ? ORDER BY line').all(r.sourceId) as Record<string, unknown>[];
    expect(rec[0]).toMatchObject({ line: 2, external_id: 'T1', reference: 'idem-1', account: 'A1', customer: 'C1', amount_minor: 1234, currency: 'USD', status: 'posted', sequence: 1, description: 'first' });
    expect(rec[1]).toMatchObject({ line: 3, amount_minor: -5, currency: 'JPY', description: 'quoted, memo', raw: 'T2,A1,C2,-5,JPY,2024-01-31T13:46:00Z,posted,idem-2,2,"quoted, memo"' });
    const rejected = listRejectedRows(db, r.sourceId, 0, 10);
    expect(rejected.map((x) => [x.line, x.column])).toEqual([[4, 'amount'], [5, 'created_at'], [6, null]]);
    expect(rejected[0]!.reason).toMatch(/3 decimals/);
    expect(rejected[2]!.reason).toMatch(/expected 10 fields, found 5/);
    expect(rejectedRowsCsv(db, r.sourceId)).toMatch(/^line,column,reason,raw\n4,amount,/);
    expect(listSources(db)[0]).toMatchObject({ id: r.sourceId, status: 'complete', rowsTotal: 5 });
    expect(verifyChain(db).ok).toBe(true);
  });

  it('imports the processor header (ref → externalId, fee in minor units)', async () => {
    const { db } = tempStore();
    const file = writeTemp('proc.csv', `${PROCESSOR}\nP1,A1,12.34,EUR,2024-02-01 10:00:00,0.30,settled,card\n`);
    const r = await importFile(db, { filePath: file, kind: 'processor', actor: 'test', timezone: 'Europe/Berlin' });
    expect(r.rowsImported).toBe(1);
    expect(db.prepare('SELECT external_id, reference, amount_minor, fee_minor, ts_ms, description FROM records').get()).toEqual({
      external_id: 'P1', reference: null, amount_minor: 1234, fee_minor: 30, ts_ms: Date.UTC(2024, 1, 1, 9), description: 'card',
    });
  });

  it('refuses the same bytes twice with CONFLICT unless allowed', async () => {
    const { db } = tempStore();
    const file = writeTemp('p.csv', `${PROCESSOR}\nP1,A1,1.00,EUR,2024-02-01,0,ok,x\n`);
    await importFile(db, { filePath: file, kind: 'processor', actor: 't' });
    const conflict = await expectError(importFile(db, { filePath: file, kind: 'processor', actor: 't' }), 'CONFLICT', /^p\.csv was already imported as source #1 "p\.csv" \(same SHA-256 [0-9a-f]{12}…\)$/);
    // How to ask for a duplicate is the front end's to say (the CLI names --allow-duplicate-file).
    expect(conflict.message).not.toMatch(/allowDuplicateFile/);
    const again = await importFile(db, { filePath: file, kind: 'processor', actor: 't', allowDuplicateFile: true });
    expect(again.sourceId).toBe(2);
  });

  it('decodes UTF-16 and Windows-1252, semicolons and decimal commas', async () => {
    const { db } = tempStore();
    const text = `${PROCESSOR}\nP1,A1,1.50,EUR,2024-02-01,0,ok,Café\n`;
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r1 = await importFile(db, { filePath: writeTemp('u16.csv', bom), kind: 'processor', actor: 't' });
    const latin = Buffer.from(text.replace('P1', 'P2'), 'latin1');
    const r2 = await importFile(db, { filePath: writeTemp('l1.csv', latin), kind: 'processor', actor: 't' });
    expect(r2.warnings.join()).toMatch(/not valid UTF-8; it was decoded as Windows-1252/);
    const semi = 'ref;account;amount;currency;settled_at;fee;status;description\nP3;A1;1.234,56;EUR;2024-02-01;0,30;ok;x\n';
    const r3 = await importFile(db, { filePath: writeTemp('semi.csv', semi), kind: 'processor', actor: 't' });
    const rows = db.prepare('SELECT source_id, amount_minor, fee_minor, description FROM records ORDER BY id').all();
    expect(rows).toEqual([
      { source_id: r1.sourceId, amount_minor: 150, fee_minor: 0, description: 'Café' },
      { source_id: r2.sourceId, amount_minor: 150, fee_minor: 0, description: 'Café' },
      { source_id: r3.sourceId, amount_minor: 123456, fee_minor: 30, description: 'x' },
    ]);
  });

  it('asks for the day/month order when every date is ambiguous, and uses evidence otherwise', async () => {
    const { db } = tempStore();
    const ambiguous = writeTemp('amb.csv', `${PROCESSOR}\nP1,A1,1.00,EUR,02/01/2024,0,ok,x\nP2,A1,1.00,EUR,03/04/2024,0,ok,x\n`);
    const e = await expectError(importFile(db, { filePath: ambiguous, kind: 'processor', actor: 't' }), 'INVALID_INPUT', /day and month ≤ 12.*"dateOrder": "dmy" or "mdy"/);
    expect(e.question).toMatchObject({ key: 'dateOrder', choices: ['dmy', 'mdy'] });
    expect(listSources(db)).toEqual([]);
    const r = await importFile(db, { filePath: ambiguous, kind: 'processor', actor: 't', mapping: { dateOrder: 'dmy' } });
    expect(r.rowsImported).toBe(2);
    const evident = writeTemp('ev.csv', `${PROCESSOR}\nP1,A1,1.00,EUR,02/01/2024,0,ok,x\nP2,A1,1.00,EUR,25/04/2024,0,ok,x\n`);
    const r2 = await importFile(db, { filePath: evident, kind: 'processor', actor: 't' });
    expect(r2.warnings.join()).toMatch(/day\/month\/year \(line 3/);
  });

  it('validates mapping files with clear errors', async () => {
    const { db } = tempStore();
    const file = writeTemp('p.csv', `${PROCESSOR}\nP1,A1,1.00,EUR,2024-02-01,0,ok,x\n`);
    await expectError(importFile(db, { filePath: file, kind: 'processor', actor: 't', mapping: { columns: { amount: 'nope' } } }), 'INVALID_INPUT', /"amount" names column "nope", which is not in the header/);
    await expectError(importFile(db, { filePath: file, kind: 'processor', actor: 't', mapping: { timezone: 'Mars/Olympus', columns: { bogus: 1 } } as never }), 'INVALID_INPUT', /timezone: not an IANA time zone[\s\S]*columns: Unrecognized key/);
  });

  it('uses a mapping with debit/credit columns and a default currency', async () => {
    const { db } = tempStore();
    const file = writeTemp('bank.csv', 'Date;Text;Debit;Credit\n31.01.2024;Rent;1.200,00;\n01.02.2024;Salary;;3.000,50\n');
    const r = await importFile(db, { filePath: file, kind: 'bank', actor: 't', mapping: { currency: 'EUR', dateOrder: 'dmy', decimalSeparator: ',', columns: { timestamp: 'Date', description: 'Text', debit: 'Debit', credit: 'Credit' } } });
    expect(r.rowsImported).toBe(2);
    expect(db.prepare('SELECT amount_minor, ts_ms FROM records ORDER BY line').all()).toEqual([
      { amount_minor: -120000, ts_ms: Date.UTC(2024, 0, 31) }, { amount_minor: 300050, ts_ms: Date.UTC(2024, 1, 1) },
    ]);
  });

  it('cancels cleanly: rows removed, source cancelled, audited', async () => {
    const { db } = tempStore();
    const lines = [LEDGER];
    for (let i = 0; i < 2000; i++) lines.push(`T${i},A1,C1,1.00,USD,2024-01-31T13:45:00Z,posted,k${i},${i},m`);
    const file = writeTemp('big.csv', `${lines.join('\n')}\n`);
    let calls = 0;
    await expectError(importFile(db, { filePath: file, kind: 'ledger', actor: 't', chunkRows: 100 }, { isCancelled: () => ++calls > 5 }), 'CANCELLED', /cancelled/);
    const [source] = listSources(db);
    expect(source).toMatchObject({ status: 'cancelled', rowsTotal: 0 });
    expect(countRows(db, source!.id)).toEqual({ records: 0, rejected: 0 });
    expect(verifyChain(db).ok).toBe(true);
  });
});

describe('importFile: malformed inputs fail clearly and lose nothing', () => {
  it('empty file', async () => {
    const { db } = tempStore();
    await expectError(importFile(db, { filePath: writeTemp('empty.csv', ''), kind: 'ledger', actor: 't' }), 'INVALID_INPUT', /empty\.csv: line 1: the file is empty/);
  });

  it('binary file', async () => {
    const { db } = tempStore();
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    await expectError(importFile(db, { filePath: writeTemp('x.bin', bytes), kind: 'ledger', actor: 't' }), 'INVALID_INPUT', /x\.bin: line 1: this is not a text file/);
  });

  it('workbooks that are not read directly are named, with what to do instead; a broken .xlsx is reported as such; nothing is written', async () => {
    const { db } = tempStore();
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await expectError(importFile(db, { filePath: writeTemp('old.xls', xls), kind: 'ledger', actor: 't' }), 'INVALID_INPUT',
      /old\.xls: line 1: this is an Excel 97–2003 workbook \(\.xls\), which is not read directly: .*save the sheet as \.xlsx or as CSV/);
    // A ZIP local header naming an OOXML part, as every .xlsx starts, and nothing after it.
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]), Buffer.alloc(20), Buffer.from('[Content_Types].xml'), Buffer.alloc(64)]);
    await expectError(importFile(db, { filePath: writeTemp('book.xlsx', xlsx), kind: 'ledger', actor: 't' }), 'INVALID_INPUT', /book\.xlsx: not a complete ZIP archive .*truncated/);
    await expectError(importFile(db, { filePath: writeTemp('plain.csv', 'a,b\n1,2\n'), kind: 'ledger', actor: 't', format: 'xlsx' }), 'INVALID_INPUT',
      /plain\.csv: line 1: not an Excel workbook/);
    expect(db.prepare('SELECT COUNT(*) FROM records').pluck().get()).toBe(0);
  });

  it('missing file', async () => {
    const { db } = tempStore();
    await expectError(importFile(db, { filePath: '/nonexistent/file.csv', kind: 'ledger', actor: 't' }), 'INVALID_INPUT', /cannot read the file/);
  });

  it('truncated file: the cut row is rejected with its line, the rest imported', async () => {
    const { db } = tempStore();
    const file = writeTemp('cut.csv', `${PROCESSOR}\nP1,A1,1.00,EUR,2024-02-01,0,ok,x\nP2,A1,2.00,EUR,2024-02-01,0,ok,"unterminated`);
    const r = await importFile(db, { filePath: file, kind: 'processor', actor: 't' });
    expect(r).toMatchObject({ rowsTotal: 2, rowsImported: 1, rowsRejected: 1 });
    expect(listRejectedRows(db, r.sourceId, 0, 5)[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/unterminated quoted field/) });
  });

  it('ragged rows and wrong encoding declared: each row accounted for', async () => {
    const { db } = tempStore();
    const file = writeTemp('rag.csv', `${PROCESSOR}\nP1,A1,1.00,EUR,2024-02-01,0,ok,x,extra\nP2,A1\nP3,A1,3.00,EUR,2024-02-01,0,ok,x\n`);
    const r = await importFile(db, { filePath: file, kind: 'processor', actor: 't' });
    expect(r).toMatchObject({ rowsTotal: 3, rowsImported: 1, rowsRejected: 2 });
  });

  it('a 10 MB field is kept intact', async () => {
    const { db } = tempStore();
    const big = 'x'.repeat(10 * 1024 * 1024);
    const file = writeTemp('wide.csv', `${PROCESSOR}\nP1,A1,1.00,EUR,2024-02-01,0,ok,"${big}"\nP2,A1,2.00,EUR,2024-02-01,0,ok,y\n`);
    const r = await importFile(db, { filePath: file, kind: 'processor', actor: 't' });
    expect(r.rowsImported).toBe(2);
    expect((db.prepare('SELECT length(description) AS n FROM records WHERE line = 2').get() as { n: number }).n).toBe(big.length);
  });

  it('a header without an amount column asks for a mapping', async () => {
    const { db } = tempStore();
    await expectError(importFile(db, { filePath: writeTemp('x.csv', 'a,b\n1,2\n'), kind: 'ledger', actor: 't' }), 'INVALID_INPUT', /x\.csv: line 1: no amount column found in the header \(a, b\)/);
  });
});
