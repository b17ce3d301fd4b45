import { prepareCsv } from './csv/csvReader';
import type { ImportFormat } from './detectFormat';
import type { FormatContext, FormatReader } from './formatReader';

type Prepare = (ctx: FormatContext) => Promise<FormatReader> | FormatReader;

const READERS: Partial<Record<ImportFormat, Prepare>> = {
  csv: prepareCsv,
};

export function registerReader(format: ImportFormat, prepare: Prepare): void {
  READERS[format] = prepare;
}

export function readerFor(format: ImportFormat): Prepare | undefined {
  return READERS[format];
}
