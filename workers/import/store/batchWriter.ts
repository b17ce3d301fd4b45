import { appendAudit } from '../../../main/audit/auditLog';
import type { Db } from '../../../main/db/openWorkspace';
import type { Statement } from 'better-sqlite3';
import { isNumericField, type RecordField, type RowBatch } from '../parallel/rowBatch';

/** Rows per multi-row INSERT. Small groups passed as spread arguments bind faster than one array of many values. */
const GROUP = 16;

/**
 * Commits one RowBatch per call: its records and rejected rows, the source's counts and resume marker
 * (rows committed so far, in file order) and one audit entry, in one synchronous transaction, so a kill
 * leaves either the whole batch or none of it and no other task on this connection can interleave.
 */
export class BatchWriter {
  private readonly width: number;
  /** Per bound field: true = next number, false = next text span. */
  private readonly numeric: boolean[];
  private readonly insertGroup: Statement;
  private readonly insertOne: Statement;
  private readonly insertRejected: Statement;
  private readonly updateSource: Statement;
  private readonly args: unknown[];

  constructor(private readonly db: Db, private readonly sourceId: number, fields: readonly RecordField[], private readonly actor: string) {
    this.width = fields.length;
    this.numeric = fields.map(isNumericField);
    // source_id is a literal: one value fewer to bind per row (sourceId is an integer we made).
    const one = `(${Number(sourceId)},${new Array(this.width).fill('?').join(',')})`;
    const columns = `source_id, ${fields.join(', ')}`;
    this.insertGroup = db.prepare(`INSERT INTO records (${columns}) VALUES ${new Array(GROUP).fill(one).join(',')}`);
    this.insertOne = db.prepare(`INSERT INTO records (${columns}) VALUES ${one}`);
    this.insertRejected = db.prepare('INSERT INTO rejected_rows (source_id, line, column_name, raw, reason) VALUES (?, ?, ?, ?, ?)');
    this.updateSource = db.prepare('UPDATE sources SET rows_total = ?, rows_imported = ?, rows_rejected = ?, resume_marker = ? WHERE id = ?');
    this.args = new Array(GROUP * this.width);
  }

  write(batch: RowBatch): void {
    const { db, width, numeric } = this;
    const { rows, spans, nums } = batch;
    const bytes = Buffer.from(batch.bytes);
    db.exec('BEGIN IMMEDIATE');
    try {
      const args = this.args;
      let n = 0;
      let s = 0;
      let k = 0;
      for (let r = 0; r < batch.records; r++) {
        const raw = bytes.toString('utf8', rows[2 * r], rows[2 * r + 1]);
        for (let f = 0; f < width; f++) {
          if (numeric[f]) {
            const v = nums[n++]!;
            args[k++] = v === v ? v : null;
          } else {
            const start = spans[s]!;
            const end = spans[s + 1]!;
            s += 2;
            args[k++] = start >= 0 ? raw.slice(start, end) : start === -1 ? null : bytes.toString('utf8', -2 - start, end);
          }
        }
        if (k === args.length) {
          this.insertGroup.run(...args);
          k = 0;
        }
      }
      for (let i = 0; i < k; i += width) this.insertOne.run(args.slice(i, i + width));
      const rejected = batch.rejected;
      for (let r = 0; r < rejected.length; r += 4) this.insertRejected.run(this.sourceId, rejected[r], rejected[r + 1], rejected[r + 2], rejected[r + 3]);
      this.updateSource.run(batch.rowsTotal, batch.rowsImported, batch.rowsRejected, batch.rowsTotal, this.sourceId);
      appendAudit(db, { actor: this.actor, kind: 'import.chunk', data: { sourceId: this.sourceId, rowsTotal: batch.rowsTotal, rowsImported: batch.rowsImported, rowsRejected: batch.rowsRejected } });
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}
