/** Wall-clock time in an IANA zone to UTC ms, via Intl (full ICU), cached per zone and local hour. */

const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset (local − UTC, ms) of the zone at the instant utcMs. */
function offsetAt(zone: string, utcMs: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(utcMs / 1000) * 1000;
}

const hourCache = new Map<string, number>();

/**
 * localMs is the wall-clock time encoded as if it were UTC. In a DST gap or overlap the earlier
 * offset wins (documented; the same rule as Temporal's 'compatible' for overlaps).
 */
export function zonedToUtc(localMs: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return localMs;
  const hourKey = Math.floor(localMs / 3_600_000);
  const key = `${zone}|${hourKey}`;
  let offset = hourCache.get(key);
  if (offset === undefined) {
    const first = offsetAt(zone, localMs);
    const second = offsetAt(zone, localMs - first);
    offset = Math.max(first, second);
    if (hourCache.size > 100_000) hourCache.clear();
    hourCache.set(key, offset);
  }
  return localMs - offset;
}
