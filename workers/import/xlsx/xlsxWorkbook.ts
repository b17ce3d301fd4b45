import { SaxesParser, type SaxesTag } from 'saxes';
import { readZipDirectory, readZipEntry, readZipText, ZipError, type ZipEntry } from './zipArchive';
import { cellText, isDateFormat, type CellStyle } from './xlsxValues';

/** A workbook opened for reading one sheet: what it takes to turn its cells into text. */
export interface Workbook {
  sheetName: string;
  sheetNames: string[];
  sheet: ZipEntry;
  sharedStrings: string[];
  styles: CellStyle[];
  date1904: boolean;
  path: string;
}

/** One sheet row: its 1-based row number and its cells as text (empty string where there is none). */
export interface SheetRow {
  row: number;
  cells: string[];
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
// Unprefixed attributes are in no namespace, which is where SpreadsheetML puts r, s and t.
const attr = (tag: SaxesTag, name: string): string | undefined => {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : undefined;
};

/** Streams an XML member through saxes into the handlers, pausing (yielding) after each chunk. */
async function* parseXml(
  path: string, entry: ZipEntry, handlers: { open?(tag: SaxesTag): void; close?(name: string): void; text?(text: string): void },
  onBytes?: (bytes: number) => void,
): AsyncGenerator<void> {
  const parser = new SaxesParser();
  if (handlers.open) parser.on('opentag', (tag) => handlers.open!(tag));
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(localName(tag.name)));
  if (handlers.text) {
    parser.on('text', (text) => handlers.text!(text));
    parser.on('cdata', (text) => handlers.text!(text));
  }
  parser.on('error', (error) => {
    throw new ZipError(`${entry.name}: malformed XML (${error.message})`);
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of readZipEntry(path, entry, onBytes)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    yield;
  }
  parser.write(decoder.decode());
  parser.close();
}

function relationships(xml: string): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    if (attrs['Id'] && attrs['Target']) out.set(attrs['Id'], { target: attrs['Target'], type: attrs['Type'] ?? '' });
  }
  return out;
}

/** Resolves a relationship target against the folder of the part that names it. */
function partPath(target: string, base = 'xl/'): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'amp') return '&';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

/**
 * Opens an .xlsx workbook on its first sheet (or the sheet named `sheetName`): shared strings and cell
 * styles are read whole (they are small next to the sheet), the sheet itself is left to `sheetRows`.
 */
export async function openWorkbook(path: string, fileSize: number, sheetName?: string): Promise<Workbook> {
  const entries = await readZipDirectory(path, fileSize);
  const member = (name: string): ZipEntry | undefined => entries.get(name);
  const workbookEntry = member('xl/workbook.xml');
  if (!workbookEntry) throw new ZipError('this ZIP archive is not an Excel workbook (no xl/workbook.xml)');
  const workbookXml = await readZipText(path, workbookEntry);
  const relsEntry = member('xl/_rels/workbook.xml.rels');
  const rels = relsEntry ? relationships(await readZipText(path, relsEntry)) : new Map<string, { target: string; type: string }>();
  const sheets = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1];
    const id = /\b(?:\w+:)?id="([^"]*)"/.exec(m[1]!)?.[1];
    return { name: unescapeXml(name ?? ''), target: id ? rels.get(id)?.target : undefined };
  });
  if (sheets.length === 0) throw new ZipError('the workbook has no sheets');
  const chosen = sheetName === undefined ? sheets[0]! : sheets.find((s) => s.name === sheetName);
  if (!chosen) throw new ZipError(`the workbook has no sheet named ${JSON.stringify(sheetName)} (sheets: ${sheets.map((s) => JSON.stringify(s.name)).join(', ')})`);
  const sheet = chosen.target ? member(partPath(chosen.target)) : member(`xl/worksheets/sheet${sheets.indexOf(chosen) + 1}.xml`);
  if (!sheet) throw new ZipError(`sheet ${JSON.stringify(chosen.name)} is missing from the archive`);
  const typed = (suffix: string, fallback: string) =>
    member(partPath([...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? fallback));
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);
  const [sharedStrings, styles] = await Promise.all([
    readSharedStrings(path, typed('/sharedStrings', 'sharedStrings.xml')),
    readStyles(path, typed('/styles', 'styles.xml')),
  ]);
  return { sheetName: chosen.name, sheetNames: sheets.map((s) => s.name), sheet, sharedStrings, styles, date1904, path };
}

/** Shared strings: each <si>'s text, its rich-text runs joined, phonetic hints (<rPh>) left out. */
async function readSharedStrings(path: string, entry: ZipEntry | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!entry) return out;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const parsing = parseXml(path, entry, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        out.push(current ?? '');
        current = null;
      } else if (name === 'rPh') phonetic -= 1;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
  });
  for await (const _ of parsing);
  return out;
}

/** For each cell style (cellXfs index), whether its number format shows a date or time. */
async function readStyles(path: string, entry: ZipEntry | undefined): Promise<CellStyle[]> {
  if (!entry) return [];
  const xml = await readZipText(path, entry);
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const id = /\bnumFmtId="(\d+)"/.exec(m[1]!)?.[1];
    const code = /\bformatCode="([^"]*)"/.exec(m[1]!)?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), unescapeXml(code));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
    return { date: isDateFormat(id, custom.get(id)) };
  });
}

/** Column index (0-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

/** The sheet's rows in order, as text, streamed: a batch per chunk of XML read. */
export async function* sheetRows(book: Workbook, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow[]> {
  let batch: SheetRow[] = [];
  let row: SheetRow | null = null;
  let nextRow = 1;
  let cell: { col: number; type: string; style: number } | null = null;
  let nextCol = 0;
  let value = '';
  let inValue = false;
  let inInline = false;
  let inInlineText = false;
  let inlineText = '';
  const parsing = parseXml(book.path, book.sheet, {
    open(tag) {
      switch (localName(tag.name)) {
        case 'row': {
          const r = Number(attr(tag, 'r'));
          row = { row: Number.isSafeInteger(r) && r >= nextRow ? r : nextRow, cells: [] };
          nextRow = row.row + 1;
          nextCol = 0;
          break;
        }
        case 'c': {
          const ref = attr(tag, 'r');
          const col = ref ? columnOf(ref) : nextCol;
          cell = { col: col >= 0 ? col : nextCol, type: attr(tag, 't') ?? 'n', style: Number(attr(tag, 's') ?? 0) };
          nextCol = cell.col + 1;
          value = '';
          inlineText = '';
          break;
        }
        case 'v':
          inValue = true;
          break;
        case 'is':
          inInline = true;
          break;
        case 't':
          inInlineText = inInline;
          break;
        default:
      }
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 'is') inInline = false;
      else if (name === 't') inInlineText = false;
      else if (name === 'c' && cell && row) {
        const text = cellText(cell.type, cell.type === 'inlineStr' ? inlineText : value, book.styles[cell.style], book);
        while (row.cells.length < cell.col) row.cells.push('');
        row.cells[cell.col] = text;
        cell = null;
      } else if (name === 'row' && row) {
        batch.push(row);
        row = null;
      }
    },
    text(text) {
      if (inValue) value += text;
      else if (inInlineText) inlineText += text;
    },
  }, onBytes);
  for await (const _ of parsing) {
    if (batch.length) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
