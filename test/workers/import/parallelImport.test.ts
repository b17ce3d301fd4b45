import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getCitedRecords } from '../../../main/db/queries/citedRecordsQueries';
import { openWorkspace, type Db } from '../../../main/db/openWorkspace';
import { rawTextPath, resolveRawTexts, type RawTextRef } from '../../../workers/import/store/rawTextFile';
import { importFile } from '../../../workers/import/importFile';
import { BatchPacker, csvRecordFields, RECORD_FIELDS, type RowBatch } from '../../../workers/import/parallel/rowBatch';
import { tempStore, writeTemp } from './helpers';

const LEDGER = 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo';
const PROCESSOR = 'ref,account,amount,currency,settled_at,fee,status,description';

function ledgerRows(n: number): string {
  const lines = [LEDGER];
  for (let i = 1; i <= n; i++) {
    if (i % 97 === 0) lines.push(`T${i},A${i % 7},C${i},12.345,USD,2024-01-31T13:45:00Z,posted,idem-${i},${i},bad amount`);
    else if (i % 89 === 0) lines.push(`T${i},A${i % 7}`);
    else if (i % 13 === 0) lines.push(`T${i},"A ""${i % 7}""",,${i}.5,usd,2024-01-31T13:45:00Z,,idem-${i},,"memo, with comma\nand a line break"`);
    else lines.push(`T${i},A${i % 7},C${i},-${i}.25,EUR,2024-02-01T10:00:${String(i % 60).padStart(2, '0')}Z,posted,idem-${i},${i},order ${i} ü€😀`);
  }
  return `${lines.join('\n')}\n`;
}

/** Every column a user sees, the raw text resolved wherever it is kept. */
function recordsWithRawText(db: Db, sourceId: number): unknown[] {
  const rows = db.prepare('SELECT line, external_id, reference, account, customer, amount_minor, currency, ts_ms, status, sequence, fee_minor, description, source_id, raw, raw_offset, raw_length FROM records WHERE source_id = ? ORDER BY line').all(sourceId) as (RawTextRef & Record<string, unknown>)[];
  const raws = resolveRawTexts(db, rows);
  return rows.map(({ source_id: _s, raw_offset: _o, raw_length: _l, ...row }, i) => ({ ...row, raw: raws[i] }));
}

function dump(dir: string, sourceId: number): { records: unknown[]; rejected: unknown[]; source: unknown } {
  const db = openWorkspace(dir);
  try {
    return {
      records: recordsWithRawText(db, sourceId),
      rejected: db.prepare('SELECT line, column_name, raw, reason FROM rejected_rows WHERE source_id = ? ORDER BY line').all(sourceId),
      source: db.prepare('SELECT rows_total, rows_imported, rows_rejected, resume_marker, frontier_ms, warnings_json, status FROM sources WHERE id = ?').get(sourceId),
    };
  } finally {
    db.close();
  }
}

describe('importFile: CSV parsed in a worker thread', () => {
  it('stores exactly what the in-thread path stores (quotes, NULLs, rejects, multi-line rows, non-ASCII)', async () => {
    const file = writeTemp('ledger.csv', ledgerRows(3000));
    const results = [];
    for (const parallel of [false, true]) {
      const { db, dir } = tempStore();
      const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 'test', parallel, chunkRows: 700 });
      db.close();
      results.push({ r, rows: dump(dir, r.sourceId) });
    }
    const [inThread, inWorker] = results;
    expect(inWorker!.r).toEqual(inThread!.r);
    expect(inWorker!.rows).toEqual(inThread!.rows);
    expect(inThread!.r.rowsRejected).toBeGreaterThan(0);
    expect(inThread!.rows.records.length).toBe(inThread!.r.rowsImported);
  });

  it('fills fee and leaves unmapped columns NULL for the processor shape', async () => {
    const file = writeTemp('proc.csv', `${PROCESSOR}\nP1,A1,12.34,EUR,2024-02-01 10:00:00,0.30,settled,card\nP2,A1,1,EUR,2024-02-01 10:00:00,,settled,\n`);
    const { db } = tempStore();
    const r = await importFile(db, { filePath: file, kind: 'processor', actor: 'test', parallel: true });
    expect(db.prepare('SELECT external_id, reference, customer, fee_minor, sequence, description FROM records ORDER BY line').all()).toEqual([
      { external_id: 'P1', reference: null, customer: null, fee_minor: 30, sequence: null, description: 'card' },
      { external_id: 'P2', reference: null, customer: null, fee_minor: null, sequence: null, description: null },
    ]);
    expect(r.rowsImported).toBe(2);
    db.close();
  });

  it('resumes an interrupted import: committed rows are counted, not written again', async () => {
    const file = writeTemp('ledger.csv', ledgerRows(2000));
    const reference = tempStore();
    const full = await importFile(reference.db, { filePath: file, kind: 'ledger', actor: 'test', parallel: false });
    reference.db.close();

    const { db, dir } = tempStore();
    // A crash after three committed batches, as the store sees it: the connection goes away mid-import.
    let batches = 0;
    const crashed = await importFile(db, { filePath: file, kind: 'ledger', actor: 'test', parallel: true, chunkRows: 300 }, {
      onProgress: (_done, _total, phase) => {
        if (phase === 'importing' && ++batches === 3) db.close();
      },
    }).catch((e: unknown) => e);
    expect(crashed).toBeInstanceOf(Error);
    const reopened = openWorkspace(dir);
    expect(reopened.prepare("SELECT status, resume_marker FROM sources").get()).toEqual({ status: 'importing', resume_marker: 900 });
    const again = await importFile(reopened, { filePath: file, kind: 'ledger', actor: 'test', parallel: true, chunkRows: 300 });
    reopened.close();
    expect(again).toMatchObject({ resumed: true, rowsTotal: full.rowsTotal, rowsImported: full.rowsImported, rowsRejected: full.rowsRejected, frontierMs: full.frontierMs });
    expect(dump(dir, again.sourceId).records).toEqual(dump(reference.dir, full.sourceId).records);
    expect(dump(dir, again.sourceId).rejected).toEqual(dump(reference.dir, full.sourceId).rejected);
  });
});

describe('importFile: raw lines of a worker-parsed import', () => {
  it('are kept in the source raw text file, not inline, and go with the rows when the import is cancelled', async () => {
    const file = writeTemp('ledger.csv', ledgerRows(2000));
    const { db } = tempStore();
    const done = await importFile(db, { filePath: file, kind: 'ledger', actor: 'test', parallel: true, chunkRows: 300 });
    const path = rawTextPath(db, done.sourceId)!;
    const lines = readFileSync(file, 'utf8').split('\n');
    const stored = db.prepare("SELECT COUNT(*) AS n FROM records WHERE source_id = ? AND raw = '' AND raw_length IS NOT NULL").get(done.sourceId) as { n: number };
    expect(stored.n).toBe(done.rowsImported);
    const first = db.prepare('SELECT source_id, raw, raw_offset, raw_length FROM records WHERE source_id = ? ORDER BY line LIMIT 1').get(done.sourceId) as RawTextRef;
    expect(resolveRawTexts(db, [first])).toEqual([lines[1]]);
    const last = db.prepare('SELECT id, line FROM records WHERE source_id = ? ORDER BY line DESC LIMIT 1').get(done.sourceId) as { id: number; line: number };
    expect(getCitedRecords(db, [last.id])[0]!.raw).toBe(lines[last.line - 1]);
    expect(existsSync(path)).toBe(true);

    let batches = 0;
    const cancelled = await importFile(db, { filePath: file, kind: 'ledger', actor: 'test', parallel: true, chunkRows: 300, allowDuplicateFile: true }, {
      isCancelled: () => batches >= 3,
      onProgress: (_d, _t, phase) => {
        if (phase === 'importing') batches++;
      },
    }).catch((e: unknown) => e);
    expect(cancelled).toMatchObject({ code: 'CANCELLED' });
    const source = db.prepare("SELECT id FROM sources WHERE status = 'cancelled'").get() as { id: number };
    expect(existsSync(rawTextPath(db, source.id)!)).toBe(false);
    expect(existsSync(path)).toBe(true);
    db.close();
  });
});

describe('BatchPacker', () => {
  it('skips rows before the resume marker and cuts batches at batchRows rows', () => {
    const batches: RowBatch[] = [];
    const fields = csvRecordFields({ externalId: 0, reference: -1, account: -1, customer: -1, amount: 1, debit: -1, credit: -1, direction: -1, currency: 2, timestamp: [], timezone: -1, status: -1, sequence: -1, fee: -1, description: -1 });
    expect(fields).toEqual(['line', 'external_id', 'amount_minor', 'currency', 'raw']);
    expect(RECORD_FIELDS).toContain('fee_minor');
    const p = new BatchPacker(fields, 2, 2, (b) => batches.push(b));
    for (let i = 0; i < 5; i++) p.addRecord(i + 2, `X${i}`, null, null, null, i, 'usd'.toUpperCase(), null, null, null, null, null, `X${i},${i},usd`);
    p.reject(7, null, 'bad', 'why');
    p.flush();
    expect(batches.map((b) => [b.records, b.rowsTotal, b.rejected.length / 4])).toEqual([[2, 4, 0], [1, 6, 1]]);
    const b = batches[0]!;
    const bytes = Buffer.from(b.bytes);
    const raw = bytes.toString('utf8', b.rows[0], b.rows[1]);
    expect(raw).toBe('X2,2,usd');
    expect(raw.slice(b.spans[0], b.spans[1])).toBe('X2');
    // 'USD' is not in the raw line: stored on its own.
    expect(b.spans[2]).toBeLessThan(-1);
    expect(bytes.toString('utf8', -2 - b.spans[2]!, b.spans[3])).toBe('USD');
    expect(raw.slice(b.spans[4], b.spans[5])).toBe('X2,2,usd');
    expect(Array.from(b.nums.subarray(0, 2))).toEqual([4, 2]);
  });
});
