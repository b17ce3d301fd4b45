import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
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

/**
 * The file's columns when it exists and matches its stamp, else null. Each column is read into a
 * buffer of its own (a 5M-record snapshot is half a gigabyte; read whole, it would sit in memory as
 * garbage beside the decoded columns), and the CRC is taken as the parts arrive.
 */
export function readSnapshotFile(path: string, stamp: SnapshotFileStamp): EncodedColumn[] | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  let at = 0;
  let crc = 0;
  const read = (length: number): Buffer | null => {
    if (length < 0 || at + length > stamp.bytes) return null;
    const part = Buffer.allocUnsafeSlow(length);
    for (let done = 0; done < length; ) {
      const got = readSync(fd, part, done, length - done, at + done);
      if (got === 0) return null;
      done += got;
    }
    at += length;
    crc = crc32(part, crc);
    return part;
  };
  try {
    if (fstatSync(fd).size !== stamp.bytes) return null;
    const headerLength = read(4);
    const header = headerLength && read(headerLength.readUInt32LE(0));
    if (!header) return null;
    const columns: EncodedColumn[] = [];
    for (const { name, length } of JSON.parse(header.toString('utf8')) as { name: string; length: number }[]) {
      const data = read(length);
      if (!data) return null;
      columns.push({ name, data });
    }
    return at === stamp.bytes && crc === stamp.crc ? columns : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
