import { looksBinary, sniffEncoding, type TextEncoding } from './encoding';

export type ImportFormat = 'csv' | 'camt052' | 'camt053' | 'camt054' | 'mt940' | 'ofx' | 'bai2' | 'xlsx';

export interface DetectedFormat {
  format: ImportFormat | 'binary' | 'unknown';
  encoding: TextEncoding;
  bomLength: number;
  /** Why: shown in warnings and errors. */
  evidence: string;
}

/** Sniffs the format from the first bytes (and the file name as a tie-breaker). */
export function detectFormat(headBytes: Uint8Array, fileName: string): DetectedFormat {
  const { encoding, bomLength } = sniffEncoding(headBytes);
  const workbook = spreadsheetKind(headBytes, fileName);
  if (workbook) return { ...workbook, encoding, bomLength };
  if (looksBinary(headBytes.subarray(bomLength), encoding)) {
    return { format: 'binary', encoding, bomLength, evidence: 'NUL or control bytes in the first 8 KiB' };
  }
  const text = new TextDecoder(encoding === 'utf-8' ? 'latin1' : encoding).decode(headBytes.subarray(bomLength, bomLength + 65536));
  return { ...detectTextFormat(text, fileName), encoding, bomLength };
}

export function detectTextFormat(text: string, fileName: string): { format: ImportFormat | 'unknown'; evidence: string } {
  const t = text.trimStart();
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const camt = /urn:iso:std:iso:20022:tech:xsd:camt\.(05[234])/.exec(t) ?? (/<BkToCstmrStmt\b/.test(t) ? [, '053'] : /<BkToCstmrDbtCdtNtfctn\b/.test(t) ? [, '054'] : /<BkToCstmrAcctRpt\b/.test(t) ? [, '052'] : null);
  if (camt) return { format: `camt${camt[1]}` as ImportFormat, evidence: `ISO 20022 camt.${camt[1]} namespace/root` };
  if (/^OFXHEADER\s*:/m.test(t.slice(0, 2000)) || /<\?OFX\b/i.test(t.slice(0, 2000)) || /^\s*<OFX>/i.test(t) || (/<OFX>/i.test(t) && (ext === 'ofx' || ext === 'qfx'))) {
    return { format: 'ofx', evidence: 'OFX header or <OFX> root' };
  }
  if (/^01,[^,\n]*,[^,\n]*,\d{6},/.test(t)) return { format: 'bai2', evidence: 'BAI2 file header record "01,"' };
  if (/^(\{1:|:20:)/m.test(t.slice(0, 20000)) && /^:(25|28C?|60[FM]|61|62[FM]|34F|13D?):/m.test(t)) {
    return { format: 'mt940', evidence: 'SWIFT MT940/942 tags (:20:, :25:, :60F:/:61:)' };
  }
  if (t.startsWith('<')) return { format: 'unknown', evidence: 'XML that is neither camt.052/053/054 nor OFX' };
  if (t.length > 0) return { format: 'csv', evidence: ext === 'tsv' ? 'tab-separated text' : 'delimited text' };
  return { format: 'unknown', evidence: 'empty' };
}

const XLSX_EVIDENCE = 'an Excel workbook (.xlsx)';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * An .xlsx workbook (read by xlsx/xlsxReader), or another binary container users often pick instead
 * of its CSV export, named; null for anything else.
 */
function spreadsheetKind(headBytes: Uint8Array, fileName: string): { format: 'xlsx' | 'binary'; evidence: string } | null {
  const binary = (evidence: string) => ({ format: 'binary' as const, evidence });
  if (startsWith(headBytes, OLE2)) return binary(/\.xls$/i.test(fileName) ? 'an Excel 97–2003 workbook (.xls)' : 'an OLE2 compound file (e.g. an Excel .xls workbook)');
  if (!startsWith(headBytes, ZIP)) return null;
  const names = new TextDecoder('latin1').decode(headBytes.subarray(0, 65536));
  if (/\.xls[xm]$/i.test(fileName) || names.includes('xl/')) return { format: 'xlsx', evidence: XLSX_EVIDENCE };
  if (/\.ods$/i.test(fileName) || names.includes('opendocument.spreadsheet')) return binary('an OpenDocument spreadsheet (.ods)');
  return binary('a ZIP archive');
}

/** The error for a file that is not text: what it is, and what to do instead. */
export function notTextMessage({ format, evidence }: Pick<DetectedFormat, 'format' | 'evidence'>): string {
  if (format === 'xlsx') return `this is ${evidence}, not a text file; import it with format "auto" or "xlsx"`;
  return /workbook|spreadsheet/.test(evidence)
    ? `this is ${evidence}, which is not read directly: open it and save the sheet as .xlsx or as CSV (UTF-8), then import that file`
    : `this is not a text file (${evidence}); expected CSV/TSV, XLSX, camt.053/054 XML, MT940, OFX or BAI2`;
}
