/**
 * One normalized input row, as stored in `records` (DESIGN.md §2). Money is an integer number of
 * minor units of `currency` (ISO 4217 exponent), always a safe integer, never a float amount.
 */
export interface NormalizedRecord {
  /** 1-based line number in the source file (header = line 1); the citation. */
  line: number;
  externalId: string | null;
  /** Reference / idempotency key. */
  reference: string | null;
  account: string | null;
  customer: string | null;
  amountMinor: number;
  /** ISO 4217 alphabetic code, upper case. */
  currency: string;
  /** UTC milliseconds. */
  tsMs: number | null;
  status: string | null;
  sequence: number | null;
  feeMinor: number | null;
  description: string | null;
  /** The original row text (or a faithful serialization for structured formats). */
  raw: string;
}

/** A row that could not be imported: never dropped silently. */
export interface RejectedRow {
  line: number;
  /** The column (header name) at fault, when one is. */
  column: string | null;
  raw: string;
  reason: string;
}

/** A record as loaded from the workspace for matching. */
export interface StoredRecord extends NormalizedRecord {
  id: number;
  sourceId: number;
}
