import { createHash } from 'node:crypto';
import { emptyInput, type EngineInput } from './engineInput';
import { encodeTextColumn, openTextColumn } from './textColumn';

/**
 * EngineInput ⇄ columns of bytes, the form a source snapshot is stored in. Number columns are raw
 * Float64 bytes; string columns are a JSON array of distinct values plus Int32 codes (low-cardinality
 * columns: account, currency, status) or a text column (near-unique ones: ids, references; see
 * textColumn). The input digest is a hash over exactly these bytes, so a snapshot carries its digest
 * and a run never re-stringifies a million values to fingerprint its inputs.
 */
export const CODEC_FORMAT = 3;

const NUMBER_COLUMNS = ['ids', 'lines', 'amountMinor', 'feeMinor', 'tsMs', 'sequence'] as const;
const STRING_COLUMNS = ['externalId', 'reference', 'account', 'customer', 'currency', 'status'] as const;
type NumberColumn = (typeof NUMBER_COLUMNS)[number];
type StringColumn = (typeof STRING_COLUMNS)[number];
/** Beyond this many distinct values a column is stored as a text column (a dictionary would not pay). */
const MAX_DICTIONARY = 65_536;

export interface EncodedColumn {
  name: string;
  data: Buffer;
}

export interface EncodedInput {
  count: number;
  columns: EncodedColumn[];
  digest: string;
}

function bytesOf(values: Float64Array | Int32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

function encodeStrings(name: string, values: readonly (string | null)[]): EncodedColumn[] {
  const codes = new Int32Array(values.length);
  const dictionary = new Map<string | null, number>();
  const distinct: (string | null)[] = [];
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i]!;
    let code = dictionary.get(v);
    if (code === undefined) {
      if (distinct.length >= MAX_DICTIONARY) return [{ name: `${name}:text`, data: encodeTextColumn(values) }];
      code = distinct.length;
      distinct.push(v);
      dictionary.set(v, code);
    }
    codes[i] = code;
  }
  return [
    { name: `${name}:dict`, data: Buffer.from(JSON.stringify(distinct), 'utf8') },
    { name: `${name}:codes`, data: bytesOf(codes) },
  ];
}

/** Columns in a fixed order, and the digest over them (names and bytes, length-prefixed; ids and lines left out). */
export function encodeInput(input: EngineInput): EncodedInput {
  const count = input.ids.length;
  const columns: EncodedColumn[] = [];
  for (const name of NUMBER_COLUMNS) columns.push({ name, data: Buffer.from(new Float64Array(input[name]).buffer) });
  for (const name of STRING_COLUMNS) columns.push(...encodeStrings(name, input[name]));
  return { count, columns, digest: digestColumns(count, input.frontierMs ?? null, columns) };
}

export function digestColumns(count: number, frontierMs: number | null, columns: readonly EncodedColumn[]): string {
  const hash = createHash('sha256');
  hash.update(`codec:${CODEC_FORMAT};records:${count};frontier:${frontierMs ?? ''}\n`);
  for (const column of columns) {
    // Database ids and line numbers are not content: the same rows, imported twice or listed in another
    // order, must give the same digest.
    if (column.name === 'ids' || column.name === 'lines') continue;
    hash.update(`${column.name}:${column.data.byteLength}\n`);
    hash.update(column.data);
  }
  return hash.digest('hex');
}

/** Whether the bytes are a whole memory block of their own (a snapshot file's column), not a slice of a shared one. */
function ownsItsMemory(data: Buffer, align: number): boolean {
  return data.byteOffset % align === 0 && data.buffer.byteLength === data.byteLength;
}

function float64(data: Buffer, count: number): Float64Array {
  if (ownsItsMemory(data, 8)) return new Float64Array(data.buffer, data.byteOffset, count);
  // A copy into a fresh, aligned buffer (SQLite's bytes may sit at any offset, in a pool).
  const out = new Float64Array(count);
  new Uint8Array(out.buffer).set(data.subarray(0, count * 8));
  return out;
}

function int32(data: Buffer, count: number): Int32Array {
  if (ownsItsMemory(data, 4)) return new Int32Array(data.buffer, data.byteOffset, count);
  const out = new Int32Array(count);
  new Uint8Array(out.buffer).set(data.subarray(0, count * 4));
  return out;
}

/**
 * The inverse of encodeInput; kind and frontier come from the source row. String columns decode when
 * first used (a run may never touch a ledger's customer or reference column, and reads a break's
 * customer value by value through `readers`); the bytes' structure is checked here.
 */
export function decodeInput(encoded: Omit<EncodedInput, 'digest'> & { digest?: string }): EngineInput {
  const { count } = encoded;
  const byName = new Map(encoded.columns.map((c) => [c.name, c.data]));
  const input = emptyInput(0);
  const need = (name: string, bytes?: number) => {
    const data = byName.get(name);
    if (!data) throw new Error(`snapshot column ${name} is missing`);
    if (bytes !== undefined && data.byteLength !== bytes) throw new Error(`snapshot column ${name} has ${data.byteLength} bytes, expected ${bytes}`);
    return data;
  };
  for (const name of NUMBER_COLUMNS) {
    (input as unknown as Record<NumberColumn, Float64Array>)[name] = float64(need(name, count * 8), count);
  }
  const readers: NonNullable<EngineInput['readers']> = {};
  for (const name of STRING_COLUMNS) {
    const text = byName.get(`${name}:text`);
    if (text) {
      const column = openTextColumn(text, count);
      readers[name] = column.at;
      decodeWhenUsed(input, name, column.all);
      continue;
    }
    const distinct = JSON.parse(need(`${name}:dict`).toString('utf8')) as (string | null)[];
    const codes = int32(need(`${name}:codes`, count * 4), count);
    for (let i = 0; i < count; i += 1) {
      if (!(codes[i]! >= 0 && codes[i]! < distinct.length)) throw new Error(`snapshot column ${name}: code ${codes[i]} at ${i} is outside its dictionary`);
    }
    readers[name] = (i) => (i >= 0 && i < count ? distinct[codes[i]!]! : null);
    decodeWhenUsed(input, name, () => {
      const values = new Array<string | null>(count);
      for (let i = 0; i < count; i += 1) values[i] = distinct[codes[i]!]!;
      return values;
    });
    if (name === 'account' || name === 'currency' || name === 'status') (input.dictionaries ??= {})[name] = { values: distinct, codes };
  }
  input.readers = readers;
  if (encoded.digest) input.digest = encoded.digest;
  return input;
}

/** `input[name]` becomes the decoded column on first read (and stays a plain property after). */
function decodeWhenUsed(input: EngineInput, name: StringColumn, decode: () => (string | null)[]): void {
  const settle = (values: (string | null)[]) => {
    Object.defineProperty(input, name, { value: values, writable: true, enumerable: true, configurable: true });
    return values;
  };
  Object.defineProperty(input, name, {
    enumerable: true,
    configurable: true,
    get: () => settle(decode()),
    set: (values: (string | null)[]) => settle(values),
  });
}
