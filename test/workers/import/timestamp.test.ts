import { describe, expect, it } from 'vitest';
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
