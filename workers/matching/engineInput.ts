import type { StoredRecord } from '../shared/record';

/**
 * One side's records, column by column (only what matching needs), so a million records cost a
 * few typed arrays instead of a million objects. Missing numbers are NaN; missing strings null.
 */
export interface EngineInput {
  kind?: 'ledger' | 'processor' | 'bank';
  /** The source's data frontier (latest timestamp); defaults to the max tsMs of the records. */
  frontierMs?: number | null;
  ids: Float64Array;
  lines: Float64Array;
  externalId: (string | null)[];
  reference: (string | null)[];
  account: (string | null)[];
  customer: (string | null)[];
  currency: string[];
  status: (string | null)[];
  amountMinor: Float64Array;
  feeMinor: Float64Array;
  tsMs: Float64Array;
  sequence: Float64Array;
  /**
   * The inputs' digest (see inputCodec), when already known (a stored snapshot carries it); valid only
   * for exactly these columns in this order, so any reordering drops it.
   */
  digest?: string;
  /**
   * Dictionary form of low-cardinality columns when the input came from a snapshot: `values[codes[i]]`
   * equals the column's value i. Lets the engine intern per distinct value instead of per record;
   * like `digest`, valid only for exactly these columns in this order.
   */
  dictionaries?: Partial<Record<'account' | 'currency' | 'status', { values: (string | null)[]; codes: Int32Array }>>;
  /**
   * One value of a string column without decoding the whole column (an input from a snapshot decodes a
   * column when its array is first read); read through `stringAt`.
   */
  readers?: Partial<Record<StringColumnName, (i: number) => string | null>>;
  /** Exponents the source's mapping declared for codes ISO 4217 gives none (for money in explanations). */
  currencyExponents?: Record<string, number>;
}

export type StringColumnName = 'externalId' | 'reference' | 'account' | 'customer' | 'currency' | 'status';

/** Value i of a string column, through the input's reader when it has one (see `readers`). */
export function stringAt(input: EngineInput, column: StringColumnName, i: number): string | null {
  const read = input.readers?.[column];
  return read ? read(i) : (input[column][i] ?? null);
}

export function emptyInput(n: number): EngineInput {
  return {
    ids: new Float64Array(n),
    lines: new Float64Array(n),
    externalId: new Array<string | null>(n).fill(null),
    reference: new Array<string | null>(n).fill(null),
    account: new Array<string | null>(n).fill(null),
    customer: new Array<string | null>(n).fill(null),
    currency: new Array<string>(n).fill(''),
    status: new Array<string | null>(n).fill(null),
    amountMinor: new Float64Array(n),
    feeMinor: new Float64Array(n).fill(NaN),
    tsMs: new Float64Array(n).fill(NaN),
    sequence: new Float64Array(n).fill(NaN),
  };
}

type RecordLike = Pick<
  StoredRecord,
  'id' | 'line' | 'externalId' | 'reference' | 'account' | 'customer' | 'amountMinor' | 'currency' | 'tsMs' | 'status' | 'sequence' | 'feeMinor'
>;

/** Convenience for tests and small inputs. */
export function inputFromRecords(records: readonly RecordLike[], extra: Pick<EngineInput, 'kind' | 'frontierMs'> = {}): EngineInput {
  const input = emptyInput(records.length);
  records.forEach((r, i) => {
    input.ids[i] = r.id;
    input.lines[i] = r.line;
    input.externalId[i] = r.externalId;
    input.reference[i] = r.reference;
    input.account[i] = r.account;
    input.customer[i] = r.customer;
    input.currency[i] = r.currency;
    input.status[i] = r.status;
    input.amountMinor[i] = r.amountMinor;
    input.feeMinor[i] = r.feeMinor ?? NaN;
    input.tsMs[i] = r.tsMs ?? NaN;
    input.sequence[i] = r.sequence ?? NaN;
  });
  return { ...input, ...extra };
}

export function inputSize(input: EngineInput): number {
  return input.ids.length;
}

/** Numbers ascending, NaN (missing) last. */
function compareNumbers(x: number, y: number): number {
  if (x === y || (x !== x && y !== y)) return 0;
  if (x !== x) return 1;
  if (y !== y) return -1;
  return x < y ? -1 : 1;
}

const CONTENT_STRINGS: readonly StringColumnName[] = ['externalId', 'reference', 'account', 'currency', 'status', 'customer'];

/**
 * Canonical record order: by content (time, amount, fee, sequence, then the text fields by UTF-16 code
 * units, null last), and only records equal in all of that by line, then id. So the same rows give the
 * same order, and hence the same tie-breaks and results, in whatever order the file lists them.
 */
export function compareRecords(input: EngineInput, a: number, b: number): number {
  const byNumbers = compareNumbers(input.tsMs[a]!, input.tsMs[b]!) || compareNumbers(input.amountMinor[a]!, input.amountMinor[b]!) ||
    compareNumbers(input.feeMinor[a]!, input.feeMinor[b]!) || compareNumbers(input.sequence[a]!, input.sequence[b]!);
  if (byNumbers) return byNumbers;
  for (const column of CONTENT_STRINGS) {
    const x = stringAt(input, column, a);
    const y = stringAt(input, column, b);
    if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
  }
  return input.lines[a]! - input.lines[b]! || input.ids[a]! - input.ids[b]!;
}

/**
 * The same records in canonical order (compareRecords), so every later step, every tie-break and the
 * fingerprint are independent of the order in which records arrived. Returns the input itself when it
 * is already canonical (the usual case: a snapshot is stored in canonical order).
 */
export function canonicalOrder(input: EngineInput): EngineInput {
  const n = input.ids.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i += 1) {
    if (compareRecords(input, i - 1, i) > 0) sorted = false;
  }
  if (sorted) return input;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  order.sort((x, y) => compareRecords(input, x, y));
  const out = emptyInput(n);
  const permuteNum = (from: Float64Array, to: Float64Array) => {
    for (let i = 0; i < n; i += 1) to[i] = from[order[i]!]!;
  };
  const permute = <T>(from: T[], to: T[]) => {
    for (let i = 0; i < n; i += 1) to[i] = from[order[i]!]!;
  };
  permuteNum(input.ids, out.ids);
  permuteNum(input.lines, out.lines);
  permuteNum(input.amountMinor, out.amountMinor);
  permuteNum(input.feeMinor, out.feeMinor);
  permuteNum(input.tsMs, out.tsMs);
  permuteNum(input.sequence, out.sequence);
  permute(input.externalId, out.externalId);
  permute(input.reference, out.reference);
  permute(input.account, out.account);
  permute(input.customer, out.customer);
  permute(input.currency, out.currency);
  permute(input.status, out.status);
  return { ...out, kind: input.kind, frontierMs: input.frontierMs, ...(input.currencyExponents ? { currencyExponents: input.currencyExponents } : {}) };
}
