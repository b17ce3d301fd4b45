import { findCurrencyExponent, unknownCurrencyReason, type DeclaredExponents } from '../shared/currency';
import { decimalEvidence } from './decimalEvidence';

export type DecimalSeparator = '.' | ',';

export interface AmountOptions {
  /** The file's decimal separator ('.' unless given); the other character may only group thousands. */
  decimalSeparator?: DecimalSeparator;
  /** 'minor' when the text already counts minor units (BAI2, some exports). */
  unit?: 'major' | 'minor';
  /** Exponents a mapping file declares for codes that ISO 4217 gives none. */
  currencyExponents?: DeclaredExponents;
}

export type AmountResult = { ok: true; value: number } | { ok: false; reason: string };

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];
const DOT = 46;
const COMMA = 44;

/**
 * Decimal text to integer minor units, by string arithmetic only (no parseFloat, so 0.1 + 0.2 issues
 * can never reach a balance). Accepts signs, parentheses, trailing minus, thousands separators and
 * currency symbols; rejects more decimals than the currency has unless the extra digits are zeros, and
 * a currency without an exponent (not ISO 4217 and not declared).
 */
export function parseAmountToMinor(text: string, currency: string, options: AmountOptions = {}): AmountResult {
  const exponent = findCurrencyExponent(currency, options.currencyExponents);
  if (exponent === null) return { ok: false, reason: unknownCurrencyReason(currency) };
  return parseMinorUnits(text, exponent, options.decimalSeparator ?? '.', options.unit === 'minor');
}

/** The same with the exponent already known (the CSV path resolves it once per currency, not per value). */
export function parseMinorUnits(text: string, exponent: number, decimalSeparator: DecimalSeparator, minorUnits: boolean): AmountResult {
  if (minorUnits) {
    const fast = fastPlain(text, 0, DOT);
    return fast !== -1 ? { ok: true, value: fast } : parseGeneral(text, 0, null);
  }
  const fast = fastPlain(text, exponent, decimalSeparator === ',' ? COMMA : DOT);
  if (fast !== -1) return { ok: true, value: fast };
  return parseGeneral(text, exponent, decimalSeparator);
}

/** The common case `-?\d+([.,]\d+)?` (the one decimal separator given) without allocation; -1 means "take the general path". */
function fastPlain(s: string, exponent: number, decimalCode: number): number {
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
    if (c === decimalCode) break;
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

function parseGeneral(raw: string, exponent: number, decimal: DecimalSeparator | null): AmountResult {
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
  let intText = s;
  let fracText = '';
  const at = decimal === null ? -1 : s.indexOf(decimal);
  if (at !== -1) {
    intText = s.slice(0, at);
    fracText = s.slice(at + 1);
    if (/[.,]/.test(fracText)) return { ok: false, reason: separatorProblem(raw, decimal) };
  }
  if (/[.,]/.test(intText)) {
    if (!/^\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+)$/.test(intText)) return { ok: false, reason: separatorProblem(raw, decimal) };
    intText = intText.replace(/[.,]/g, '');
  }
  if (intText === '') intText = '0';
  if (fracText.length > exponent) {
    if (/[^0]/.test(fracText.slice(exponent))) {
      // "1,234" under a decimal comma: say so, as a reader may have taken it for thousands.
      const note = decimalEvidence(raw) === 'ambiguous' ? ` (this file's decimal separator is "${decimal}")` : '';
      return { ok: false, reason: `amount ${JSON.stringify(raw)} has ${fracText.length} decimal${fracText.length === 1 ? '' : 's'}; the currency allows ${exponent}${note}` };
    }
    fracText = fracText.slice(0, exponent);
  }
  const digits = (intText + fracText.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, reason: `amount ${JSON.stringify(raw)} is too large to store exactly` };
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/** Why a separator is out of place: most often, the amount is written with the other decimal separator. */
function separatorProblem(raw: string, decimal: DecimalSeparator | null): string {
  const shown = decimalEvidence(raw);
  if (decimal !== null && shown !== null && shown !== 'ambiguous' && shown !== decimal) {
    return raw.includes(shown)
      ? `amount ${JSON.stringify(raw)} has "${shown}" as its decimal separator, but this file's decimal separator is "${decimal}"`
      : `amount ${JSON.stringify(raw)} groups thousands with "${decimal}", which is this file's decimal separator`;
  }
  return `misplaced thousands separator in amount ${JSON.stringify(raw)}`;
}
