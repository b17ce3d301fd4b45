import type Database from 'better-sqlite3';
import type { NormalizedRecord } from '../../shared/record';

type Db = Database.Database;

const COLUMNS = ['source_id', 'line', 'external_id', 'reference', 'account', 'customer', 'amount_minor', 'currency', 'ts_ms',
  'status', 'sequence', 'fee_minor', 'description', 'raw'] as const;
const BATCH = 64;

/**
 * Writes a complete source and its records straight into a workspace, bypassing the importer:
 * for benchmarks and tests of the matching engine only. Returns the new source id.
 */
export function seedSource(
  db: Db,
  source: { name: string; kind: 'ledger' | 'processor' | 'bank' },
  records: readonly Omit<NormalizedRecord, 'raw'>[],
): number {
  return db.transaction(() => {
    let frontier: number | null = null;
    for (const r of records) if (r.tsMs !== null && (frontier === null || r.tsMs > frontier)) frontier = r.tsMs;
    const sourceId = Number(db.prepare(
      `INSERT INTO sources (name, kind, format, file_name, sha256, byte_size, status, rows_total, rows_imported, frontier_ms, created_at, completed_at)
       VALUES (?, ?, 'csv', ?, ?, 0, 'complete', ?, ?, ?, ?, ?)`,
    ).run(source.name, source.kind, `${source.name}.csv`, '0'.repeat(64), records.length, records.length, frontier, Date.now(), Date.now()).lastInsertRowid);
    const row = `(${COLUMNS.map(() => '?').join(',')})`;
    const sql = (n: number) => `INSERT INTO records (${COLUMNS.join(',')}) VALUES ${new Array(n).fill(row).join(',')}`;
    const full = db.prepare(sql(BATCH));
    const put = (r: Omit<NormalizedRecord, 'raw'>, out: unknown[]) => {
      out.push(sourceId, r.line, r.externalId, r.reference, r.account, r.customer, r.amountMinor, r.currency, r.tsMs, r.status,
        r.sequence, r.feeMinor, r.description, '');
    };
    let i = 0;
    const args: unknown[] = [];
    for (; i + BATCH <= records.length; i += BATCH) {
      args.length = 0;
      for (let k = 0; k < BATCH; k += 1) put(records[i + k]!, args);
      full.run(args);
    }
    if (i < records.length) {
      args.length = 0;
      for (let k = i; k < records.length; k += 1) put(records[k]!, args);
      db.prepare(sql(records.length - i)).run(args);
    }
    return sourceId;
  })();
}
