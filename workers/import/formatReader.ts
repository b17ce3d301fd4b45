import type { CsvPlan } from './csv/csvStream';
import type { Mapping } from './mapping/mappingFile';
import type { RowSink } from './rowSink';

/** What a format module needs to plan its import before any row is written. */
export interface FormatContext {
  /** The file name used in messages. */
  file: string;
  /** The decoded start of the file (≈256 KiB). */
  headText: string;
  /** True when headText is the whole file. */
  wholeFile: boolean;
  mapping: Mapping | null;
  timezone: string;
  /** Fresh decoded text of the whole file, for formats that need a second look (date order). */
  openText: () => AsyncIterable<string>;
}

/** A planned import: settings that go on the source, then one streaming pass into the sink. */
export interface FormatReader {
  format: string;
  /** The effective mapping/settings, stored as sources.mapping_json. */
  settings: Record<string, unknown>;
  /** Observations made while planning (detected profile, date order…). */
  warnings: string[];
  run(chunks: AsyncIterable<string>, sink: RowSink, afterChunk: () => void): Promise<void>;
  /** Set by CSV: the plan as plain data, so large files can be parsed in a worker thread. */
  csvPlan?: CsvPlan;
}
