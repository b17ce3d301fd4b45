/**
 * ISO 4217 minor-unit exponents for currencies whose exponent is not 2. Everything else
 * alphabetic and three letters long is taken as exponent 2 (the ISO default for active codes).
 */
const NON_DEFAULT_EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(code: string): boolean {
  return CODE.test(code);
}

/** The number of decimal places of one major unit, e.g. USD 2, JPY 0, BHD 3. */
export function currencyExponent(code: string): number {
  if (!CODE.test(code)) throw new RangeError(`not an ISO 4217 currency code: ${JSON.stringify(code)}`);
  return NON_DEFAULT_EXPONENTS[code] ?? 2;
}

/** Formats minor units for people, exactly (no float arithmetic): formatMinor(-290, 'USD') = "-2.90". */
export function formatMinor(amountMinor: number, code: string): string {
  const exponent = currencyExponent(code);
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor).toString().padStart(exponent + 1, '0');
  const major = exponent ? digits.slice(0, -exponent) : digits;
  const minor = exponent ? `.${digits.slice(-exponent)}` : '';
  return `${negative ? '-' : ''}${major}${minor}`;
}
