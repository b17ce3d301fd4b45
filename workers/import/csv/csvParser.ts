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
  /** Char code of the (single-character) delimiter. */
  private readonly delim: number;

  constructor(private readonly delimiter: string, private readonly onRow: CsvRowHandler, private readonly onBroken: CsvBrokenHandler) {
    if (delimiter.length !== 1) throw new RangeError('the CSV delimiter must be one character');
    this.delim = delimiter.charCodeAt(0);
  }

  push(text: string): void {
    let from = 0;
    if (this.pending.length) {
      // The row cut by the previous chunk is finished in a small joined string; the big chunk itself
      // is then scanned unjoined, because scanning a concatenated (cons) string in optimized code was
      // quadratic on Node 20.
      let take = text.indexOf('\n') + 1;
      if (take <= 0) take = text.length;
      for (;;) {
        const carried = this.pending.length;
        const head = this.pending + text.slice(0, take);
        const pos = this.consume(head, 0, false);
        if (pos >= carried) {
          from = pos - carried;
          this.pending = '';
          break;
        }
        if (take >= text.length) {
          this.pending = head.slice(pos);
          if (this.pending.length > MAX_ROW_CHARS) this.dropOversized();
          return;
        }
        this.pending = this.pending.slice(pos);
        take = Math.min(text.length, take * 2);
      }
    }
    const pos = this.consume(text, from, false);
    this.pending = pos < text.length ? text.slice(pos) : '';
    if (this.pending.length > MAX_ROW_CHARS) this.dropOversized();
  }

  end(): void {
    const s = this.pending;
    this.pending = '';
    if (s.length) this.consume(s, 0, true);
  }

  private consume(s: string, start: number, final: boolean): number {
    let pos = start;
    let nextQuote = s.indexOf('"', start);
    const n = s.length;
    while (pos < n) {
      let nl = s.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) return pos;
        nl = n;
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = s.indexOf('"', pos);
      if (nextQuote === -1 || nextQuote >= nl) {
        let end = nl;
        if (end > pos && s.charCodeAt(end - 1) === 13) end--;
        if (end > pos) {
          // split() of the short row string, not indexOf(delim, from) on the chunk: TurboFan-optimized
          // indexOf with a non-constant needle degraded to a scan of the whole remaining chunk per call (Node 20).
          const raw = s.slice(pos, end);
          this.onRow(raw.split(this.delimiter), this.line, raw);
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
      if (s.charCodeAt(i) === 34) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = s.indexOf('"', from);
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
      if (s.charCodeAt(i) === delim) {
        i += 1;
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

function nextStop(s: string, from: number, delim: number): number {
  const n = s.length;
  let i = from;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === delim || c === 10) return i;
    i++;
  }
  return n;
}

function trimCr(s: string, from: number, to: number): string {
  return to > from && s.charCodeAt(to - 1) === 13 ? s.slice(from, to - 1) : s.slice(from, to);
}

/** The row without its line ending (a quoted row stops before the \n of a \r\n, so a lone \r may end it). */
function trimEol(s: string): string {
  return s.replace(/\r?\n$|\r$/, '');
}

function countNewlines(s: string, from: number, to: number): number {
  let count = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) count++;
  return count;
}
