/** Called per row: fields, the 1-based physical line where the row starts, and its raw text. */
export type CsvRowHandler = (fields: string[], line: number, raw: string) => void;
export type CsvBrokenHandler = (line: number, raw: string, reason: string) => void;

/** Rows larger than this are reported broken instead of buffering the rest of a file behind an open quote. */
export const MAX_ROW_CHARS = 64 * 1024 * 1024;

/**
 * Streaming RFC 4180 parser with a fast path: a line without any quote character is split with
 * indexOf, which is most lines of machine exports. Line numbers count physical lines, so a quoted
 * field spanning lines still cites the line where its row starts. Blank lines are not rows.
 */
export class CsvParser {
  private pending = '';
  private line = 1;
  private readonly delim: string;
  private readonly quote = '"';

  constructor(delimiter: string, private readonly onRow: CsvRowHandler, private readonly onBroken: CsvBrokenHandler) {
    this.delim = delimiter;
  }

  push(text: string): void {
    const s = this.pending.length ? this.pending + text : text;
    this.pending = '';
    const pos = this.consume(s, false);
    this.pending = pos < s.length ? s.slice(pos) : '';
    if (this.pending.length > MAX_ROW_CHARS) this.dropOversized();
  }

  end(): void {
    const s = this.pending;
    this.pending = '';
    if (s.length) this.consume(s, true);
  }

  private consume(s: string, final: boolean): number {
    const delim = this.delim;
    let pos = 0;
    let nextQuote = s.indexOf(this.quote);
    const n = s.length;
    while (pos < n) {
      let nl = s.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) return pos;
        nl = n;
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = s.indexOf(this.quote, pos);
      if (nextQuote === -1 || nextQuote >= nl) {
        let end = nl;
        if (end > pos && s.charCodeAt(end - 1) === 13) end--;
        if (end > pos) {
          const fields: string[] = [];
          let start = pos;
          for (;;) {
            const d = s.indexOf(delim, start);
            if (d === -1 || d >= end) {
              fields.push(s.slice(start, end));
              break;
            }
            fields.push(s.slice(start, d));
            start = d + delim.length;
          }
          this.onRow(fields, this.line, s.slice(pos, end));
        }
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.quotedRow(s, pos, final);
      if (next === -1) return pos;
      pos = next;
    }
    return pos;
  }

  /** Slow path for a row containing quotes; returns the index after the row, or -1 when more text is needed. */
  private quotedRow(s: string, pos: number, final: boolean): number {
    const fields: string[] = [];
    const delim = this.delim;
    const n = s.length;
    let i = pos;
    let newlines = 0;
    let problem: string | null = null;
    for (;;) {
      if (s.startsWith(this.quote, i)) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = s.indexOf(this.quote, from);
          if (q === -1 || (q === n - 1 && !final)) {
            if (!final) return -1;
            newlines += countNewlines(s, from, n);
            this.onBroken(this.line, trimEol(s.slice(pos)), `unterminated quoted field (the quote opened at line ${this.line + countNewlines(s, pos, i)} never closes)`);
            this.line += newlines + 1;
            return n;
          }
          newlines += countNewlines(s, from, q);
          if (s.charCodeAt(q + 1) === 34) {
            value += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += s.slice(from, q);
          i = q + 1;
          break;
        }
        let stop = nextStop(s, i, delim);
        if (stop === i + 1 && s.charCodeAt(i) === 13) stop = i;
        if (stop > i && problem === null) problem = `unexpected text after a closing quote in field ${fields.length + 1}`;
        value += s.slice(i, stop);
        i = stop;
        fields.push(value);
      } else {
        const stop = nextStop(s, i, delim);
        if (stop === n && !final) return -1;
        fields.push(trimCr(s, i, stop));
        i = stop;
      }
      if (i >= n) {
        if (!final) return -1;
        break;
      }
      if (s.startsWith(delim, i)) {
        i += delim.length;
        if (i >= n && !final) return -1;
        if (i >= n) {
          fields.push('');
          break;
        }
        continue;
      }
      if (s.charCodeAt(i) === 13 && s.charCodeAt(i + 1) === 10) i++;
      else if (s.charCodeAt(i) === 13 && i + 1 >= n && !final) return -1;
      break;
    }
    const rowEnd = Math.min(i, n);
    const raw = trimEol(s.slice(pos, rowEnd));
    if (problem) this.onBroken(this.line, raw, problem);
    else this.onRow(fields, this.line, raw);
    this.line += newlines + 1;
    return rowEnd + 1;
  }

  private dropOversized(): void {
    const s = this.pending;
    const nl = s.indexOf('\n', MAX_ROW_CHARS);
    const cut = nl === -1 ? s.length : nl + 1;
    this.onBroken(this.line, `${s.slice(0, 200)}…`, `row longer than ${MAX_ROW_CHARS} characters (an unterminated quote?); skipped to the next line break`);
    this.line += countNewlines(s, 0, cut);
    this.pending = s.slice(cut);
  }
}

function nextStop(s: string, from: number, delim: string): number {
  const d = s.indexOf(delim, from);
  const nl = s.indexOf('\n', from);
  const a = d === -1 ? s.length : d;
  const b = nl === -1 ? s.length : nl;
  return a < b ? a : b;
}

function trimCr(s: string, from: number, to: number): string {
  return to > from && s.charCodeAt(to - 1) === 13 ? s.slice(from, to - 1) : s.slice(from, to);
}

function trimEol(s: string): string {
  return s.replace(/\r?\n$/, '');
}

function countNewlines(s: string, from: number, to: number): number {
  let count = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) count++;
  return count;
}
