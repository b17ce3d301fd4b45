/**
 * ISO 4217 minor units (list one, 2025), plus withdrawn codes (list three) that still turn up in
 * historical statements (DEM, FRF, HRK…, marked below). `null` is ISO's "N.A.": funds, precious metals, SDR,
 * test and "no currency" codes, which have no minor unit, so no exponent can be assumed for them.
 */
const ISO_4217: Readonly<Record<string, number | null>> = {
  AED: 2, AFN: 2, ALL: 2, AMD: 2, ANG: 2, AOA: 2, ARS: 2, AUD: 2, AWG: 2, AZN: 2, BAM: 2, BBD: 2, BDT: 2, BGN: 2,
  BHD: 3, BIF: 0, BMD: 2, BND: 2, BOB: 2, BOV: 2, BRL: 2, BSD: 2, BTN: 2, BWP: 2, BYN: 2, BZD: 2, CAD: 2, CDF: 2,
  CHE: 2, CHF: 2, CHW: 2, CLF: 4, CLP: 0, CNY: 2, COP: 2, COU: 2, CRC: 2, CUP: 2, CVE: 2, CZK: 2, DJF: 0, DKK: 2,
  DOP: 2, DZD: 2, EGP: 2, ERN: 2, ETB: 2, EUR: 2, FJD: 2, FKP: 2, GBP: 2, GEL: 2, GHS: 2, GIP: 2, GMD: 2, GNF: 0,
  GTQ: 2, GYD: 2, HKD: 2, HNL: 2, HTG: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2, IQD: 3, IRR: 2, ISK: 0, JMD: 2, JOD: 3,
  JPY: 0, KES: 2, KGS: 2, KHR: 2, KMF: 0, KPW: 2, KRW: 0, KWD: 3, KYD: 2, KZT: 2, LAK: 2, LBP: 2, LKR: 2, LRD: 2,
  LSL: 2, LYD: 3, MAD: 2, MDL: 2, MGA: 2, MKD: 2, MMK: 2, MNT: 2, MOP: 2, MRU: 2, MUR: 2, MVR: 2, MWK: 2, MXN: 2,
  MXV: 2, MYR: 2, MZN: 2, NAD: 2, NGN: 2, NIO: 2, NOK: 2, NPR: 2, NZD: 2, OMR: 3, PAB: 2, PEN: 2, PGK: 2, PHP: 2,
  PKR: 2, PLN: 2, PYG: 0, QAR: 2, RON: 2, RSD: 2, RUB: 2, RWF: 0, SAR: 2, SBD: 2, SCR: 2, SDG: 2, SEK: 2, SGD: 2,
  SHP: 2, SLE: 2, SOS: 2, SRD: 2, SSP: 2, STN: 2, SVC: 2, SYP: 2, SZL: 2, THB: 2, TJS: 2, TMT: 2, TND: 3, TOP: 2,
  TRY: 2, TTD: 2, TWD: 2, TZS: 2, UAH: 2, UGX: 0, USD: 2, USN: 2, UYI: 0, UYU: 2, UYW: 4, UZS: 2, VED: 2, VES: 2,
  VND: 0, VUV: 0, WST: 2, XAF: 0, XCD: 2, XCG: 2, XOF: 0, XPF: 0, YER: 2, ZAR: 2, ZMW: 2, ZWG: 2,
  // Withdrawn (ISO 4217 list three) but still in historical statements: the euro's predecessors, then others.
  ATS: 2, BEF: 0, CYP: 2, DEM: 2, EEK: 2, ESP: 0, FIM: 2, FRF: 2, GRD: 0, HRK: 2, IEP: 2, ITL: 0, LTL: 2, LUF: 0,
  LVL: 2, MTL: 2, NLG: 2, PTE: 0, SIT: 2, SKK: 2,
  ADP: 0, AZM: 2, BYR: 0, CSD: 2, CUC: 2, GHC: 2, MGF: 0, MRO: 2, MZM: 2, ROL: 2, RUR: 2, SDD: 2, SLL: 2, STD: 2,
  TRL: 0, VEB: 2, VEF: 2, ZMK: 2, ZWL: 2,
  // No minor unit.
  XAG: null, XAU: null, XBA: null, XBB: null, XBC: null, XBD: null, XDR: null, XPD: null, XPT: null, XSU: null,
  XTS: null, XUA: null, XXX: null,
};

/** Exponents a mapping file declares for codes ISO 4217 does not give one (e.g. {"BTC": 8}). */
export type DeclaredExponents = Readonly<Record<string, number>>;

const CODE = /^[A-Z]{3}$/;

/** Whether the text has the shape of a currency code (three upper-case letters); says nothing of ISO 4217. */
export function isCurrencyCode(code: string): boolean {
  return CODE.test(code);
}

/** The ISO 4217 exponent; null for a code without a minor unit (XAU…); undefined for a code not in ISO 4217. */
export function isoExponent(code: string): number | null | undefined {
  return Object.hasOwn(ISO_4217, code) ? ISO_4217[code] : undefined;
}

/** ISO 4217 codes whose exponent is a number other than 2, with it (SQL that reads major units per currency). */
export function isoCodesNotOfExponent2(): [string, number][] {
  return Object.entries(ISO_4217).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] !== 2);
}

/** The exponent from ISO 4217, else from the declared ones; null when neither gives one. */
export function findCurrencyExponent(code: string, declared?: DeclaredExponents): number | null {
  const iso = isoExponent(code);
  if (typeof iso === 'number') return iso;
  return declared && Object.hasOwn(declared, code) ? declared[code]! : null;
}

/** Why a code has no usable exponent, for rejected rows and errors. */
export function unknownCurrencyReason(code: string): string {
  const declare = `declare its exponent in the mapping file's "currencyExponents" (e.g. {"${code}": 2}) to import it`;
  if (!CODE.test(code)) return `not a currency code: ${JSON.stringify(code)} (expected a 3-letter ISO 4217 code, e.g. USD)`;
  if (isoExponent(code) === null) return `currency code ${code} has no minor unit in ISO 4217; ${declare}`;
  return `unknown currency code ${code} (not ISO 4217); ${declare}`;
}

/** The number of decimal places of one major unit, e.g. USD 2, JPY 0, BHD 3; throws for a code without one. */
export function currencyExponent(code: string, declared?: DeclaredExponents): number {
  const exponent = findCurrencyExponent(code, declared);
  if (exponent === null) throw new RangeError(unknownCurrencyReason(code));
  return exponent;
}

/** Formats minor units for people, exactly (no float arithmetic): formatMinor(-290, 'USD') = "-2.90". */
export function formatMinor(amountMinor: number, code: string, declared?: DeclaredExponents): string {
  const exponent = currencyExponent(code, declared);
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor).toString().padStart(exponent + 1, '0');
  const major = exponent ? digits.slice(0, -exponent) : digits;
  const minor = exponent ? `.${digits.slice(-exponent)}` : '';
  return `${negative ? '-' : ''}${major}${minor}`;
}
