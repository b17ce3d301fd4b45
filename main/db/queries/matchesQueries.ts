import type { MatchRow } from '../../../preload/contract';
import type { Db } from '../openWorkspace';
import { parseIds } from './breaksQueries';

interface MatchDbRow {
  id: number;
  run_id: number;
  strategy: string;
  score: number;
  left_ids: string;
  right_ids: string;
  amount_delta_minor: number;
  time_delta_ms: number | null;
  manual: number;
  note: string | null;
  resolved_break_ids: string | null;
  account: string | null;
  amount_minor: number | null;
  currency: string | null;
  ts_ms: number | null;
}

// The first left record (ids are "a;b;c") gives the list its account, amount and time.
const SELECT = `SELECT m.*, r.account, r.amount_minor, r.currency, r.ts_ms FROM matches m
  LEFT JOIN records r ON r.id = CAST(substr(m.left_ids, 1, CASE WHEN instr(m.left_ids, ';') > 0 THEN instr(m.left_ids, ';') - 1 ELSE length(m.left_ids) END) AS INTEGER)`;

function toMatchRow(row: MatchDbRow): MatchRow {
  return {
    id: row.id,
    runId: row.run_id,
    strategy: row.strategy,
    score: row.score,
    manual: row.manual === 1,
    leftIds: parseIds(row.left_ids),
    rightIds: parseIds(row.right_ids),
    amountDeltaMinor: row.amount_delta_minor,
    timeDeltaMs: row.time_delta_ms,
    note: row.note,
    account: row.account,
    amountMinor: row.amount_minor,
    currency: row.currency,
    tsMs: row.ts_ms,
  };
}

export function getMatch(db: Db, id: number): MatchRow | null {
  const row = db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MatchDbRow | undefined;
  return row ? toMatchRow(row) : null;
}

export function resolvedBreakIdsOf(db: Db, id: number): number[] {
  const joined = db.prepare('SELECT resolved_break_ids FROM matches WHERE id = ?').pluck().get(id) as string | null | undefined;
  return parseIds(joined ?? '');
}

export function queryMatches(
  db: Db,
  query: { runId: number; offset: number; limit: number; manualOnly?: boolean; strategy?: string },
): { rows: MatchRow[]; total: number } {
  const clauses = ['m.run_id = ?'];
  const params: (string | number)[] = [query.runId];
  if (query.manualOnly) clauses.push('m.manual = 1');
  if (query.strategy) {
    clauses.push('m.strategy = ?');
    params.push(query.strategy);
  }
  const where = clauses.join(' AND ');
  const total = db.prepare(`SELECT COUNT(*) FROM matches m WHERE ${where}`).pluck().get(...params) as number;
  // Manual matches first (what people did by hand is what reviewers look for), then in id order.
  const rows = db
    .prepare(`${SELECT} WHERE ${where} ORDER BY m.manual DESC, m.id LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset) as MatchDbRow[];
  return { rows: rows.map(toMatchRow), total };
}

/**
 * Matches of the run that contain any of the record ids. `manualOnly` looks at the run's manual matches
 * alone (an index range); otherwise it scans every match of the run (~150 ms at a million, so callers
 * narrow it whenever they can).
 */
export function matchIdsUsingRecords(db: Db, runId: number, recordIds: readonly number[], options: { manualOnly?: boolean } = {}): number[] {
  return [...new Set(matchOfRecords(db, runId, recordIds, options).values())].sort((a, b) => a - b);
}

/** For each record id that a match of the run holds (manualOnly as in matchIdsUsingRecords), that match's id. */
export function matchOfRecords(db: Db, runId: number, recordIds: readonly number[], options: { manualOnly?: boolean } = {}): Map<number, number> {
  const owner = new Map<number, number>();
  const ids = recordIds.slice(0, 16);
  if (ids.length === 0) return owner;
  const test = ids.map(() => `instr(';' || m.left_ids || ';' || m.right_ids || ';', ?) > 0`).join(' OR ');
  const manual = options.manualOnly ? ' AND m.manual = 1' : '';
  const rows = db
    .prepare(`SELECT m.id, m.left_ids, m.right_ids FROM matches m WHERE m.run_id = ?${manual} AND (${test}) ORDER BY m.id LIMIT 50`)
    .all(runId, ...ids.map((id) => `;${id};`)) as { id: number; left_ids: string; right_ids: string }[];
  const wanted = new Set(ids);
  for (const row of rows) {
    for (const id of [...parseIds(row.left_ids), ...parseIds(row.right_ids)]) if (wanted.has(id) && !owner.has(id)) owner.set(id, row.id);
  }
  return owner;
}

export function insertManualMatch(
  db: Db,
  match: { runId: number; leftIds: number[]; rightIds: number[]; amountDeltaMinor: number; timeDeltaMs: number | null; note: string; actor: string; tsMs: number; resolvedBreakIds: number[] },
): number {
  // The run's compact match list (migration 004) no longer describes its matches.
  db.prepare('DELETE FROM run_match_lists WHERE run_id = ?').run(match.runId);
  return Number(
    db
      .prepare(
        `INSERT INTO matches (run_id, strategy, score, left_ids, right_ids, amount_delta_minor, time_delta_ms, manual, note, created_by, created_at, resolved_break_ids)
         VALUES (?, 'manual', 1, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
      )
      .run(
        match.runId,
        match.leftIds.join(';'),
        match.rightIds.join(';'),
        match.amountDeltaMinor,
        match.timeDeltaMs,
        match.note,
        match.actor,
        match.tsMs,
        match.resolvedBreakIds.join(';'),
      ).lastInsertRowid,
  );
}

export function deleteMatch(db: Db, id: number): void {
  db.prepare('DELETE FROM matches WHERE id = ?').run(id);
}
