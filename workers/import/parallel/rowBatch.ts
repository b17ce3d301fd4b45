import type { ResolvedColumns } from '../csv/resolveColumns';
import type { RowSink } from '../rowSink';

/** The records columns a sink fills, in RowSink.addRecord order (source_id is the writer's). */
export const RECORD_FIELDS = [
  'line', 'external_id', 'reference', 'account', 'customer', 'amount_minor', 'currency', 'ts_ms', 'status', 'sequence',
  'fee_minor', 'description', 'raw',
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

const NUMERIC: ReadonlySet<RecordField> = new Set(['line', 'amount_minor', 'ts_ms', 'sequence', 'fee_minor']);

export function isNumericField(field: RecordField): boolean {
  return NUMERIC.has(field);
}

/**
 * Rows as they cross from the parse worker to the writer, built so that receiving them allocates almost
 * nothing that outlives one INSERT: all text values of the batch are one string (`text`), each value a
 * [start, end) pair in `spans` (start -1 = NULL), numbers in `nums` (NaN = NULL). Per record there are
 * as many spans and nums as `fields` has text and numeric fields; fields the file cannot fill are NULL
 * in every row, so they are neither sent nor bound. Counts and frontier are cumulative over the file up
 * to the batch's last row, i.e. exactly what the source row says once the batch commits.
 */
export interface RowBatch {
  records: number;
  text: string;
  spans: Int32Array;
  nums: Float64Array;
  /** line, column, raw, reason per rejected row. */
  rejected: unknown[];
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  frontierMs: number | null;
  /** Input bytes read when the batch was cut (progress only). */
  bytesDone: number;
}

/** The fields a CSV mapping can fill; unmapped columns always normalize to NULL. */
export function csvRecordFields(c: ResolvedColumns): RecordField[] {
  const mapped: Record<RecordField, boolean> = {
    line: true, external_id: c.externalId >= 0, reference: c.reference >= 0, account: c.account >= 0, customer: c.customer >= 0,
    amount_minor: true, currency: true, ts_ms: c.timestamp.length > 0, status: c.status >= 0, sequence: c.sequence >= 0,
    fee_minor: c.fee >= 0, description: c.description >= 0, raw: true,
  };
  return RECORD_FIELDS.filter((f) => mapped[f]);
}

/** A batch is cut early when its text reaches this many UTF-16 units (memory bound, and far below V8's string limit). */
const MAX_BATCH_TEXT = 32 * 1024 * 1024;
const TEXT_FIELDS_MAX = 8;
const NUM_FIELDS_MAX = 5;

/**
 * A RowSink that cuts the row stream into RowBatches of `batchRows` rows (records + rejected, in file
 * order). Rows up to `skipRows` were committed by an interrupted run: they are counted, not sent.
 * Only the raw line goes into the batch text; a field value is a span of it (any occurrence of the
 * value is the value), and only values that are not (unquoted, normalized currency) are appended.
 */
export class BatchPacker implements RowSink {
  rowsTotal = 0;
  rowsImported = 0;
  rowsRejected = 0;
  frontierMs: number | null = null;
  bytesDone = 0;
  readonly warnings: string[] = [];
  private parts: string[] = [];
  private textLength = 0;
  private spans: Int32Array;
  private nums: Float64Array;
  private s = 0;
  private n = 0;
  private records = 0;
  private rejected: unknown[] = [];
  private pending = 0;
  private readonly take: boolean[];

  private batchRows: number;

  constructor(
    fields: readonly RecordField[], private readonly skipRows: number, private readonly fullBatchRows: number,
    private readonly emit: (batch: RowBatch, transfer: ArrayBuffer[]) => void, firstBatchRows = fullBatchRows,
  ) {
    this.batchRows = Math.min(firstBatchRows, fullBatchRows);
    this.take = RECORD_FIELDS.map((f) => fields.includes(f));
    this.spans = new Int32Array(fullBatchRows * TEXT_FIELDS_MAX * 2);
    this.nums = new Float64Array(fullBatchRows * NUM_FIELDS_MAX);
  }

  private span(value: string | null, raw: string, base: number): void {
    const spans = this.spans;
    if (value === null) {
      spans[this.s++] = -1;
      spans[this.s++] = -1;
      return;
    }
    const at = raw.indexOf(value);
    if (at >= 0) {
      spans[this.s++] = base + at;
      spans[this.s++] = base + at + value.length;
      return;
    }
    spans[this.s++] = this.textLength;
    this.parts.push(value);
    this.textLength += value.length;
    spans[this.s++] = this.textLength;
  }

  addRecord(
    line: number, externalId: string | null, reference: string | null, account: string | null, customer: string | null,
    amountMinor: number, currency: string, tsMs: number | null, status: string | null, sequence: number | null,
    feeMinor: number | null, description: string | null, raw: string,
  ): void {
    this.rowsTotal++;
    this.rowsImported++;
    if (tsMs !== null && (this.frontierMs === null || tsMs > this.frontierMs)) this.frontierMs = tsMs;
    if (this.rowsTotal <= this.skipRows) return;
    const t = this.take;
    const nums = this.nums;
    nums[this.n++] = line;
    nums[this.n++] = amountMinor;
    if (t[7]) nums[this.n++] = tsMs ?? NaN;
    if (t[9]) nums[this.n++] = sequence ?? NaN;
    if (t[10]) nums[this.n++] = feeMinor ?? NaN;
    const base = this.textLength;
    this.parts.push(raw);
    this.textLength += raw.length;
    if (t[1]) this.span(externalId, raw, base);
    if (t[2]) this.span(reference, raw, base);
    if (t[3]) this.span(account, raw, base);
    if (t[4]) this.span(customer, raw, base);
    this.span(currency, raw, base);
    if (t[8]) this.span(status, raw, base);
    if (t[11]) this.span(description, raw, base);
    this.spans[this.s++] = base;
    this.spans[this.s++] = base + raw.length;
    this.records++;
    if (++this.pending >= this.batchRows || this.textLength >= MAX_BATCH_TEXT) this.flush();
  }

  reject(line: number, column: string | null, raw: string, reason: string): void {
    this.rowsTotal++;
    this.rowsRejected++;
    if (this.rowsTotal <= this.skipRows) return;
    this.rejected.push(line, column, raw, reason);
    if (++this.pending >= this.batchRows) this.flush();
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** Emits the pending rows, if any; the typed arrays are transferred, not copied. */
  flush(): void {
    if (this.pending === 0) return;
    const { spans, nums } = this;
    const batch: RowBatch = {
      records: this.records, text: this.parts.join(''), spans, nums, rejected: this.rejected, rowsTotal: this.rowsTotal,
      rowsImported: this.rowsImported, rowsRejected: this.rowsRejected, frontierMs: this.frontierMs, bytesDone: this.bytesDone,
    };
    this.parts = [];
    this.textLength = 0;
    this.spans = new Int32Array(spans.length);
    this.nums = new Float64Array(nums.length);
    this.s = 0;
    this.n = 0;
    this.rejected = [];
    this.records = 0;
    this.pending = 0;
    this.batchRows = this.fullBatchRows;
    this.emit(batch, [spans.buffer as ArrayBuffer, nums.buffer as ArrayBuffer]);
  }
}
