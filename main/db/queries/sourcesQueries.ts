import type { SourceKind, SourceStatus, SourceSummary } from '../../../preload/contract';
import type { Db } from '../openWorkspace';

interface SourceRow {
  id: number;
  name: string;
  kind: SourceKind;
  format: string;
  file_name: string;
  sha256: string;
  status: SourceStatus;
  rows_total: number;
  rows_imported: number;
  rows_rejected: number;
  frontier_ms: number | null;
  warnings_json: string;
  created_at: number;
}

function toSummary(row: SourceRow): SourceSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    format: row.format,
    fileName: row.file_name,
    sha256: row.sha256,
    status: row.status,
    rowsTotal: row.rows_total,
    rowsImported: row.rows_imported,
    rowsRejected: row.rows_rejected,
    frontierMs: row.frontier_ms,
    warnings: JSON.parse(row.warnings_json) as string[],
    createdAtMs: row.created_at,
  };
}

export function listSources(db: Db): SourceSummary[] {
  return (db.prepare('SELECT * FROM sources ORDER BY id').all() as SourceRow[]).map(toSummary);
}

export function getSource(db: Db, id: number): SourceSummary | null {
  const row = db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
  return row ? toSummary(row) : null;
}

/** A source named by id ("3") or by name; names resolve to the newest source with that name. */
export function findSource(db: Db, idOrName: string): SourceSummary | null {
  if (/^\d+$/.test(idOrName)) {
    const byId = getSource(db, Number(idOrName));
    if (byId) return byId;
  }
  const row = db.prepare('SELECT * FROM sources WHERE name = ? ORDER BY id DESC LIMIT 1').get(idOrName) as
    | SourceRow
    | undefined;
  return row ? toSummary(row) : null;
}
