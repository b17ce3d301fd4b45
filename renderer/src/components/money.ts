import type { MoneyByCurrency } from '../../../preload/contract';

// ISO 4217 exponents that are not 2 (display only; main and the engine own the real table).
const EXPONENT: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3, CLF: 4, UYW: 4,
};

/** Minor units as a decimal string without float arithmetic: (-290, 'USD') → "-2.90 USD". */
export function formatMoney(minor: number, currency: string | null, withCode = true): string {
  const exponent = currency ? (EXPONENT[currency] ?? 2) : 2;
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const major = exponent ? digits.slice(0, -exponent) : digits;
  const grouped = major.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${minor < 0 ? '-' : ''}${grouped}${exponent ? `.${digits.slice(-exponent)}` : ''}`;
  return withCode && currency ? `${text} ${currency}` : text;
}

export function formatSignedMoney(minor: number, currency: string | null): string {
  return `${minor > 0 ? '+' : ''}${formatMoney(minor, currency)}`;
}

export function formatMoneyList(money: readonly MoneyByCurrency[]): string {
  return money.length ? money.map((m) => formatMoney(m.amountMinor, m.currency)).join(' · ') : '—';
}

/** A signed duration in the largest sensible units: "+1 d 4 h", "-12 min", "+3 s". */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : ms > 0 ? '+' : '';
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1000]] as const) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }
  return parts.length ? `${sign}${parts.join(' ')}` : rest ? `${sign}${rest} ms` : '0';
}
