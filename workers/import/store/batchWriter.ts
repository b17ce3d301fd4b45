import { appendAudit } from '../../../main/audit/auditLog';
import type { Db } from '../../../main/db/openWorkspace';
import type { Statement } from 'better-sqlite3';
import { isNumericField, type RecordField, type RowBatch } from '../parallel/rowBatch';
import type { RawTextAppender } from './rawTextFile';

/** Rows per multi-row INSERT. Small groups passed as spread arguments bind faster than one array of many values. */
const GROUP = 16;

/**
 * Commits one RowBatch per call: its records and rejected rows, the source's counts and resume marker
 * (rows committed so far, in file order) and one audit entry, in one synchronous transaction, so a kill
 * leaves either the whole batch or none of it and no other task on this connection can interleave.
 */
export class BatchWriter {
  private readonly width: number;
  /** Values bound per row. */
  private readonly rowArgs: number;
  /** Index in `fields` of the raw line when it goes to the raw text file, else -1. */
  private readonly rawField: number;
  /** Per bound field: true = next number, false = next text span. */
  private readonly numeric: boolean[];
  private readonly insertGroup: Statement;
  private readonly insertOne: Statement;
  private readonly insertRejected: Statement;
  private readonly updateSource: Statement;
  private readonly args: unknown[];

  /**
   * With `rawFile`, each record's raw line goes to that file and the row gets '' plus its offset and
   * length there; without it (a store without files) the raw line is bound inline.
   */
  constructor(
    private readonly db: Db, private readonly sourceId: number, fields: readonly RecordField[], private readonly actor: string,
    private readonly rawFile: RawTextAppender | null = null,
  ) {
    this.width = fields.length;
    this.numeric = fields.map(isNumericField);
    this.rawField = rawFile ? fields.indexOf('raw') : -1;
    // Its offset and length are bound where it stands, as the last two columns.
    if (this.rawField >= 0 && this.rawField !== fields.length - 1) throw new Error('the raw line must be the last record field');
    const bound = fields.map((f, i) => (i === this.rawField ? "''" : '?'));
    const columns = ['source_id', ...fields];
    if (this.rawField >= 0) {
      bound.push('?', '?');
      columns.push('raw_offset', 'raw_length');
    }
    this.rowArgs = bound.filter((b) => b === '?').length;
    // source_id is a literal: one value fewer to bind per row (sourceId is an integer we made).
    const one = `(${Number(sourceId)},${bound.join(',')})`;
    this.insertGroup = db.prepare(`INSERT INTO records (${columns.join(', ')}) VALUES ${new Array(GROUP).fill(one).join(',')}`);
    this.insertOne = db.prepare(`INSERT INTO records (${columns.join(', ')}) VALUES ${one}`);
    this.insertRejected = db.prepare('INSERT INTO rejected_rows (source_id, line, column_name, raw, reason) VALUES (?, ?, ?, ?, ?)');
    this.updateSource = db.prepare('UPDATE sources SET rows_total = ?, rows_imported = ?, rows_rejected = ?, resume_marker = ? WHERE id = ?');
    this.args = new Array(GROUP * this.rowArgs);
  }

  write(batch: RowBatch): void {
    const { db, width, numeric } = this;
    const { rows, spans, nums } = batch;
    const bytes = Buffer.from(batch.bytes);
    const rawField = this.rawField;
    // Appended (and synced) before the transaction that points into it.
    const rawBase = rawField >= 0 && batch.records > 0 ? this.rawFile!.append(bytes, batch.bytesUsed) : 0;
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
          } else if (f === rawField) {
            s += 2;
            args[k++] = rawBase + rows[2 * r]!;
            args[k++] = rows[2 * r + 1]! - rows[2 * r]!;
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
      const rowArgs = this.rowArgs;
      for (let i = 0; i < k; i += rowArgs) this.insertOne.run(args.slice(i, i + rowArgs));
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
