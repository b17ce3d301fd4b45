import type { RowSink } from '../rowSink';
import { CsvParser } from './csvParser';
import { createCsvNormalizer, type CsvNormalizerOptions } from './csvNormalizer';

/** Everything a CSV pass needs, as plain data, so the same pass can run in a parse worker. */
export interface CsvPlan {
  delimiter: string;
  headerLine: number;
  normalizer: CsvNormalizerOptions;
}

/** One streaming pass of a planned CSV into a sink; afterChunk runs after every decoded text chunk. */
export async function streamCsv(plan: CsvPlan, chunks: AsyncIterable<string>, sink: RowSink, afterChunk: () => void | Promise<void>): Promise<void> {
  const { headerLine } = plan;
  const normalize = createCsvNormalizer(plan.normalizer, sink);
  const parser = new CsvParser(plan.delimiter, (fields, line, raw) => {
    if (line > headerLine) normalize(fields, line, raw);
    else if (line < headerLine) sink.reject(line, null, raw, `line before the header row (line ${headerLine})`);
  }, (line, raw, reason) => sink.reject(line, null, raw, reason));
  for await (const text of chunks) {
    parser.push(text);
    await afterChunk();
  }
  parser.end();
}
