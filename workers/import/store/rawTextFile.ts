import { closeSync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { sourceFileBeside, type Db } from '../../../main/db/openWorkspace';

/**
 * Raw lines of a large CSV import live in one UTF-8 file per source beside the workspace file
 * (`raw/source-<id>.utf8`), and each record keeps only `raw_offset`/`raw_length` into it (its `raw`
 * column is ''). The lines are write-once evidence nobody queries; through SQLite they doubled the bytes
 * every import wrote, checkpointed and synced. A record whose `raw_length` is NULL has its text inline.
 *
 * Crash safety: a batch's bytes are appended and synced before the transaction that references them
 * commits, so every committed offset points at durable bytes; bytes past the last committed record
 * (a batch that never committed) are cut off when the import resumes, and the file goes with the rows
 * when a source is abandoned.
 */
export function rawTextPath(db: Db, sourceId: number): string | null {
  return sourceFileBeside(db, 'raw', sourceId, 'utf8');
}

/** Appends batches of raw bytes to a source's raw text file. */
export class RawTextAppender {
  private constructor(private readonly fd: number, private size: number) {}

  /** Opens the source's file for appending after its last committed record (null for a store without files). */
  static open(db: Db, sourceId: number): RawTextAppender | null {
    const path = rawTextPath(db, sourceId);
    if (path === null) return null;
    mkdirSync(dirname(path), { recursive: true });
    const end = committedEnd(db, sourceId);
    const fd = openSync(path, 'a+');
    try {
      ftruncateSync(fd, end);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    // 'a+' writes always land at the end, which is exactly where `size` says the next byte goes.
    return new RawTextAppender(fd, end);
  }

  /** Appends bytes[0, length) durably; returns the file offset of bytes[0]. */
  append(bytes: Uint8Array, length: number): number {
    const at = this.size;
    let done = 0;
    while (done < length) done += writeSync(this.fd, bytes, done, length - done);
    fdatasyncSync(this.fd);
    this.size += length;
    return at;
  }

  close(): void {
    closeSync(this.fd);
  }
}

function committedEnd(db: Db, sourceId: number): number {
  const row = db
    .prepare('SELECT raw_offset + raw_length AS endAt FROM records WHERE source_id = ? AND raw_length IS NOT NULL ORDER BY id DESC LIMIT 1')
    .get(sourceId) as { endAt: number } | undefined;
  return row?.endAt ?? 0;
}

/** Deletes a source's raw text file (its records are gone). */
export function removeRawText(db: Db, sourceId: number): void {
  const path = rawTextPath(db, sourceId);
  if (path) rmSync(path, { force: true });
}

export interface RawTextRef {
  source_id: number;
  raw: string;
  raw_offset: number | null;
  raw_length: number | null;
}

/** The raw text of each record: inline, or read from its source's raw text file. */
export function resolveRawTexts(db: Db, rows: readonly RawTextRef[]): string[] {
  const open = new Map<number, number | null>();
  try {
    return rows.map((row) => {
      if (row.raw_length === null || row.raw_offset === null) return row.raw;
      let fd = open.get(row.source_id);
      if (fd === undefined) {
        const path = rawTextPath(db, row.source_id);
        try {
          fd = path ? openSync(path, 'r') : null;
        } catch {
          fd = null;
        }
        open.set(row.source_id, fd);
      }
      if (fd === null) return `(raw text unavailable: ${rawTextPath(db, row.source_id) ?? 'no file'} is missing)`;
      const buffer = Buffer.allocUnsafe(row.raw_length);
      const read = readSync(fd, buffer, 0, row.raw_length, row.raw_offset);
      return buffer.toString('utf8', 0, read);
    });
  } finally {
    for (const fd of open.values()) if (fd !== null) closeSync(fd);
  }
}
