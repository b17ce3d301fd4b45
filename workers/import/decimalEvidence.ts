import type { DecimalSeparator } from './amount';

/** One run of digits, separators and spaces, with at most a sign, symbol or code around it. */
const AMOUNT_SHAPE = /^[^0-9]*[0-9][0-9.,\s'\u00a0\u202f]*[^0-9]*$/;

/**
 * What one amount says about its file's decimal separator: '.' or ',' when only that reading fits
 * ("1,234.56", "12,5", "1.234.567"); 'ambiguous' for a lone separator before exactly three digits that
 * could group thousands ("1,234" is 1.234 or 1234); null when it shows no separator (or is no amount).
 * With the currency's exponent, a lone separator before three digits is a thousands separator when the
 * currency has fewer than three decimals ("12,345" and "1,000" JPY, "1,234" and "1,500" USD: no export
 * writes a cent amount with a third decimal); for KWD or BHD ("1,234") it stays ambiguous.
 */
export function decimalEvidence(text: string, exponent: number | null = null): DecimalSeparator | 'ambiguous' | null {
  if (!AMOUNT_SHAPE.test(text)) return null;
  const s = text.replace(/[^0-9.,]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot === -1 && lastComma === -1) return null;
  if (lastDot !== -1 && lastComma !== -1) {
    // Both: the last one is the decimal separator, once, after well-formed thousands groups.
    const decimal: DecimalSeparator = lastDot > lastComma ? '.' : ',';
    const at = s.indexOf(decimal);
    return at === s.lastIndexOf(decimal) && isGrouped(s.slice(0, at)) ? decimal : null;
  }
  const sep: DecimalSeparator = lastDot !== -1 ? '.' : ',';
  const other: DecimalSeparator = sep === '.' ? ',' : '.';
  const at = s.indexOf(sep);
  // Twice or more: it groups thousands, so the decimal separator is the other one.
  if (at !== s.lastIndexOf(sep)) return isGrouped(s) ? other : null;
  const before = at;
  const after = s.length - at - 1;
  // Thousands groups are exactly three digits, after a head of one to three digits not starting with 0.
  if (after !== 3 || before === 0 || before > 3 || s[0] === '0') return sep;
  if (exponent !== null && exponent < 3) return other;
  return 'ambiguous';
}

/** "1,234,567" or "1.234": a head of one to three digits, then groups of three, one separator throughout. */
function isGrouped(s: string): boolean {
  return /^[1-9]\d{0,2}(?:(?:,\d{3})+|(?:\.\d{3})+)$/.test(s);
}
