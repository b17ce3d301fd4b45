import type { BreakFilter } from '../../../preload/contract';
import { findCurrencyExponent, isoCodesNotOfExponent2 } from '../../../workers/shared/currency';

/**
 * Decimal major units ("12.50") as minor units of a currency with this exponent, rounded inward for a
 * bound: a minimum rounds up, a maximum down, so "≥ 12.505 USD" never lets 12.50 through.
 */
export function majorToMinorBound(major: string, exponent: number, bound: 'min' | 'max'): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(major.trim());
  if (!m) throw new RangeError(`not a decimal amount: ${major}`);
  const [, sign, whole, fraction = ''] = m;
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  let minor = BigInt(`${whole}${kept}`) * (sign ? -1n : 1n);
  if (/[1-9]/.test(fraction.slice(exponent))) {
    // Digits below the minor unit: the exact value lies between two minor amounts.
    const exact = sign ? minor - 1n : minor;
    minor = bound === 'min' ? exact + 1n : exact;
  }
  return Number(minor);
}

/** Currencies grouped by exponent, other than 2 (the ELSE of the SQL below, and of any code ISO does not list). */
const GROUPS: { exponent: number; codes: string[] }[] = (() => {
  const byExponent = new Map<number, string[]>();
  for (const [code, exponent] of isoCodesNotOfExponent2()) byExponent.set(exponent, [...(byExponent.get(exponent) ?? []), code]);
  return [...byExponent].map(([exponent, codes]) => ({ exponent, codes }));
})();

export interface AmountSql {
  clauses: string[];
  params: (string | number)[];
  /** Loosest minor-unit bounds over all currencies, for index range probes. */
  minMinor?: number;
  maxMinor?: number;
}

/**
 * The amount range of a filter. minAmountMinor/maxAmountMinor compare minor units as stored;
 * minAmount/maxAmount are major units read in the filtered currency, or, with no currency filter,
 * in each break's own currency (1000 means 1,000 JPY and 1,000.000 KWD alike). Each bound is also
 * given as its loosest minor value so SQLite can still walk the amount index.
 */
export function amountSql(filter: BreakFilter): AmountSql {
  const out: AmountSql = { clauses: [], params: [] };
  const add = (op: '>=' | '<=', minor: number) => {
    out.clauses.push(`b.amount_minor ${op} ?`);
    out.params.push(minor);
    if (op === '>=') out.minMinor = Math.max(out.minMinor ?? -Infinity, minor);
    else out.maxMinor = Math.min(out.maxMinor ?? Infinity, minor);
  };
  if (filter.minAmountMinor !== undefined) add('>=', filter.minAmountMinor);
  if (filter.maxAmountMinor !== undefined) add('<=', filter.maxAmountMinor);
  for (const [major, op, bound] of [[filter.minAmount, '>=', 'min'], [filter.maxAmount, '<=', 'max']] as const) {
    if (major === undefined) continue;
    if (filter.currency) {
      add(op, majorToMinorBound(major, findCurrencyExponent(filter.currency) ?? 2, bound));
      continue;
    }
    const perGroup = GROUPS.map((g) => ({ ...g, minor: majorToMinorBound(major, g.exponent, bound) }));
    const otherwise = majorToMinorBound(major, 2, bound);
    const all = [otherwise, ...perGroup.map((g) => g.minor)];
    add(op, op === '>=' ? Math.min(...all) : Math.max(...all));
    const cases = perGroup.map((g) => `WHEN b.currency IN (${g.codes.map(() => '?').join(', ')}) THEN ?`).join(' ');
    out.clauses.push(`b.amount_minor ${op} (CASE ${cases} ELSE ? END)`);
    for (const g of perGroup) out.params.push(...g.codes, g.minor);
    out.params.push(otherwise);
  }
  return out;
}
