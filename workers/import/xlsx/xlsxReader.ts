import { prepareCsv } from '../csv/csvReader';
import { ImportError } from '../errors';
import type { FormatContext, FormatReader } from '../formatReader';
import { validateMapping, type Mapping } from '../mapping/mappingFile';
import { openWorkbook, sheetRows, type SheetRow, type Workbook } from './xlsxWorkbook';
import { ZipError } from './zipArchive';

/** Rows looked at to plan the import (header, mapping, day/month order), as for a CSV's head. */
const HEAD_ROWS = 2000;
const CHUNK_CHARS = 256 * 1024;

function csvField(text: string): string {
  // One sheet row must stay one text line, so that line numbers are row numbers.
  const flat = /[\r\n]/.test(text) ? text.replace(/\r\n|\r|\n/g, ' ') : text;
  return /[",]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/**
 * The sheet as CSV text, line N being row N (a missing or empty row is a blank line, which is no
 * row). Cells are padded to the width of the first row with content (the header, usually).
 */
async function* sheetAsCsv(book: Workbook, maxRows = Infinity, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  let width = -1;
  let lastRow = 0;
  let text = '';
  const line = (row: SheetRow): string => {
    let end = row.cells.length;
    while (end > 0 && row.cells[end - 1] === '') end -= 1;
    if (end === 0) return '';
    if (width < 0) width = end;
    const cells = row.cells.slice(0, Math.max(end, width));
    while (cells.length < width) cells.push('');
    return cells.map(csvField).join(',');
  };
  for await (const rows of sheetRows(book, onBytes)) {
    for (const row of rows) {
      if (row.row > maxRows) {
        if (text) yield text;
        return;
      }
      text += '\n'.repeat(Math.max(0, row.row - lastRow - 1)) + line(row) + '\n';
      lastRow = row.row;
    }
    if (text.length >= CHUNK_CHARS) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

async function headCsv(book: Workbook): Promise<{ text: string; whole: boolean }> {
  let text = '';
  for await (const chunk of sheetAsCsv(book, HEAD_ROWS + 1)) text += chunk;
  const lines = text.split('\n');
  const whole = lines.length <= HEAD_ROWS + 1;
  return { text: whole ? text : `${lines.slice(0, HEAD_ROWS).join('\n')}\n`, whole };
}

export interface XlsxReader extends FormatReader {
  /** The sheet as CSV text chunks, for the import's one streaming pass. */
  openText(onBytes?: (bytes: number) => void): AsyncIterable<string>;
  /** The first rows as CSV text (what was planned on; what a preview shows). */
  headText: string;
}

/**
 * Plans an .xlsx import: the chosen sheet (first by default) is read as the CSV it would be saved as,
 * then planned exactly like a CSV (profiles, guessed mapping, day/month order). Dates stored as
 * serial numbers arrive as "YYYY-MM-DD HH:MM:SS" in the declared zone; numbers as Excel shows them.
 */
export async function prepareXlsx(file: string, filePath: string, fileSize: number, mapping: Mapping | null, timezone: string): Promise<XlsxReader> {
  let book: Workbook;
  let head: { text: string; whole: boolean };
  try {
    book = await openWorkbook(filePath, fileSize, mapping?.sheet);
    head = await headCsv(book);
  } catch (error) {
    if (error instanceof ZipError) throw new ImportError('INVALID_INPUT', `${file}: ${error.message}`);
    throw error;
  }
  if (!head.text.trim()) throw new ImportError('INVALID_INPUT', `${file}: line 1: sheet ${JSON.stringify(book.sheetName)} is empty (expected a header row and data rows)`);
  const openText = (onBytes?: (bytes: number) => void) => sheetAsCsv(book, Infinity, onBytes);
  const ctx: FormatContext = {
    file, headText: head.text, wholeFile: head.whole, timezone, openText: () => openText(),
    // The text is CSV as written here: comma-separated, whatever the mapping said for a CSV.
    mapping: { ...(mapping ?? validateMapping({})), delimiter: ',' },
  };
  const csv = await prepareCsv(ctx);
  const warnings = [...csv.warnings];
  if (book.sheetNames.length > 1 && mapping?.sheet === undefined) {
    warnings.push(`read sheet ${JSON.stringify(book.sheetName)}, the first of ${book.sheetNames.length} (set "sheet" in a mapping file for another)`);
  }
  return {
    format: 'xlsx',
    // The delimiter stays: it is how the sheet's rows read as text (previews split them by it).
    settings: { ...csv.settings, format: 'xlsx', sheet: book.sheetName },
    warnings,
    run: csv.run,
    openText,
    headText: head.text,
  };
}
