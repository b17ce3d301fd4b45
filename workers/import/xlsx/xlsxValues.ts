/** What a cell's style says about how to read its number. */
export interface CellStyle {
  date: boolean;
}

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when the number format shows a date or time: a built-in date format, or a custom code with date/time parts. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILTIN_DATE_FORMATS.has(id)) return true;
  if (code === undefined) return false;
  // Literal text ("…"), escapes (\x), colours and conditions ([Red], [<0]) are not parts of the pattern.
  const pattern = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(pattern.split(';')[0] ?? '');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A date serial as the wall-clock text Excel shows: "YYYY-MM-DD", or "YYYY-MM-DD HH:MM:SS" when it has
 * a time of day. The zone is the import's declared one: a workbook stores no zone.
 */
export function serialToText(serial: number, date1904: boolean): string {
  // Day 0 is 1899-12-30 in the 1900 system (after its phantom 29 Feb 1900), 1904-01-01 in the 1904 one.
  const days = date1904 ? serial + 1462 : serial;
  const ms = Math.round((days - 25569) * 86_400) * 1000;
  const d = new Date(ms);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (ms % 86_400_000 === 0) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * A stored number as Excel shows it at full precision: 15 significant digits, so that 12.3 stored as
 * 12.300000000000001 reads 12.3 again. Integers are exact up to 2^53.
 */
export function numberText(stored: string): string {
  // What Excel writes for typed values: already the short form.
  if (stored.length <= 15 && /^-?\d+(\.\d*[1-9])?$/.test(stored)) return stored;
  const n = Number(stored);
  if (stored.trim() === '' || !Number.isFinite(n)) return stored;
  if (Number.isSafeInteger(n)) return String(n);
  const text = String(Number(n.toPrecision(15)));
  if (!/e/i.test(text)) return text;
  // Very small or large values: plain digits, never exponent notation (amount parsers expect digits).
  return Number(text).toFixed(Math.min(20, Math.max(0, 15 - Math.floor(Math.log10(Math.abs(n))) - 1))).replace(/\.?0+$/, '');
}

/** A cell's text from its type attribute, stored value and style. */
export function cellText(type: string, stored: string, style: CellStyle | undefined, book: { sharedStrings: string[]; date1904: boolean }): string {
  switch (type) {
    case 's': {
      const index = Number(stored);
      return book.sharedStrings[index] ?? '';
    }
    case 'b':
      return stored === '1' ? 'TRUE' : stored === '0' ? 'FALSE' : stored;
    case 'str':
    case 'inlineStr':
    case 'e':
    case 'd':
      return stored;
    default: {
      if (stored === '') return '';
      if (style?.date) {
        const serial = Number(stored);
        if (Number.isFinite(serial) && serial >= 0) return serialToText(serial, book.date1904);
      }
      return numberText(stored);
    }
  }
}
