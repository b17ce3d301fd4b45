import { describe, expect, it } from 'vitest';
import { decimalEvidence } from '../../../workers/import/decimalEvidence';

describe('decimalEvidence: what one amount says about its file\'s decimal separator', () => {
  it('both separators: the last one is the decimal separator', () => {
    expect(decimalEvidence('1,234.56')).toBe('.');
    expect(decimalEvidence('1.234,56')).toBe(',');
    expect(decimalEvidence('-1.234.567,8')).toBe(',');
    expect(decimalEvidence('$ (1,234.500)')).toBe('.');
  });

  it('one separator used twice groups thousands, so the decimal separator is the other', () => {
    expect(decimalEvidence('1,234,567')).toBe('.');
    expect(decimalEvidence('1.234.567')).toBe(',');
  });

  it('a separator not followed by exactly three digits, or not after a thousands head, is the decimal separator', () => {
    expect(decimalEvidence('1,23')).toBe(',');
    expect(decimalEvidence('0,5')).toBe(',');
    expect(decimalEvidence('10.50')).toBe('.');
    expect(decimalEvidence('1234,567')).toBe(',');
    expect(decimalEvidence('0.500')).toBe('.');
    expect(decimalEvidence(',500')).toBe(',');
  });

  it('a lone separator before three digits could be either: ambiguous', () => {
    expect(decimalEvidence('1,234')).toBe('ambiguous');
    expect(decimalEvidence('-12.500')).toBe('ambiguous');
    expect(decimalEvidence('EUR 999,000')).toBe('ambiguous');
  });

  it('with the currency\'s exponent, a lone separator before three digits groups thousands unless the currency has three decimals', () => {
    expect(decimalEvidence('12,345', 0)).toBe('.');
    expect(decimalEvidence('1,000', 0)).toBe('.');
    expect(decimalEvidence('1,234', 2)).toBe('.');
    expect(decimalEvidence('1,500', 2)).toBe('.');
    expect(decimalEvidence('1.234', 2)).toBe(',');
    expect(decimalEvidence('1,234', 3)).toBe('ambiguous');
  });

  it('no separator, or no well-formed amount, is no evidence', () => {
    expect(decimalEvidence('1234')).toBeNull();
    expect(decimalEvidence('')).toBeNull();
    expect(decimalEvidence('n/a')).toBeNull();
    expect(decimalEvidence('1.2e5')).toBeNull();
    expect(decimalEvidence('1.2,3.4')).toBeNull();
    expect(decimalEvidence('1,23,456.78')).toBeNull();
  });
});
