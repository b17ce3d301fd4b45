import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/** BOM first; then the NUL pattern of BOM-less UTF-16; UTF-8 vs Windows-1252 is decided by a full-file scan (see scanFile). */
export function sniffEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const n = Math.min(head.length, 4096) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (pairs >= 2 && oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return { encoding: 'utf-16le', bomLength: 0 };
  if (pairs >= 2 && evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** True when the bytes look like binary data rather than text in the guessed encoding. */
export function looksBinary(head: Uint8Array, encoding: TextEncoding): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  let control = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 26 && b !== 27)) control++;
  }
  return n > 0 && control > n * 0.01;
}

/**
 * Incremental UTF-8 validity check across chunk boundaries: an incomplete trailing sequence is
 * carried to the next chunk, so a multi-byte character split by the read size is not an error.
 */
export class Utf8Validator {
  valid = true;
  private carry: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    if (!this.valid) return;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = incompleteTail(data);
    const body = cut ? data.subarray(0, data.length - cut) : data;
    if (!isUtf8(body)) this.valid = false;
    this.carry = cut ? Uint8Array.from(data.subarray(data.length - cut)) : new Uint8Array(0);
  }

  end(): boolean {
    if (this.carry.length) this.valid = false;
    return this.valid;
  }
}

function incompleteTail(data: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const b = data[data.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    if ((b & 0x80) === 0) return 0;
    const need = (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 1;
    return need > back ? back : 0;
  }
  return 0;
}
