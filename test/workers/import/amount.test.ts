import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMinor } from '../../../workers/shared/currency';
import { parseAmountToMinor } from '../../../workers/import/amount';

const ok = (value: number) => ({ ok: true, value });

describe('parseAmountToMinor', () => {
  it('reads decimal major units by the currency exponent', () => {
    expect(parseAmountToMinor('12.34', 'USD')).toEqual(ok(1234));
    expect(parseAmountToMinor('12', 'USD')).toEqual(ok(1200));
    expect(parseAmountToMinor('-0.5', 'EUR')).toEqual(ok(-50));
    expect(parseAmountToMinor('1500', 'JPY')).toEqual(ok(1500));
    expect(parseAmountToMinor('1.234', 'BHD')).toEqual(ok(1234));
  });

  it('handles separators, signs and symbols', () => {
    expect(parseAmountToMinor('1,234.56', 'USD')).toEqual(ok(123456));
    expect(parseAmountToMinor('1.234,56', 'EUR', { decimalSeparator: ',' })).toEqual(ok(123456));
    expect(parseAmountToMinor('12,34', 'EUR', { decimalSeparator: ',' })).toEqual(ok(1234));
    expect(parseAmountToMinor('-12,5', 'EUR', { decimalSeparator: ',' })).toEqual(ok(-1250));
    expect(parseAmountToMinor('(12.34)', 'USD')).toEqual(ok(-1234));
    expect(parseAmountToMinor('12.34-', 'USD')).toEqual(ok(-1234));
    expect(parseAmountToMinor('$ 1 234.50', 'USD')).toEqual(ok(123450));
    expect(parseAmountToMinor('+7.00', 'USD')).toEqual(ok(700));
    expect(parseAmountToMinor('12.340', 'USD')).toEqual(ok(1234));
  });

  it('rejects more decimals than the currency allows, with a reason', () => {
    const r = parseAmountToMinor('12.345', 'USD');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/3 decimals; the currency allows 2/);
    expect(parseAmountToMinor('1.5', 'JPY').ok).toBe(false);
    expect(parseAmountToMinor('abc', 'USD').ok).toBe(false);
    expect(parseAmountToMinor('', 'USD').ok).toBe(false);
    expect(parseAmountToMinor('1,23,4.00', 'USD').ok).toBe(false);
    expect(parseAmountToMinor('99999999999999999', 'USD').ok).toBe(false);
  });

  it('reads every value by the one decimal separator given, never by the look of the value', () => {
    // Under '.', a comma only groups thousands; under ',', a point does.
    expect(parseAmountToMinor('1,234', 'KWD')).toEqual(ok(1234000));
    expect(parseAmountToMinor('1,234', 'KWD', { decimalSeparator: ',' })).toEqual(ok(1234));
    expect(parseAmountToMinor('1.234', 'USD', { decimalSeparator: ',' })).toEqual(ok(123400));
    expect(parseAmountToMinor('1,500', 'USD')).toEqual(ok(150000));
    expect(parseAmountToMinor('1,234,567', 'JPY')).toEqual(ok(1234567));
    for (const [text, sep, shown] of [['1,23', '.', ','], ['0,5', '.', ','], ['1.234,56', '.', ','], ['1,234.56', ',', '.'], ['10.50', ',', '.']] as const) {
      const r = parseAmountToMinor(text, 'USD', { decimalSeparator: sep });
      expect(r.ok, text).toBe(false);
      expect(!r.ok && r.reason).toBe(`amount "${text}" has "${shown}" as its decimal separator, but this file's decimal separator is "${sep}"`);
    }
    const grouped = parseAmountToMinor('1.234.567', 'EUR');
    expect(!grouped.ok && grouped.reason).toBe('amount "1.234.567" groups thousands with ".", which is this file\'s decimal separator');
    const r = parseAmountToMinor('1,234', 'USD', { decimalSeparator: ',' });
    expect(!r.ok && r.reason).toBe('amount "1,234" has 3 decimals; the currency allows 2 (this file\'s decimal separator is ",")');
  });

  it('refuses a currency without an ISO 4217 exponent unless one is declared', () => {
    for (const code of ['XYZ', 'ABC']) {
      expect(parseAmountToMinor('10.00', code)).toEqual({ ok: false, reason: expect.stringMatching(new RegExp(`^unknown currency code ${code} \\(not ISO 4217\\); declare its exponent in the mapping file's "currencyExponents"`)) });
    }
    for (const code of ['XAU', 'XXX', 'XDR']) {
      expect(parseAmountToMinor('1.00', code)).toEqual({ ok: false, reason: expect.stringMatching(new RegExp(`^currency code ${code} has no minor unit in ISO 4217`)) });
    }
    expect(parseAmountToMinor('0.00012345', 'BTC', { currencyExponents: { BTC: 8 } })).toEqual(ok(12345));
    expect(parseAmountToMinor('1.5', 'XAU', { currencyExponents: { XAU: 3 } })).toEqual(ok(1500));
    expect(parseAmountToMinor('1.234', 'KWD')).toEqual(ok(1234));
    expect(parseAmountToMinor('12.34', 'DEM')).toEqual(ok(1234));
    expect(parseAmountToMinor('1234', 'ITL')).toEqual(ok(1234));
  });

  it('never uses floats: 0.1 + 0.2 style values are exact', () => {
    expect(parseAmountToMinor('0.29', 'USD')).toEqual(ok(29));
    expect(parseAmountToMinor('1.005', 'BHD')).toEqual(ok(1005));
    expect(parseAmountToMinor('4.35', 'USD')).toEqual(ok(435));
  });

  it('round-trips formatMinor for every currency exponent (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom('USD', 'JPY', 'BHD', 'CLF', 'EUR'),
      (minor, ccy) => {
        expect(parseAmountToMinor(formatMinor(minor, ccy), ccy)).toEqual(ok(minor));
        expect(parseAmountToMinor(formatMinor(minor, ccy).replace('.', ','), ccy, { decimalSeparator: ',' })).toEqual(ok(minor));
      },
    ), { numRuns: 2000 });
  });

  it('reads European formatting with thousands separators (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (minor) => {
      const text = formatMinor(minor, 'EUR');
      const [int, frac] = text.split('.');
      const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      expect(parseAmountToMinor(`${grouped},${frac}`, 'EUR', { decimalSeparator: ',' })).toEqual(ok(minor));
      expect(parseAmountToMinor(`(${text})`, 'EUR')).toEqual(ok(minor === 0 ? 0 : -minor));
    }), { numRuns: 1000 });
  });
});
