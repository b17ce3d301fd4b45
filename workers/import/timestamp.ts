import { zonedToUtc } from './zoneOffset';

export type DateOrder = 'dmy' | 'mdy';

export interface TimestampContext {
  /** IANA zone for times without an offset. */
  zone: string;
  /** Required for slash/dot dates whose day and month are both ≤ 12. */
  dateOrder: DateOrder | null;
}

export type TimestampResult = { ok: true; value: number } | { ok: false; reason: string };

/** How a date-like text orders its parts; used to detect ambiguity across a whole file. */
export type DateShape = 'iso' | 'dmy-only' | 'mdy-only' | 'ambiguous' | 'other';

const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(AM|PM)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^(\d{9,14})(?:\.(\d{1,6}))?$/;

export function classifyDate(text: string): DateShape {
  const m = DMY.exec(text.trim());
  if (!m) return ISO.test(text.trim()) || SLASH.test(text.trim()) ? 'iso' : 'other';
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'dmy-only';
  if (b > 12 && a <= 12) return 'mdy-only';
  return a <= 12 && b <= 12 ? 'ambiguous' : 'other';
}

/** Parses ISO 8601, epoch seconds/ms and common day/month/year forms to UTC ms. */
export function parseTimestamp(raw: string, ctx: TimestampContext): TimestampResult {
  const fast = fastIsoUtc(raw);
  if (fast !== null) return { ok: true, value: fast };
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'timestamp is empty' };
  let m = EPOCH.exec(text);
  if (m) {
    const digits = m[1]!;
    const frac = m[2] ?? '';
    if (digits.length <= 11) return { ok: true, value: Number(digits) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3)) };
    return { ok: true, value: Number(digits) };
  }
  m = ISO.exec(text) ?? SLASH.exec(text);
  if (m) return build(text, +m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6], m[7], undefined, m[8], ctx.zone);
  m = DMY.exec(text);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    let order = ctx.dateOrder;
    if (a > 12 && b <= 12) order = order ?? 'dmy';
    if (b > 12 && a <= 12) order = order ?? 'mdy';
    if (order === null) {
      return { ok: false, reason: `ambiguous date ${JSON.stringify(text)}: set "dateOrder": "dmy" or "mdy" in the mapping` };
    }
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    return build(text, +m[3]!, month, day, m[4], m[5], m[6], m[7], m[8], m[9], ctx.zone);
  }
  return { ok: false, reason: `not a timestamp: ${JSON.stringify(text)} (expected ISO 8601, epoch seconds/ms, or a day/month/year date)` };
}

function build(
  text: string, y: number, mo: number, d: number, hh: string | undefined, mi: string | undefined, ss: string | undefined,
  frac: string | undefined, ampm: string | undefined, offset: string | undefined, zone: string,
): TimestampResult {
  let hour = hh === undefined ? 0 : +hh;
  if (ampm) {
    if (hour < 1 || hour > 12) return { ok: false, reason: `invalid 12-hour time in ${JSON.stringify(text)}` };
    hour = (hour % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
  }
  const minute = mi === undefined ? 0 : +mi;
  const second = ss === undefined ? 0 : +ss;
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || hour > 23 || minute > 59 || second > 60) {
    return { ok: false, reason: `invalid date or time ${JSON.stringify(text)}` };
  }
  const local = Date.UTC(y, mo - 1, d, hour, minute, Math.min(second, 59), ms);
  if (offset === undefined) return { ok: true, value: zonedToUtc(local, zone) };
  return { ok: true, value: local - offsetMs(offset) };
}

export function offsetMs(offset: string): number {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60_000;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Allocation-free path for `YYYY-MM-DDTHH:MM:SS[.mmm]Z`, the shape of most machine exports. */
function fastIsoUtc(s: string): number | null {
  const n = s.length;
  if ((n !== 20 && n !== 24) || s.charCodeAt(n - 1) !== 90 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const t = s.charCodeAt(10);
  if ((t !== 84 && t !== 32) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return null;
  const y = num(s, 0, 4);
  const mo = num(s, 5, 2);
  const d = num(s, 8, 2);
  const h = num(s, 11, 2);
  const mi = num(s, 14, 2);
  const sec = num(s, 17, 2);
  let ms = 0;
  if (n === 24) {
    if (s.charCodeAt(19) !== 46) return null;
    ms = num(s, 20, 3);
  }
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0) return null;
  if (d > 28 && d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm): Date.UTC's cost was most of a row's timestamp. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function num(s: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
