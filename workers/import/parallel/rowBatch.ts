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
 * Rows as they cross from the parse worker to the writer, in transferred (and recycled) buffers, so that
 * receiving them allocates nothing that outlives one INSERT: the writer decodes each raw line into a
 * short-lived string and slices the field values out of it; numbers are in `nums` (NaN = NULL). A first
 * version sent one big string per batch; dead big strings piled up until a full GC (+150 MB RSS). Per record there are
 * as many spans and nums as `fields` has text and numeric fields; fields the file cannot fill are NULL
 * in every row, so they are neither sent nor bound. Counts and frontier are cumulative over the file up
 * to the batch's last row, i.e. exactly what the source row says once the batch commits.
 */
export interface RowBatch {
  records: number;
  /** UTF-8 bytes: every record's raw line, and the few values that are not part of it. */
  bytes: ArrayBuffer;
  /** How many of `bytes` are filled. */
  bytesUsed: number;
  /** Per record: byte start and end of its raw line in `bytes`. */
  rows: Int32Array;
  /**
   * Per record and text field: [start, end) in UTF-16 units of the raw line; [-1, -1] = NULL;
   * [-2 - byteStart, byteEnd] = a value stored on its own in `bytes` (unescaped quotes, normalized currency).
   */
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

/** The buffers of a written batch, handed back so the worker can fill them again. */
export interface BatchBuffers {
  bytes: ArrayBuffer;
  rows: Int32Array;
  spans: Int32Array;
  nums: Float64Array;
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

/** A batch is cut early when its bytes reach this (memory bound for very wide rows). */
const MAX_BATCH_BYTES = 32 * 1024 * 1024;
const TEXT_FIELDS_MAX = 8;
const NUM_FIELDS_MAX = 5;

/**
 * A RowSink that cuts the row stream into RowBatches of `batchRows` rows (records + rejected, in file
 * order). Rows up to `skipRows` were committed by an interrupted run: they are counted, not sent.
 * Only the raw line is stored; a field value is a span of it (any occurrence of the value is the
 * value), and only values that are not (unquoted, normalized currency) are stored on their own.
 */
export class BatchPacker implements RowSink {
  rowsTotal = 0;
  rowsImported = 0;
  rowsRejected = 0;
  frontierMs: number | null = null;
  bytesDone = 0;
  readonly warnings: string[] = [];
  private buffers: BatchBuffers;
  private bytes: Buffer;
  private used = 0;
  private s = 0;
  private n = 0;
  private records = 0;
  private rejected: unknown[] = [];
  private pending = 0;
  private readonly take: boolean[];
  private readonly spare: BatchBuffers[] = [];
  private batchRows: number;

  constructor(
    fields: readonly RecordField[], private readonly skipRows: number, private readonly fullBatchRows: number,
    private readonly emit: (batch: RowBatch, transfer: ArrayBuffer[]) => void, firstBatchRows = fullBatchRows,
  ) {
    this.batchRows = Math.min(firstBatchRows, fullBatchRows);
    this.take = RECORD_FIELDS.map((f) => fields.includes(f));
    this.buffers = this.freshBuffers();
    this.bytes = Buffer.from(this.buffers.bytes);
  }

  /** Takes back the buffers of a written batch. */
  recycle(buffers: BatchBuffers): void {
    if (buffers.rows.length === this.fullBatchRows * 2) this.spare.push(buffers);
  }

  private freshBuffers(): BatchBuffers {
    return this.spare.pop() ?? {
      bytes: new ArrayBuffer(Math.max(1 << 20, this.fullBatchRows * 160)),
      rows: new Int32Array(this.fullBatchRows * 2),
      spans: new Int32Array(this.fullBatchRows * TEXT_FIELDS_MAX * 2),
      nums: new Float64Array(this.fullBatchRows * NUM_FIELDS_MAX),
    };
  }

  /** Appends a string's UTF-8 bytes, growing the buffer when needed; returns the byte start. */
  private put(value: string): number {
    const start = this.used;
    if (this.bytes.length - start < value.length * 3) {
      const grown = Buffer.from(new ArrayBuffer(Math.max(this.bytes.length * 2, start + value.length * 3)));
      this.bytes.copy(grown, 0, 0, start);
      this.bytes = grown;
      this.buffers.bytes = grown.buffer as ArrayBuffer;
    }
    this.used += this.bytes.write(value, start);
    return start;
  }

  private span(value: string | null, raw: string): void {
    const spans = this.buffers.spans;
    if (value === null) {
      spans[this.s++] = -1;
      spans[this.s++] = -1;
      return;
    }
    const at = raw.indexOf(value);
    if (at >= 0) {
      spans[this.s++] = at;
      spans[this.s++] = at + value.length;
      return;
    }
    spans[this.s++] = -2 - this.put(value);
    spans[this.s++] = this.used;
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
    const nums = this.buffers.nums;
    nums[this.n++] = line;
    nums[this.n++] = amountMinor;
    if (t[7]) nums[this.n++] = tsMs ?? NaN;
    if (t[9]) nums[this.n++] = sequence ?? NaN;
    if (t[10]) nums[this.n++] = feeMinor ?? NaN;
    const rows = this.buffers.rows;
    const r = this.records * 2;
    rows[r] = this.put(raw);
    rows[r + 1] = this.used;
    if (t[1]) this.span(externalId, raw);
    if (t[2]) this.span(reference, raw);
    if (t[3]) this.span(account, raw);
    if (t[4]) this.span(customer, raw);
    this.span(currency, raw);
    if (t[8]) this.span(status, raw);
    if (t[11]) this.span(description, raw);
    const spans = this.buffers.spans;
    spans[this.s++] = 0;
    spans[this.s++] = raw.length;
    this.records++;
    if (++this.pending >= this.batchRows || this.used >= MAX_BATCH_BYTES) this.flush();
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

  /** Emits the pending rows, if any; the buffers are transferred, not copied. */
  flush(): void {
    if (this.pending === 0) return;
    const { bytes, rows, spans, nums } = this.buffers;
    const batch: RowBatch = {
      records: this.records, bytes, bytesUsed: this.used, rows, spans, nums, rejected: this.rejected, rowsTotal: this.rowsTotal,
      rowsImported: this.rowsImported, rowsRejected: this.rowsRejected, frontierMs: this.frontierMs, bytesDone: this.bytesDone,
    };
    this.buffers = this.freshBuffers();
    this.bytes = Buffer.from(this.buffers.bytes);
    this.used = 0;
    this.s = 0;
    this.n = 0;
    this.rejected = [];
    this.records = 0;
    this.pending = 0;
    this.batchRows = this.fullBatchRows;
    this.emit(batch, [bytes, rows.buffer as ArrayBuffer, spans.buffer as ArrayBuffer, nums.buffer as ArrayBuffer]);
  }
}
