import { notTextMessage, type DetectedFormat, type ImportFormat } from './detectFormat';
import type { TextEncoding } from './encoding';
import { ImportError, invalidInput } from './errors';
import type { FormatReader } from './formatReader';
import type { Mapping } from './mapping/mappingFile';
import { readerFor } from './readers';
import { readTextChunks } from './scanFile';
import { prepareXlsx } from './xlsx/xlsxReader';
// The bank formats register their readers as they load.
import './bank/registerBankReaders';

export interface PlanInput {
  /** The file name, for messages. */
  file: string;
  filePath: string;
  fileSize: number;
  /** The file's first bytes (the whole file when it is that small). */
  head: Buffer;
  detected: DetectedFormat;
  /** False when a whole-file scan found invalid UTF-8; unknown (preview) otherwise. */
  utf8Valid?: boolean;
  /** The format asked for ('auto' or absent: the mapping's, else the detected one). */
  format?: string | undefined;
  mapping: Mapping | null;
  timezone: string;
}

export interface PlannedReader {
  reader: FormatReader;
  /** How the file's bytes are decoded (a workbook's sheet is read as UTF-8 text). */
  encoding: TextEncoding | 'latin1';
  /** Bytes skipped at the start of the file (a byte-order mark). */
  skipBytes: number;
  /** The text the plan was made on: the decoded head, or a workbook's first rows as CSV. */
  headText: string;
  /** Observations about the file itself (the reader's own are in `reader.warnings`). */
  warnings: string[];
  /** The text of the one streaming pass; `onBytes` reports how far into the file it has read. */
  text(onBytes?: (bytes: number) => void): AsyncIterable<string>;
}

/**
 * Plans how a file is read, the same for an import and its preview: which format (asked for or
 * detected), which encoding, and the format's reader planned on the file's head. Every doubt is an
 * error here, before anything is written.
 */
export async function planReader(input: PlanInput): Promise<PlannedReader> {
  const { file, filePath, head, detected, mapping, timezone } = input;
  const requested = input.format && input.format !== 'auto' ? input.format : (mapping?.format ?? null);
  const format = (requested ?? detected.format) as ImportFormat | 'binary' | 'unknown';
  if (format === 'xlsx') {
    const xlsx = await prepareXlsx(file, filePath, input.fileSize, mapping, timezone);
    return { reader: xlsx, encoding: 'utf-8', skipBytes: 0, headText: xlsx.headText, warnings: [], text: (onBytes) => xlsx.openText(onBytes) };
  }
  const warnings: string[] = [];
  let encoding: TextEncoding | 'latin1' = mapping?.encoding ?? detected.encoding;
  if (!mapping?.encoding && encoding === 'utf-8' && input.utf8Valid === false) {
    encoding = 'windows-1252';
    warnings.push('the file is not valid UTF-8; it was decoded as Windows-1252 (declare "encoding" in a mapping file to override)');
  }
  if ((detected.format === 'binary' || detected.format === 'xlsx') && !mapping?.encoding) {
    throw invalidInput(file, { line: 1 }, notTextMessage(detected));
  }
  if (format === 'unknown' || format === 'binary') {
    throw invalidInput(file, { line: 1 }, `unrecognized format (${detected.evidence}); expected CSV/TSV, XLSX, camt.053/054 XML, MT940, OFX or BAI2`);
  }
  const prepare = readerFor(format);
  if (!prepare) throw new ImportError('INVALID_INPUT', `${file}: format ${format} is not supported`);
  const skipBytes = encoding === detected.encoding ? detected.bomLength : 0;
  const headText = new TextDecoder(encoding, { ignoreBOM: true }).decode(head.subarray(skipBytes), { stream: true });
  const text = (onBytes?: (bytes: number) => void) => readTextChunks(filePath, encoding, skipBytes, onBytes);
  const reader = await prepare({ file, headText, wholeFile: input.fileSize <= head.length, mapping, timezone, openText: () => text() });
  return { reader, encoding, skipBytes, headText, warnings, text };
}
