import { createReadStream } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { readFileRange } from '../scanFile';

/** One member of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are refused when read. */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

export class ZipError extends Error {}

/** The archive's members by name, read from its central directory (ZIP64 included). */
export async function readZipDirectory(path: string, fileSize: number): Promise<Map<string, ZipEntry>> {
  const magic = await readFileRange(path, 0, 4);
  if (magic.length < 4 || magic.readUInt32LE(0) !== LOCAL) throw new ZipError('line 1: not an Excel workbook (.xlsx files are ZIP archives, and this one does not start like one)');
  const tailLength = Math.min(fileSize, 22 + MAX_COMMENT + 20);
  const tail = await readFileRange(path, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a complete ZIP archive (no end-of-directory record; is the file truncated?)');
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if ((count === 0xffff || directoryOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const record = await readFileRange(path, Number(tail.readBigUInt64LE(eocd - 20 + 8)), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError('broken ZIP64 end-of-directory record');
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  const directory = await readFileRange(path, directoryOffset, directorySize);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let k = 0; k < count; k += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw new ZipError(`broken ZIP directory at entry ${k + 1}`);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const flags = directory.readUInt16LE(at + 8);
    const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    readZip64Extra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    if (flags & 0x1) throw new ZipError(`${name} is encrypted; save the workbook without a password`);
    entries.set(name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset that did not fit 32 bits sit in the ZIP64 extra field, in this order. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number => {
        const value = Number(extra.readBigUInt64LE(p));
        p += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/**
 * A member's bytes, streamed and inflated: never the whole (possibly large) member in memory.
 * `onCompressedBytes` reports how far into the archive the reading has come, for progress.
 */
export async function* readZipEntry(path: string, entry: ZipEntry, onCompressedBytes?: (bytes: number) => void): AsyncGenerator<Buffer> {
  const header = await readFileRange(path, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipError(`broken ZIP entry ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  if (onCompressedBytes) raw.on('data', () => onCompressedBytes(start + raw.bytesRead));
  if (entry.method === 0) {
    for await (const chunk of raw) yield chunk as Buffer;
    return;
  }
  if (entry.method !== 8) {
    raw.destroy();
    throw new ZipError(`${entry.name} uses ZIP compression method ${entry.method}; only stored and deflated members are read`);
  }
  const inflate = createInflateRaw();
  raw.on('error', (error) => inflate.destroy(error));
  raw.pipe(inflate);
  try {
    for await (const chunk of inflate) yield chunk as Buffer;
  } catch (error) {
    throw new ZipError(`${entry.name}: cannot inflate (${(error as Error).message}); is the file truncated?`);
  } finally {
    raw.destroy();
  }
}

/** A small member (workbook, relationships, styles) as text. */
export async function readZipText(path: string, entry: ZipEntry): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of readZipEntry(path, entry)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
