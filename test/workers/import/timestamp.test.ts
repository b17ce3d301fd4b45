import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyDate, parseTimestamp } from '../../../workers/import/timestamp';

const utc = { zone: 'UTC', dateOrder: null };
const at = (text: string, ctx: { zone: string; dateOrder: 'dmy' | 'mdy' | null } = utc) => {
  const r = parseTimestamp(text, ctx);
  return r.ok ? r.value : r.reason;
};

describe('parseTimestamp', () => {
  it('reads ISO 8601 with and without offsets', () => {
    expect(at('2024-01-31T13:45:00Z')).toBe(Date.UTC(2024, 0, 31, 13, 45));
    expect(at('2024-01-31T13:45:00.123Z')).toBe(Date.UTC(2024, 0, 31, 13, 45, 0, 123));
    expect(at('2024-01-31T13:45:00+02:00')).toBe(Date.UTC(2024, 0, 31, 11, 45));
    expect(at('2024-01-31 13:45:00')).toBe(Date.UTC(2024, 0, 31, 13, 45));
    expect(at('2024-01-31')).toBe(Date.UTC(2024, 0, 31));
  });

  it('reads every Z-suffixed ISO instant of years 0001–9999 exactly as Date.UTC does (the allocation-free path)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), fc.boolean(), (date, withMs) => {
        const iso = date.toISOString();
        const text = withMs ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
        const expected = withMs ? date.getTime() : date.getTime() - date.getUTCMilliseconds();
        expect(at(text)).toBe(expected);
        expect(at(text.replace('T', ' '))).toBe(expected);
      }),
      { numRuns: 5000 },
    );
    expect(at('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(at('1900-03-01T00:00:00Z')).toBe(Date.UTC(1900, 2, 1));
    expect(typeof at('2023-02-29T00:00:00Z')).toBe('string');
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(at('1706708700')).toBe(1706708700000);
    expect(at('1706708700123')).toBe(1706708700123);
  });

  it('applies the declared IANA zone, including DST', () => {
    expect(at('2024-01-31 13:45:00', { zone: 'Europe/Berlin', dateOrder: null })).toBe(Date.UTC(2024, 0, 31, 12, 45));
    expect(at('2024-07-31 13:45:00', { zone: 'Europe/Berlin', dateOrder: null })).toBe(Date.UTC(2024, 6, 31, 11, 45));
    expect(at('2024-07-31 13:45:00', { zone: 'America/New_York', dateOrder: null })).toBe(Date.UTC(2024, 6, 31, 17, 45));
  });

  it('reads day/month orders only with evidence or a declaration', () => {
    expect(at('31/01/2024')).toBe(Date.UTC(2024, 0, 31));
    expect(at('01/31/2024')).toBe(Date.UTC(2024, 0, 31));
    expect(at('02/01/2024')).toMatch(/ambiguous date .* "dateOrder"/);
    expect(at('02/01/2024', { zone: 'UTC', dateOrder: 'dmy' })).toBe(Date.UTC(2024, 0, 2));
    expect(at('02/01/2024', { zone: 'UTC', dateOrder: 'mdy' })).toBe(Date.UTC(2024, 1, 1));
    expect(classifyDate('02/01/2024')).toBe('ambiguous');
    expect(classifyDate('13/01/2024')).toBe('dmy-only');
  });

  it('rejects impossible dates with a reason', () => {
    expect(at('2024-02-30')).toMatch(/invalid date/);
    expect(at('yesterday')).toMatch(/not a timestamp/);
    expect(at('')).toMatch(/empty/);
  });
});
