import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
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

/** Encodings whose decoders map every ASCII byte to itself (and, but for UTF-8, keep no state between chunks). */
const ASCII_COMPATIBLE: ReadonlySet<string> = new Set(['utf-8', 'windows-1252', 'iso-8859-15']);

/** Whether a UTF-8 chunk ends after a complete character (no lead byte waits for continuation bytes). */
function endsOnCharBoundary(bytes: Buffer): boolean {
  for (let back = 1; back <= 4 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return true;
    if (b >= 0xc0) return back >= (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2);
  }
  return false;
}

/** Decoded text of the file in large chunks, streaming (TextDecoder {stream:true} keeps split characters intact). */
export async function* readTextChunks(
  filePath: string, encoding: string, skipBytes: number, onBytes?: (done: number) => void,
): AsyncGenerator<string> {
  const handle = await open(filePath, 'r');
  try {
    const decoder = new TextDecoder(encoding, { ignoreBOM: true });
    const asciiCompatible = ASCII_COMPATIBLE.has(decoder.encoding);
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    let position = skipBytes;
    // True when the decoder holds no partial character, so the next chunk may bypass it.
    let clean = true;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      onBytes?.(position);
      const bytes = buffer.subarray(0, bytesRead);
      // Most exports are pure ASCII; copying those bytes as Latin-1 is several times cheaper than decoding.
      if (asciiCompatible && clean && isAscii(bytes)) {
        yield bytes.toString('latin1');
        continue;
      }
      const text = decoder.decode(bytes, { stream: true });
      clean = decoder.encoding !== 'utf-8' || endsOnCharBoundary(bytes);
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    await handle.close();
  }
}
