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

/** The inverse of encodeTextColumn; throws on bytes that do not describe exactly `count` values. */
export function decodeTextColumn(data: Buffer, count: number): (string | null)[] {
  const fail = (why: string): never => {
    throw new Error(`text column: ${why}`);
  };
  if (data.byteLength < 4) fail('too short');
  const blockCount = data.readUInt32LE(0);
  const endsAt = 4 + blockCount * 8;
  let textAt = endsAt + count * 4;
  if (textAt > data.byteLength) fail('truncated');
  const ends = new Int32Array(count);
  new Uint8Array(ends.buffer).set(data.subarray(endsAt, textAt));
  const values = new Array<string | null>(count);
  let i = 0;
  for (let k = 0; k < blockCount; k += 1) {
    const blockEnd = i + data.readUInt32LE(4 + k * 8);
    const textEnd = textAt + data.readUInt32LE(8 + k * 8);
    if (blockEnd > count || textEnd > data.byteLength) fail(`block ${k} runs past the column`);
    const text = data.toString('utf8', textAt, textEnd);
    let start = 0;
    for (; i < blockEnd; i += 1) {
      const end = ends[i]!;
      if (end < 0) {
        values[i] = null;
        continue;
      }
      if (end < start || end > text.length) fail(`value ${i} ends outside its block`);
      values[i] = text.slice(start, end);
      start = end;
    }
    textAt = textEnd;
  }
  if (i !== count || textAt !== data.byteLength) fail(`holds ${i} values in ${textAt} bytes, expected ${count} in ${data.byteLength}`);
  return values;
}
