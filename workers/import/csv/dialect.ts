import { CsvParser } from './csvParser';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Picks the delimiter whose per-line count (outside quotes) is most consistent and non-zero over the head. */
export function sniffDelimiter(headText: string): string {
  const lines = headText.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 50);
  if (lines.length > 1 && lines.length === headText.split(/\r?\n/).length) lines.pop();
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const nonZero = counts.filter((c) => c > 0);
    if (nonZero.length === 0) continue;
    const mode = modeOf(nonZero);
    const consistent = counts.filter((c) => c === mode).length / counts.length;
    const score = consistent * 1000 + mode;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let inQuote = false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === d && !inQuote) count++;
  }
  return count;
}

function modeOf(values: number[]): number {
  const freq = new Map<number, number>();
  let best = values[0]!;
  for (const v of values) {
    const f = (freq.get(v) ?? 0) + 1;
    freq.set(v, f);
    if (f > (freq.get(best) ?? 0)) best = v;
  }
  return best;
}

export interface HeadRow {
  line: number;
  fields: string[];
}

/** Rows of the head that planning looks at; fewer means the head held them all. */
export const HEAD_ROWS = 2000;

/** Parses the first rows of the head text (the last, possibly cut, row is dropped unless the head is the whole file). */
export function headRows(headText: string, delimiter: string, wholeFile: boolean, limit = HEAD_ROWS): HeadRow[] {
  const rows: HeadRow[] = [];
  const parser = new CsvParser(delimiter, (fields, line) => {
    if (rows.length < limit) rows.push({ line, fields });
  }, () => {});
  parser.push(headText);
  if (wholeFile) parser.end();
  return rows;
}

/**
 * The header is the first row with the modal field count of the head, so a free-text preamble
 * (bank exports often start with a title and a date range) is skipped instead of becoming the header.
 */
export function detectHeaderLine(rows: HeadRow[]): number {
  if (rows.length === 0) return 1;
  const counts = rows.slice(0, 200).map((r) => r.fields.length);
  const mode = modeOf(counts);
  const header = rows.find((r) => r.fields.length === mode && r.fields.some((f) => /[A-Za-z]/.test(f)));
  return header?.line ?? rows[0]!.line;
}
