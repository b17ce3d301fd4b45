/**
 * A column of near-unique strings (ids, references) as bytes that decode fast: the values' UTF-8 text
 * back to back in blocks, and each value's end within its block's text (in UTF-16 code units, so
 * decoding one block is one `toString` and then a `slice` per value). JSON would cost a parse of every
 * quoted string and about three times as long at a million values. Blocks keep every decoded string
 * far below V8's maximum string length whatever the values.
 *
 * Layout: UInt32LE block count; per block UInt32LE value count and UInt32LE byte length; then per value
 * an Int32LE end (bitwise NOT of the end for null); then the blocks' text.
 */
const BLOCK_VALUES = 65_536;
const BLOCK_CHARS = 1 << 24;

export function encodeTextColumn(values: readonly (string | null)[]): Buffer {
  const ends = new Int32Array(values.length);
  const blocks: { count: number; text: Buffer }[] = [];
  let first = 0;
  while (first < values.length) {
    const parts: string[] = [];
    let chars = 0;
    let i = first;
    for (; i < values.length && i - first < BLOCK_VALUES && (chars < BLOCK_CHARS || i === first); i += 1) {
      const value = values[i]!;
      if (value === null) {
        ends[i] = ~chars;
        continue;
      }
      parts.push(value);
      chars += value.length;
      ends[i] = chars;
    }
    blocks.push({ count: i - first, text: Buffer.from(parts.join(''), 'utf8') });
    first = i;
  }
  const head = Buffer.alloc(4 + blocks.length * 8);
  head.writeUInt32LE(blocks.length, 0);
  blocks.forEach((block, k) => {
    head.writeUInt32LE(block.count, 4 + k * 8);
    head.writeUInt32LE(block.text.byteLength, 8 + k * 8);
  });
  return Buffer.concat([head, Buffer.from(ends.buffer, ends.byteOffset, ends.byteLength), ...blocks.map((b) => b.text)]);
}

interface TextColumnLayout {
  ends: Int32Array;
  /** Block k holds values [firstValue[k], firstValue[k + 1]) and text bytes [textAt[k], textAt[k + 1]) of `text`. */
  firstValue: Int32Array;
  textAt: Float64Array;
  text: Buffer;
}

/** Reads the layout; throws on bytes that do not describe exactly `count` values. */
function layoutOf(data: Buffer, count: number): TextColumnLayout {
  const fail = (why: string): never => {
    throw new Error(`text column: ${why}`);
  };
  if (data.byteLength < 4) fail('too short');
  const blockCount = data.readUInt32LE(0);
  const endsAt = 4 + blockCount * 8;
  const textStart = endsAt + count * 4;
  if (textStart > data.byteLength) fail('truncated');
  const ends = new Int32Array(count);
  new Uint8Array(ends.buffer).set(data.subarray(endsAt, textStart));
  const firstValue = new Int32Array(blockCount + 1);
  const textAt = new Float64Array(blockCount + 1);
  for (let k = 0; k < blockCount; k += 1) {
    firstValue[k + 1] = firstValue[k]! + data.readUInt32LE(4 + k * 8);
    textAt[k + 1] = textAt[k]! + data.readUInt32LE(8 + k * 8);
    if (firstValue[k + 1]! > count || textStart + textAt[k + 1]! > data.byteLength) fail(`block ${k} runs past the column`);
  }
  const values = firstValue[blockCount]!;
  const bytes = textStart + textAt[blockCount]!;
  if (values !== count || bytes !== data.byteLength) fail(`holds ${values} values in ${bytes} bytes, expected ${count} in ${data.byteLength}`);
  return { ends, firstValue, textAt, text: data.subarray(textStart) };
}

/** Block k's values into `out`, checking each end against the block's text. */
function decodeBlock(layout: TextColumnLayout, k: number, out: (string | null)[], offset: number): void {
  const text = layout.text.toString('utf8', layout.textAt[k]!, layout.textAt[k + 1]!);
  let start = 0;
  for (let i = layout.firstValue[k]!; i < layout.firstValue[k + 1]!; i += 1) {
    const end = layout.ends[i]!;
    if (end < 0) {
      out[i - offset] = null;
      continue;
    }
    if (end < start || end > text.length) throw new Error(`text column: value ${i} ends outside its block`);
    out[i - offset] = text.slice(start, end);
    start = end;
  }
}

export interface TextColumn {
  /** Value i (null outside the column). */
  at(i: number): string | null;
  /** Every value: the inverse of encodeTextColumn. */
  all(): (string | null)[];
}

/**
 * A column read value by value, for one a run touches at a few records only (a break's customer): a
 * block's text is decoded when first read and each value sliced from it on demand, so the column costs
 * its text, not a string per value. Keeps the column's bytes (a copy when they are a slice of a larger
 * buffer). The bytes must not change afterwards.
 */
export function openTextColumn(data: Buffer, count: number): TextColumn {
  // Throws here on bytes that do not describe exactly `count` values.
  const layout = layoutOf(data, count);
  // A slice of a larger buffer is copied out so the column does not keep the rest alive.
  if (data.buffer.byteLength !== data.byteLength) layout.text = Buffer.from(layout.text);
  const texts = new Map<number, string>();
  const blockOf = (i: number): number => {
    let lo = 0;
    let hi = layout.firstValue.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (layout.firstValue[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    at(i) {
      if (!(i >= 0 && i < count)) return null;
      const end = layout.ends[i]!;
      if (end < 0) return null;
      const k = blockOf(i);
      let text = texts.get(k);
      if (text === undefined) {
        text = layout.text.toString('utf8', layout.textAt[k]!, layout.textAt[k + 1]!);
        texts.set(k, text);
      }
      // A null's end holds the running length (bitwise NOT), so the previous end is always this value's start.
      const previous = i === layout.firstValue[k] ? 0 : layout.ends[i - 1]!;
      const start = previous < 0 ? ~previous : previous;
      if (end < start || end > text.length) throw new Error(`text column: value ${i} ends outside its block`);
      return text.slice(start, end);
    },
    all() {
      const values = new Array<string | null>(count);
      for (let k = 0; k + 1 < layout.firstValue.length; k += 1) decodeBlock(layout, k, values, 0);
      return values;
    },
  };
}
