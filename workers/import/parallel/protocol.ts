import type { CsvPlan } from '../csv/csvStream';
import type { BatchBuffers, RecordField, RowBatch } from './rowBatch';

/** What the parse worker is asked to do: one planned CSV file, cut into batches of `batchRows` rows. */
export interface CsvParseTask {
  filePath: string;
  encoding: string;
  skipBytes: number;
  plan: CsvPlan;
  fields: RecordField[];
  skipRows: number;
  batchRows: number;
  /** Rows in the first batch, so the writer can start while the worker is still warming up. */
  firstBatchRows: number;
  /**
   * When set, the worker opens its own connection to the workspace and checkpoints the WAL after
   * every committed batch, so the copy into the database file overlaps the next batch's inserts.
   */
  checkpoint?: { dbFile: string; nativeBinding?: string };
}

export interface ParseTotals {
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  frontierMs: number | null;
  warnings: string[];
}

export type ToParser = { type: 'csv'; task: CsvParseTask } | { type: 'ack'; buffers: BatchBuffers };
export type FromParser =
  | { type: 'batch'; batch: RowBatch }
  | { type: 'done'; totals: ParseTotals }
  | { type: 'error'; message: string };
