/**
 * Where every parser delivers its rows, in file order. Positional arguments instead of a record
 * object keep the million-row CSV path free of per-row allocations beyond the parsed fields.
 */
export interface RowSink {
  addRecord(
    line: number, externalId: string | null, reference: string | null, account: string | null, customer: string | null,
    amountMinor: number, currency: string, tsMs: number | null, status: string | null, sequence: number | null,
    feeMinor: number | null, description: string | null, raw: string,
  ): void;
  reject(line: number, column: string | null, raw: string, reason: string): void;
  /** A file-level observation for the source's warnings (bank balance checks, detected settings). */
  warn(message: string): void;
}

/** Collects everything in memory; for tests and small files. */
export class MemorySink implements RowSink {
  readonly records: import('../shared/record').NormalizedRecord[] = [];
  readonly rejected: import('../shared/record').RejectedRow[] = [];
  readonly warnings: string[] = [];
  addRecord(
    line: number, externalId: string | null, reference: string | null, account: string | null, customer: string | null,
    amountMinor: number, currency: string, tsMs: number | null, status: string | null, sequence: number | null,
    feeMinor: number | null, description: string | null, raw: string,
  ): void {
    this.records.push({ line, externalId, reference, account, customer, amountMinor, currency, tsMs, status, sequence, feeMinor, description, raw });
  }
  reject(line: number, column: string | null, raw: string, reason: string): void {
    this.rejected.push({ line, column, raw, reason });
  }
  warn(message: string): void {
    this.warnings.push(message);
  }
}
