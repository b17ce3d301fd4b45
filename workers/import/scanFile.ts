import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Utf8Validator } from './encoding';

export interface FileScan {
  sha256: string;
  byteSize: number;
  head: Buffer;
  utf8Valid: boolean;
}

export const READ_CHUNK = 4 * 1024 * 1024;
const HEAD_BYTES = 256 * 1024;

/**
 * One streaming pass: SHA-256 of the bytes (the duplicate-file check needs it before anything is
 * written) plus a whole-file UTF-8 validity check, so the encoding decision never rests on the head alone.
 */
export async function scanFile(filePath: string, isCancelled?: () => boolean): Promise<FileScan> {
  const handle = await open(filePath, 'r');
  try {
    const hash = createHash('sha256');
    const validator = new Utf8Validator();
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    let head: Buffer | null = null;
    let byteSize = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      if (head === null) head = Buffer.from(chunk.subarray(0, HEAD_BYTES));
      hash.update(chunk);
      validator.push(chunk);
      byteSize += bytesRead;
      if (isCancelled?.()) break;
    }
    return { sha256: hash.digest('hex'), byteSize, head: head ?? Buffer.alloc(0), utf8Valid: validator.end() };
  } finally {
    await handle.close();
  }
}

/** Up to `length` bytes of the file from `position` (fewer at its end). */
export async function readFileRange(filePath: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Decoded text of the file in large chunks, streaming (TextDecoder {stream:true} keeps split characters intact). */
export async function* readTextChunks(
  filePath: string, encoding: string, skipBytes: number, onBytes?: (done: number) => void,
): AsyncGenerator<string> {
  const handle = await open(filePath, 'r');
  try {
    const decoder = new TextDecoder(encoding, { ignoreBOM: true });
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    let position = skipBytes;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      onBytes?.(position);
      const text = decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    await handle.close();
  }
}
