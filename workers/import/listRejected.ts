import type { Db } from '../../main/db/openWorkspace';
import type { SourceSummary } from '../../preload/contract';
import type { RejectedRow } from '../shared/record';
import type { SourceRow } from './store/sourcesRepo';

export interface RejectedRowView extends RejectedRow {
  id: number;
}

/** One page of a source's rejected rows, in file order. */
export function listRejectedRows(db: Db, sourceId: number, offset: number, limit: number): RejectedRowView[] {
  return (db.prepare('SELECT id, line, column_name, raw, reason FROM rejected_rows WHERE source_id = ? ORDER BY line, id LIMIT ? OFFSET ?')
    .all(sourceId, limit, offset) as { id: number; line: number; column_name: string | null; raw: string; reason: string }[])
    .map((r) => ({ id: r.id, line: r.line, column: r.column_name, raw: r.raw, reason: r.reason }));
}

export function countRejectedRows(db: Db, sourceId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM rejected_rows WHERE source_id = ?').get(sourceId) as { n: number }).n;
}

function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rejected rows as CSV lines (header first), streamed from the database without loading them all. */
export function* rejectedRowsCsvLines(db: Db, sourceId: number): Generator<string> {
  yield 'line,column,reason,raw\n';
  const rows = db.prepare('SELECT line, column_name, reason, raw FROM rejected_rows WHERE source_id = ? ORDER BY line, id').iterate(sourceId) as IterableIterator<{ line: number; column_name: string | null; reason: string; raw: string }>;
  for (const r of rows) yield `${[r.line, r.column_name, r.reason, r.raw].map(csvCell).join(',')}\n`;
}

/** The whole export as one string; for small sources and tests. */
export function rejectedRowsCsv(db: Db, sourceId: number): string {
  return [...rejectedRowsCsvLines(db, sourceId)].join('');
}

export function toSourceSummary(row: SourceRow): SourceSummary {
  return {
    id: row.id, name: row.name, kind: row.kind as SourceSummary['kind'], format: row.format, fileName: row.file_name,
    sha256: row.sha256, status: row.status as SourceSummary['status'], rowsTotal: row.rows_total, rowsImported: row.rows_imported,
    rowsRejected: row.rows_rejected, frontierMs: row.frontier_ms, warnings: JSON.parse(row.warnings_json) as string[],
    createdAtMs: row.created_at,
  };
}

/** All sources, oldest first. */
export function listSources(db: Db): SourceSummary[] {
  return (db.prepare('SELECT * FROM sources ORDER BY id').all() as SourceRow[]).map(toSourceSummary);
}
