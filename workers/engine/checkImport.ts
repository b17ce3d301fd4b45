import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportCheck, MappingFile, RejectedRowView } from '../../preload/contract';
import { detectFormat } from '../import/detectFormat';
import { ImportError, invalidInput } from '../import/errors';
import { validateMapping } from '../import/mapping/mappingFile';
import { planReader } from '../import/planReader';
import type { RowSink } from '../import/rowSink';
import { readFileRange } from '../import/scanFile';
import type { TaskHooks } from '../shared/taskHooks';
import { readFailure } from './readFailure';

const HEAD_BYTES = 256 * 1024;
/** Enough rejections to see what is wrong; the import keeps every one of them. */
const FIRST_REJECTIONS = 20;

export interface CheckOptions {
  filePath: string;
  format?: string;
  mapping?: MappingFile;
  timezone?: string;
}

/** Counts what the import would do with every row and keeps the first rejections; stores nothing. */
class CountingSink implements RowSink {
  imported = 0;
  rejectedCount = 0;
  readonly rejected: RejectedRowView[] = [];
  readonly warnings: string[] = [];
  addRecord(): void {
    this.imported += 1;
  }
  reject(line: number, column: string | null, raw: string, reason: string): void {
    this.rejectedCount += 1;
    if (this.rejected.length < FIRST_REJECTIONS) this.rejected.push({ line, column, raw: raw.length > 500 ? `${raw.slice(0, 500)}…` : raw, reason });
  }
  warn(message: string): void {
    this.warnings.push(message);
  }
}

/**
 * A dry run of the import over the whole file: the same plan and the same streaming pass as
 * importFile, into a sink that only counts, so the validation summary before commit can speak for
 * every row, not only the preview's first ones. Open questions (day/month order…) are errors here,
 * as in the import, since the answer changes what is rejected.
 */
export async function checkImport(options: CheckOptions, hooks: TaskHooks = {}): Promise<ImportCheck> {
  const fileName = basename(options.filePath);
  const progress = hooks.onProgress ?? (() => {});
  let head: Buffer;
  let size: number;
  try {
    head = await readFileRange(options.filePath, 0, HEAD_BYTES);
    size = (await stat(options.filePath)).size;
  } catch (error) {
    throw readFailure(options.filePath, error);
  }
  if (head.length === 0) throw invalidInput(fileName, { line: 1 }, 'the file is empty (expected a header row or statement data)');
  const mapping = options.mapping === undefined ? null : validateMapping(options.mapping);
  const planned = await planReader({
    file: fileName, filePath: options.filePath, fileSize: size, head, detected: detectFormat(head, fileName),
    format: options.format, mapping, timezone: options.timezone ?? 'UTC',
  });
  const sink = new CountingSink();
  let bytesDone = 0;
  progress(0, size, 'checking');
  await planned.reader.run(planned.text((b) => (bytesDone = b)), sink, () => {
    progress(bytesDone, size, 'checking');
    if (hooks.isCancelled?.()) throw new ImportError('CANCELLED', `check of ${fileName} cancelled`);
  });
  progress(size, size, 'complete');
  return {
    rowsTotal: sink.imported + sink.rejectedCount,
    rowsWouldImport: sink.imported,
    rowsWouldReject: sink.rejectedCount,
    firstRejections: sink.rejected,
    warnings: [...planned.warnings, ...planned.reader.warnings, ...sink.warnings],
  };
}
