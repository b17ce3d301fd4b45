import { findCurrencyExponent, unknownCurrencyReason, type DeclaredExponents } from '../shared/currency';

export interface AmountOptions {
  /** Which character separates the fraction; 'auto' decides per value (the last of '.' or ',' wins). */
  decimalSeparator?: '.' | ',' | 'auto';
  /** 'minor' when the text already counts minor units (BAI2, some exports). */
  unit?: 'major' | 'minor';
  /** Exponents a mapping file declares for codes that ISO 4217 gives none. */
  currencyExponents?: DeclaredExponents;
}

export type AmountResult = { ok: true; value: number } | { ok: false; reason: string };

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

/**
 * Decimal text to integer minor units, by string arithmetic only (no parseFloat, so 0.1 + 0.2 issues
 * can never reach a balance). Accepts signs, parentheses, trailing minus, thousands separators and
 * currency symbols; rejects more decimals than the currency has unless the extra digits are zeros, and
 * a currency without an exponent (not ISO 4217 and not declared).
 */
export function parseAmountToMinor(text: string, currency: string, options: AmountOptions = {}): AmountResult {
  let exponent = findCurrencyExponent(currency, options.currencyExponents);
  if (exponent === null) return { ok: false, reason: unknownCurrencyReason(currency) };
  if (options.unit === 'minor') exponent = 0;
  const fast = options.decimalSeparator === ',' ? -1 : fastPlain(text, exponent);
  if (fast !== -1) return { ok: true, value: fast };
  return parseGeneral(text, exponent, options.decimalSeparator ?? 'auto', options.unit === 'minor');
}

/** The common case `-?\d+(\.\d+)?` without allocation; -1 means "take the general path". */
function fastPlain(s: string, exponent: number): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
    if (n === 1) return -1;
  }
  let intPart = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57) return -1;
    intPart = intPart * 10 + (c - 48);
    digits++;
  }
  if (digits === 0) return -1;
  let frac = 0;
  let fracDigits = 0;
  if (i < n) {
    i++;
    if (i === n) return -1;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      if (fracDigits >= exponent) {
        if (c !== 48) return -1;
        continue;
      }
      frac = frac * 10 + (c - 48);
      fracDigits++;
    }
  }
  const value = intPart * POW10[exponent]! + frac * POW10[exponent - fracDigits]!;
  if (!Number.isSafeInteger(value)) return -1;
  return neg ? (value === 0 ? 0 : -value) : value;
}

const SYMBOLS = /[$€£¥₹₩₪₽฿₺₫₱₦₴]/g;

function parseGeneral(raw: string, exponent: number, sep: '.' | ',' | 'auto', minorUnits: boolean): AmountResult {
  let s = raw.trim().replace(SYMBOLS, '').replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/g, '').trim();
  if (s === '') return { ok: false, reason: raw.trim() === '' ? 'amount is empty' : `not an amount: ${JSON.stringify(raw)}` };
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  } else if (s.startsWith('-') || s.startsWith('+') || s.startsWith('\u2212')) {
    if (s[0] !== '+') negative = !negative;
    s = s.slice(1).trim();
  }
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, reason: `not an amount: ${JSON.stringify(raw)}` };
  const decimal = minorUnits ? null : chooseDecimal(s, sep, exponent);
  let intText = s;
  let fracText = '';
  if (decimal !== null) {
    const at = s.lastIndexOf(decimal);
    if (at !== -1) {
      intText = s.slice(0, at);
      fracText = s.slice(at + 1);
      if (fracText.includes('.') || fracText.includes(',')) return { ok: false, reason: `not an amount: ${JSON.stringify(raw)}` };
    }
  }
  const thousands = intText.match(/[.,]/)?.[0];
  if (thousands) {
    if (thousands === decimal || !/^\d{1,3}([.,]\d{3})+$/.test(intText) || intText.includes(thousands === '.' ? ',' : '.')) {
      return { ok: false, reason: `misplaced thousands separator in amount ${JSON.stringify(raw)}` };
    }
    intText = intText.replace(/[.,]/g, '');
  }
  if (intText === '') intText = '0';
  if (fracText.length > exponent) {
    if (/[^0]/.test(fracText.slice(exponent))) {
      return { ok: false, reason: `amount ${JSON.stringify(raw)} has ${fracText.length} decimals; the currency allows ${exponent}` };
    }
    fracText = fracText.slice(0, exponent);
  }
  const digits = (intText + fracText.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, reason: `amount ${JSON.stringify(raw)} is too large to store exactly` };
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * With 'auto', a lone ',' followed by exactly three digits is read as a thousands separator unless the
 * currency has three decimals, where it stays ambiguous and is read as the decimal point.
 */
function chooseDecimal(s: string, sep: '.' | ',' | 'auto', exponent: number): '.' | ',' | null {
  if (sep !== 'auto') return sep;
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot === -1 && comma === -1) return null;
  if (dot !== -1 && comma !== -1) return dot > comma ? '.' : ',';
  const only = dot !== -1 ? '.' : ',';
  const at = Math.max(dot, comma);
  const occurrences = s.split(only).length - 1;
  if (occurrences > 1) return only === '.' ? ',' : '.';
  const after = s.length - at - 1;
  if (after === 3 && exponent !== 3 && only === ',') return '.';
  return only;
}
