import { appendAudit } from '../../../main/audit/auditLog';
import type { Db } from '../../../main/db/openWorkspace';
import type { Statement } from 'better-sqlite3';
import type { RowSink } from '../rowSink';

const RECORD_COLUMNS = 'source_id, line, external_id, reference, account, customer, amount_minor, currency, ts_ms, status, sequence, fee_minor, description, raw';
const WIDTH = 14;
const BATCH = 64;

export interface ChunkProgress {
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
}

/**
 * Writes rows as they arrive into an open transaction and commits, together with the source's counts,
 * its resume marker (rows committed so far, in file order) and one audit entry, whenever `commit()` is
 * called (after every decoded text chunk) or `chunkRows` rows are pending. Every transaction opens and
 * closes inside one synchronous stretch, so no other code can interleave with it. The first `skipRows`
 * rows were committed by an earlier, interrupted run and are only counted.
 */
export class ChunkWriter implements RowSink {
  rowsTotal = 0;
  rowsImported = 0;
  rowsRejected = 0;
  frontierMs: number | null = null;
  readonly warnings: string[] = [];
  private readonly batch: unknown[] = new Array(BATCH * WIDTH);
  private batchRows = 0;
  private pendingRows = 0;
  private open = false;
  private readonly insertOne: Statement;
  private readonly insertMany: Statement;
  private readonly insertRejected: Statement;
  private readonly updateSource: Statement;

  constructor(
    private readonly db: Db, private readonly sourceId: number, private readonly skipRows: number,
    private readonly chunkRows: number, private readonly actor: string, private readonly onCommit: (p: ChunkProgress) => void,
  ) {
    const one = `(${new Array(WIDTH).fill('?').join(',')})`;
    this.insertOne = db.prepare(`INSERT INTO records (${RECORD_COLUMNS}) VALUES ${one}`);
    this.insertMany = db.prepare(`INSERT INTO records (${RECORD_COLUMNS}) VALUES ${new Array(BATCH).fill(one).join(',')}`);
    this.insertRejected = db.prepare('INSERT INTO rejected_rows (source_id, line, column_name, raw, reason) VALUES (?, ?, ?, ?, ?)');
    this.updateSource = db.prepare('UPDATE sources SET rows_total = ?, rows_imported = ?, rows_rejected = ?, resume_marker = ? WHERE id = ?');
  }

  addRecord(
    line: number, externalId: string | null, reference: string | null, account: string | null, customer: string | null,
    amountMinor: number, currency: string, tsMs: number | null, status: string | null, sequence: number | null,
    feeMinor: number | null, description: string | null, raw: string,
  ): void {
    this.rowsTotal++;
    this.rowsImported++;
    if (tsMs !== null && (this.frontierMs === null || tsMs > this.frontierMs)) this.frontierMs = tsMs;
    if (this.rowsTotal <= this.skipRows) return;
    if (!this.open) this.begin();
    const b = this.batch;
    let i = this.batchRows * WIDTH;
    b[i++] = this.sourceId; b[i++] = line; b[i++] = externalId; b[i++] = reference; b[i++] = account; b[i++] = customer;
    b[i++] = amountMinor; b[i++] = currency; b[i++] = tsMs; b[i++] = status; b[i++] = sequence; b[i++] = feeMinor;
    b[i++] = description; b[i] = raw;
    if (++this.batchRows === BATCH) {
      this.insertMany.run(b);
      this.batchRows = 0;
    }
    if (++this.pendingRows >= this.chunkRows) this.commit();
  }

  reject(line: number, column: string | null, raw: string, reason: string): void {
    this.rowsTotal++;
    this.rowsRejected++;
    if (this.rowsTotal <= this.skipRows) return;
    if (!this.open) this.begin();
    this.insertRejected.run(this.sourceId, line, column, raw, reason);
    if (++this.pendingRows >= this.chunkRows) this.commit();
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  private begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
  }

  /** Commits the open chunk (no-op when nothing is pending). */
  commit(): void {
    if (!this.open) return;
    for (let r = 0; r < this.batchRows; r++) this.insertOne.run(this.batch.slice(r * WIDTH, (r + 1) * WIDTH));
    this.batchRows = 0;
    const progress = { rowsTotal: this.rowsTotal, rowsImported: this.rowsImported, rowsRejected: this.rowsRejected };
    this.updateSource.run(progress.rowsTotal, progress.rowsImported, progress.rowsRejected, progress.rowsTotal, this.sourceId);
    appendAudit(this.db, { actor: this.actor, kind: 'import.chunk', data: { sourceId: this.sourceId, ...progress } });
    this.db.exec('COMMIT');
    this.open = false;
    this.pendingRows = 0;
    this.onCommit(progress);
  }

  /** Drops the open chunk after an error, so the source can be abandoned cleanly. */
  rollback(): void {
    if (!this.open) return;
    this.open = false;
    this.batchRows = 0;
    this.pendingRows = 0;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}
