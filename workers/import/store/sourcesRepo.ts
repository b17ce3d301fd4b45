import { appendAudit } from '../../../main/audit/auditLog';
import type { Db } from '../../../main/db/openWorkspace';
import { removeRawText } from './rawTextFile';

export interface SourceRow {
  id: number;
  name: string;
  kind: string;
  format: string;
  file_name: string;
  sha256: string;
  byte_size: number;
  encoding: string | null;
  mapping_json: string;
  timezone: string;
  status: string;
  rows_total: number;
  rows_imported: number;
  rows_rejected: number;
  resume_marker: number;
  frontier_ms: number | null;
  warnings_json: string;
  created_at: number;
  completed_at: number | null;
}

export function findSourcesBySha(db: Db, sha256: string, status: string): SourceRow[] {
  return db.prepare('SELECT * FROM sources WHERE sha256 = ? AND status = ? ORDER BY id').all(sha256, status) as SourceRow[];
}

export interface NewSource {
  name: string;
  kind: string;
  format: string;
  fileName: string;
  sha256: string;
  byteSize: number;
  encoding: string;
  mappingJson: string;
  timezone: string;
}

/** Inserts the 'importing' source and its audit entry in one transaction. */
export function insertSource(db: Db, s: NewSource, actor: string): number {
  return db.transaction(() => {
    const id = Number(db.prepare(
      `INSERT INTO sources (name, kind, format, file_name, sha256, byte_size, encoding, mapping_json, timezone, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'importing', ?)`,
    ).run(s.name, s.kind, s.format, s.fileName, s.sha256, s.byteSize, s.encoding, s.mappingJson, s.timezone, Date.now()).lastInsertRowid);
    appendAudit(db, { actor, kind: 'import.started', data: { sourceId: id, name: s.name, kind: s.kind, format: s.format, fileName: s.fileName, sha256: s.sha256, byteSize: s.byteSize } });
    return id;
  }).immediate();
}

export interface Completion {
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  frontierMs: number | null;
  warnings: string[];
}

export function completeSource(db: Db, sourceId: number, c: Completion, actor: string): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE sources SET status = 'complete', rows_total = ?, rows_imported = ?, rows_rejected = ?, resume_marker = ?,
       frontier_ms = ?, warnings_json = ?, completed_at = ? WHERE id = ?`,
    ).run(c.rowsTotal, c.rowsImported, c.rowsRejected, c.rowsTotal, c.frontierMs, JSON.stringify(c.warnings), Date.now(), sourceId);
    appendAudit(db, { actor, kind: 'import.completed', data: { sourceId, rowsTotal: c.rowsTotal, rowsImported: c.rowsImported, rowsRejected: c.rowsRejected, frontierMs: c.frontierMs, warnings: c.warnings.length } });
  }).immediate();
}

/**
 * Removes every row of the source and leaves it as 'cancelled' or 'failed' with the reason, audited
 * in the same transaction: a source is never left half-present.
 */
export function abandonSource(db: Db, sourceId: number, status: 'cancelled' | 'failed', reason: string, actor: string): void {
  db.transaction(() => {
    const records = db.prepare('DELETE FROM records WHERE source_id = ?').run(sourceId).changes;
    const rejected = db.prepare('DELETE FROM rejected_rows WHERE source_id = ?').run(sourceId).changes;
    db.prepare(
      `UPDATE sources SET status = ?, rows_total = 0, rows_imported = 0, rows_rejected = 0, resume_marker = 0,
       warnings_json = ?, completed_at = ? WHERE id = ?`,
    ).run(status, JSON.stringify([reason]), Date.now(), sourceId);
    appendAudit(db, { actor, kind: status === 'cancelled' ? 'import.cancelled' : 'import.failed', data: { sourceId, reason, recordsRemoved: records, rejectedRemoved: rejected } });
  }).immediate();
  // After the commit: until then the rows that point into it may still be there.
  removeRawText(db, sourceId);
}
