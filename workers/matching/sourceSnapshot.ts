import type Database from 'better-sqlite3';
import { CODEC_FORMAT, decodeInput, encodeInput } from './inputCodec';
import type { EngineInput } from './engineInput';
import { readSnapshotFile, snapshotPath, writeSnapshotFile } from './snapshotFile';
import { declaredExponents, getSourceRow, loadInputFromRecords, type SourceRow } from './loadInput';

type Db = Database.Database;

/**
 * Columnar snapshots of complete sources (migration 003). Reading two million records row by row costs
 * seconds; reading a dozen BLOBs costs milliseconds. A snapshot is only a cache: it is used when its
 * format and record count agree with the source, and rebuilt from the records otherwise.
 */

function recordCount(db: Db, sourceId: number): number {
  return (db.prepare('SELECT COUNT(*) FROM records WHERE source_id = ?').pluck().get(sourceId) as number);
}

/**
 * Stores the snapshot of `input` (one source's records in canonical order), replacing any older one. The
 * columns go to the source's snapshot file (rows for a store without files); the head row commits after it.
 */
export function storeSnapshot(db: Db, sourceId: number, input: EngineInput): string {
  const encoded = encodeInput(input);
  const path = snapshotPath(db, sourceId);
  const stamp = path === null ? null : writeSnapshotFile(path, encoded.columns);
  db.transaction(() => {
    db.prepare('DELETE FROM source_snapshots WHERE source_id = ?').run(sourceId);
    db.prepare('DELETE FROM source_snapshot_columns WHERE source_id = ?').run(sourceId);
    db.prepare('INSERT INTO source_snapshots (source_id, format, record_count, digest, created_at, file_bytes, file_crc) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(sourceId, CODEC_FORMAT, encoded.count, encoded.digest, Date.now(), stamp?.bytes ?? null, stamp?.crc ?? null);
    if (stamp) return;
    const insert = db.prepare('INSERT INTO source_snapshot_columns (source_id, name, data) VALUES (?, ?, ?)');
    for (const column of encoded.columns) insert.run(sourceId, column.name, column.data);
  })();
  return encoded.digest;
}

/**
 * Snapshots a complete source that has no current snapshot (the snapshot helper's task), so that a run
 * skips the row-by-row load. Cheap to call more than once; a no-op for sources that are not complete.
 */
export function snapshotSource(db: Db, sourceId: number): void {
  const source = getSourceRow(db, sourceId);
  if (!source || source.status !== 'complete') return;
  if (snapshotIsCurrent(db, source)) return;
  storeSnapshot(db, sourceId, loadInputFromRecords(db, source));
}

interface SnapshotHead {
  format: number;
  record_count: number;
  digest: string;
  file_bytes: number | null;
  file_crc: number | null;
}

/** The snapshot's head row when the snapshot fits the source (format and record count), else null. */
function currentHead(db: Db, source: SourceRow): SnapshotHead | null {
  const head = db.prepare('SELECT format, record_count, digest, file_bytes, file_crc FROM source_snapshots WHERE source_id = ?').get(source.id) as SnapshotHead | undefined;
  if (!head || head.format !== CODEC_FORMAT) return null;
  // The source row's count is free; counting the records (an index scan) is the fallback check.
  if (head.record_count !== source.rows_imported && head.record_count !== recordCount(db, source.id)) return null;
  return head;
}

/** Whether the source has a snapshot a run would use (without reading its columns). */
export function snapshotIsCurrent(db: Db, source: SourceRow): boolean {
  return currentHead(db, source) !== null;
}

/** The source's snapshot as engine input, or null when there is none or it is stale. */
export function readSnapshot(db: Db, source: SourceRow): EngineInput | null {
  const head = currentHead(db, source);
  if (!head) return null;
  const path = snapshotPath(db, source.id);
  const columns = head.file_bytes === null || head.file_crc === null
    ? (db.prepare('SELECT name, data FROM source_snapshot_columns WHERE source_id = ?').all(source.id) as { name: string; data: Buffer }[])
    : path === null ? null : readSnapshotFile(path, { bytes: head.file_bytes, crc: head.file_crc });
  if (!columns) return null;
  try {
    const input = decodeInput({ count: head.record_count, columns, digest: head.digest });
    input.kind = source.kind;
    input.frontierMs = source.frontier_ms;
    const declared = declaredExponents(source);
    if (declared) input.currencyExponents = declared;
    return input;
  } catch {
    return null;
  }
}

/** One source's engine input: from its snapshot, else from its records (then snapshotted for next time). */
export function loadSourceInput(db: Db, source: SourceRow): EngineInput {
  const cached = readSnapshot(db, source);
  if (cached) return cached;
  const input = loadInputFromRecords(db, source);
  if (source.status === 'complete') input.digest = storeSnapshot(db, source.id, input);
  return input;
}
