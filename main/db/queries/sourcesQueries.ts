import type { SourceDetail, SourceKind, SourceStatus, SourceSummary } from '../../../preload/contract';
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
  byte_size: number;
  encoding: string | null;
  mapping_json: string;
  timezone: string;
  completed_at: number | null;
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

/** A source with the settings its file was read with. */
export function getSourceDetail(db: Db, id: number): SourceDetail | null {
  const row = db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
  if (!row) return null;
  return {
    ...toSummary(row),
    byteSize: row.byte_size,
    encoding: row.encoding,
    timezone: row.timezone,
    settings: JSON.parse(row.mapping_json) as Record<string, unknown>,
    completedAtMs: row.completed_at,
  };
}

/** A source named by id ("3") or by name; names resolve to the newest source with that name. */
export function findSource(db: Db, idOrName: string): SourceSummary | null {
  if (/^\d+$/.test(idOrName)) {
    const byId = getSource(db, Number(idOrName));
    if (byId) return byId;
  }
  // The newest usable source of that name; a name without its file extension ("ledger" for
  // "ledger.csv") is accepted too, when no source has exactly that name.
  const newest = (where: string) =>
    db.prepare(`SELECT * FROM sources WHERE ${where} ORDER BY status = 'complete' DESC, id DESC LIMIT 1`).get({ n: idOrName }) as SourceRow | undefined;
  const row = newest('name = @n') ?? newest(`substr(name, 1, length(@n)) = @n AND substr(name, length(@n) + 1) GLOB '.[A-Za-z0-9]*' AND instr(substr(name, length(@n) + 2), '.') = 0`);
  return row ? toSummary(row) : null;
}
