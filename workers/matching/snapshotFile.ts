import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { sourceFileBeside, type Db } from '../../main/db/openWorkspace';
import type { EncodedColumn } from './inputCodec';

/**
 * A source snapshot's columns in one file beside the workspace (`snapshots/source-<id>.cols`) instead
 * of BLOB rows: a snapshot is a cache, so its ~100 MB per million records need not go through the WAL,
 * a sync and a checkpoint (about 0.9 s); the file is written without a sync. Its size and CRC-32 are
 * kept in the snapshot's head row, which commits after the file is written, so a file torn by a crash,
 * lost or replaced reads as no snapshot and the next run rebuilds it.
 *
 * Layout: UInt32LE length of a JSON header `[{name, length}, …]`, the header, then the columns' bytes
 * in header order.
 */
export interface SnapshotFileStamp {
  bytes: number;
  crc: number;
}

export function snapshotPath(db: Db, sourceId: number): string | null {
  return sourceFileBeside(db, 'snapshots', sourceId, 'cols');
}

export function writeSnapshotFile(path: string, columns: readonly EncodedColumn[]): SnapshotFileStamp {
  const header = Buffer.from(JSON.stringify(columns.map((c) => ({ name: c.name, length: c.data.byteLength }))), 'utf8');
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.byteLength);
  const parts = [headerLength, header, ...columns.map((c) => c.data)];
  mkdirSync(dirname(path), { recursive: true });
  // Unique per thread: two runs may snapshot the same source at once (the head row that commits last
  // names its own file's stamp; the other reads as damaged and is rebuilt).
  const temporary = `${path}.${process.pid}-${threadId}.tmp`;
  const fd = openSync(temporary, 'w');
  let crc = 0;
  let bytes = 0;
  try {
    for (const part of parts) {
      crc = crc32(part, crc);
      for (let done = 0; done < part.byteLength; ) done += writeSync(fd, part, done);
      bytes += part.byteLength;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return { bytes, crc };
}

/** The file's columns when it exists and matches its stamp, else null. */
export function readSnapshotFile(path: string, stamp: SnapshotFileStamp): EncodedColumn[] | null {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return null;
  }
  if (file.byteLength !== stamp.bytes || crc32(file) !== stamp.crc || file.byteLength < 4) return null;
  const headerEnd = 4 + file.readUInt32LE(0);
  try {
    const header = JSON.parse(file.toString('utf8', 4, headerEnd)) as { name: string; length: number }[];
    const columns: EncodedColumn[] = [];
    let at = headerEnd;
    for (const { name, length } of header) {
      columns.push({ name, data: file.subarray(at, at + length) });
      at += length;
    }
    return at === file.byteLength ? columns : null;
  } catch {
    return null;
  }
}
