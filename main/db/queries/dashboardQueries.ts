import type { BreakClass, MoneyByCurrency, TimeBucket } from '../../../preload/contract';
import type { Db } from '../openWorkspace';

export interface GroupedBreaks {
  breakClass: BreakClass;
  blastRadius: string;
  state: string;
  currency: string | null;
  count: number;
  money: number;
}

/**
 * One scan of the run's breaks grouped by everything the dashboard splits on; the use case folds
 * it into per-class, per-radius and per-state views, so a million breaks are read once, not three times.
 */
export function groupedBreaks(db: Db, runId: number): GroupedBreaks[] {
  return db
    .prepare(
      `SELECT effective_class AS breakClass, blast_radius AS blastRadius, triage_state AS state, currency,
              COUNT(*) AS count, SUM(ABS(amount_minor)) AS money
       FROM breaks WHERE run_id = ? GROUP BY 1, 2, 3, 4`,
    )
    .all(runId) as GroupedBreaks[];
}

/**
 * Counts per bucket, one index range count per bucket: SQLite cannot tell that ts/size is
 * monotonic, so a GROUP BY sorts every break (1.3 s at 1M) while range counts take ~30 ms.
 */
export function breaksOverTime(db: Db, runId: number, bucketMs: number, span: { min: number | null; max: number | null }): { buckets: TimeBucket[]; withoutTime: number } {
  const withoutTime = db.prepare('SELECT COUNT(*) FROM breaks WHERE run_id = ? AND ts_ms IS NULL').pluck().get(runId) as number;
  if (span.min === null || span.max === null) return { buckets: [], withoutTime };
  const count = db.prepare('SELECT COUNT(*) FROM breaks WHERE run_id = ? AND ts_ms >= ? AND ts_ms < ?').pluck();
  const buckets: TimeBucket[] = [];
  for (let start = Math.floor(span.min / bucketMs) * bucketMs; start <= span.max; start += bucketMs) {
    const n = count.get(runId, start, start + bucketMs) as number;
    if (n > 0) buckets.push({ startMs: start, count: n });
  }
  return { buckets, withoutTime };
}

export function timeSpan(db: Db, runId: number): { min: number | null; max: number | null } {
  const min = db.prepare('SELECT ts_ms FROM breaks WHERE run_id = ? AND ts_ms IS NOT NULL ORDER BY ts_ms LIMIT 1').pluck().get(runId) as number | undefined;
  const max = db.prepare('SELECT ts_ms FROM breaks WHERE run_id = ? AND ts_ms IS NOT NULL ORDER BY ts_ms DESC LIMIT 1').pluck().get(runId) as number | undefined;
  return { min: min ?? null, max: max ?? null };
}

/** The N accounts (or customers) with the most breaks, then their money per currency. */
export function topBy(db: Db, runId: number, column: 'account' | 'customer', limit: number): { key: string; count: number; money: MoneyByCurrency[] }[] {
  const top = db
    .prepare(
      `SELECT ${column} AS key, COUNT(*) AS count FROM breaks WHERE run_id = ? AND ${column} IS NOT NULL
       GROUP BY ${column} ORDER BY count DESC, key LIMIT ?`,
    )
    .all(runId, limit) as { key: string; count: number }[];
  const money = db.prepare(
    `SELECT currency, SUM(ABS(amount_minor)) AS amountMinor FROM breaks WHERE run_id = ? AND ${column} = ?
     GROUP BY currency ORDER BY currency`,
  );
  return top.map((row) => ({ ...row, money: (money.all(runId, row.key) as { currency: string | null; amountMinor: number }[]).map((m) => ({ currency: m.currency ?? '???', amountMinor: m.amountMinor })) }));
}

export function classCounts(db: Db, runId: number): Map<BreakClass, number> {
  const rows = db.prepare('SELECT class, COUNT(*) AS n FROM breaks WHERE run_id = ? GROUP BY class').all(runId) as { class: BreakClass; n: number }[];
  return new Map(rows.map((r) => [r.class, r.n]));
}

/** Records of each side that sit in some match: ids per row are counted from the ';' separators. */
export function matchedRecordCounts(db: Db, runId: number): { left: number; right: number; matches: number; manual: number } {
  return db
    .prepare(
      `SELECT COALESCE(SUM(length(left_ids) - length(replace(left_ids, ';', '')) + (left_ids != '')), 0) AS left,
              COALESCE(SUM(length(right_ids) - length(replace(right_ids, ';', '')) + (right_ids != '')), 0) AS right,
              COUNT(*) AS matches, COALESCE(SUM(manual), 0) AS manual
       FROM matches WHERE run_id = ?`,
    )
    .get(runId) as { left: number; right: number; matches: number; manual: number };
}

export function recordCount(db: Db, sourceId: number): number {
  return db.prepare('SELECT COUNT(*) FROM records WHERE source_id = ?').pluck().get(sourceId) as number;
}

/**
 * Changes whenever anything the dashboard shows can change: new breaks, triage, matches. Every such
 * change is a user action, and every user action appends to the audit log in its own transaction, so
 * the log's last entry (two rowid look-ups) stands for all of them; counting a run's matches instead
 * cost 33 ms of main's time per request at a million.
 */
export function dashboardVersion(db: Db, runId: number): string {
  const run = db.prepare('SELECT status, finished_at FROM runs WHERE id = ?').get(runId) as { status: string; finished_at: number | null } | undefined;
  const audited = db.prepare('SELECT MAX(seq) FROM audit_log').pluck().get() as number | null;
  const events = db.prepare('SELECT MAX(id) FROM triage_events').pluck().get() as number | null;
  return `${run?.status}|${run?.finished_at}|${audited}|${events}`;
}

/**
 * The audit entry that ended a run without results (run.cancelled / run.failed): its actor and reason.
 * The log has no index by run, but only a non-complete run's dashboard asks, and it is read once per version.
 */
export function runEnding(db: Db, runId: number): { actor: string; reason: string } | null {
  const row = db
    .prepare(
      `SELECT actor, json_extract(body, '$.data.reason') AS reason FROM audit_log
       WHERE kind IN ('run.cancelled', 'run.failed') AND json_extract(body, '$.data.runId') = ? ORDER BY seq DESC LIMIT 1`,
    )
    .get(runId) as { actor: string; reason: unknown } | undefined;
  return row ? { actor: row.actor, reason: typeof row.reason === 'string' ? row.reason : '' } : null;
}
