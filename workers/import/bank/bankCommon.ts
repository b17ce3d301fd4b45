import { formatMinor, type DeclaredExponents } from '../../shared/currency';
import type { FormatContext } from '../formatReader';
import { zonedToUtc } from '../zoneOffset';
import { daysInMonth } from '../timestamp';

/** A bank format's settings for the source: its own, plus the currency exponents a mapping file declared. */
export function bankSettings(format: string, ctx: FormatContext): Record<string, unknown> {
  const declared = ctx.mapping?.currencyExponents;
  return { version: 1, format, timezone: ctx.timezone, ...(declared && Object.keys(declared).length ? { currencyExponents: declared } : {}) };
}

/** A date-only bank value (booking/value date) as midnight in the declared zone; null when not a real date. */
export function dateToUtc(y: number, m: number, d: number, zone: string): number | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return zonedToUtc(Date.UTC(y, m - 1, d), zone);
}

/** Two-digit SWIFT/BAI years: 00–79 → 20xx, 80–99 → 19xx. */
export function fullYear(yy: number): number {
  return yy < 80 ? 2000 + yy : 1900 + yy;
}

/** Opening + entries = closing, as a warning text when it does not hold. */
export function balanceWarning(
  label: string, opening: number, entries: number, closing: number, currency: string, declared?: DeclaredExponents,
): string | null {
  if (opening + entries === closing) return null;
  const money = (minor: number): string => formatMinor(minor, currency, declared);
  return `${label}: opening balance ${money(opening)} + entries ${money(entries)} = ${money(opening + entries)}, but the closing balance is ${money(closing)} ${currency} (difference ${money(closing - opening - entries)})`;
}

/** Splits decoded text chunks into physical lines with 1-based numbers, streaming. */
export async function* lines(chunks: AsyncIterable<string>, afterChunk: () => void): AsyncGenerator<[string, number]> {
  let carry = '';
  let line = 0;
  for await (const text of chunks) {
    const parts = (carry + text).split('\n');
    carry = parts.pop() ?? '';
    for (const p of parts) yield [p.endsWith('\r') ? p.slice(0, -1) : p, ++line];
    afterChunk();
  }
  if (carry !== '') yield [carry.endsWith('\r') ? carry.slice(0, -1) : carry, ++line];
}
