import type { RejectedRowView } from '../../../preload/contract';
import type { Db } from '../openWorkspace';

export function countRejected(db: Db, sourceId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM rejected_rows WHERE source_id = ?').get(sourceId) as { n: number }).n;
}

export function listRejected(db: Db, sourceId: number, offset: number, limit: number): RejectedRowView[] {
  return db
    .prepare(
      `SELECT line, column_name AS "column", raw, reason FROM rejected_rows
       WHERE source_id = ? ORDER BY line, id LIMIT ? OFFSET ?`,
    )
    .all(sourceId, limit, offset) as RejectedRowView[];
}

/** All rejected rows of a source in line order, streamed so memory does not grow with their number. */
export function iterateRejected(db: Db, sourceId: number): IterableIterator<RejectedRowView> {
  return db
    .prepare('SELECT line, column_name AS "column", raw, reason FROM rejected_rows WHERE source_id = ? ORDER BY line, id')
    .iterate(sourceId) as IterableIterator<RejectedRowView>;
}
