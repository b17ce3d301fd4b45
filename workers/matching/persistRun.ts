import type Database from 'better-sqlite3';
import { withBreakIndexesDeferred } from '../../main/db/queries/breakIndexes';
import { explanationJson } from './explain';
import type { Break, MatchTable } from './reconcile';

type Db = Database.Database;

const MATCH_BOUND = 5;
const MATCH_BATCH = 100;

function idList(ids: Float64Array, from: number, to: number): string {
  if (to - from === 1) return String(ids[from]);
  let out = String(ids[from]);
  for (let k = from + 1; k < to; k += 1) out += `;${ids[k]}`;
  return out;
}

const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Inserts every match. Multi-row INSERTs (100 rows a statement) cut the per-statement overhead that
 * dominates a million single-row inserts, and the run and strategy, the same for a whole stretch of
 * matches, are written into the statement instead of bound for every row (a fifth fewer bindings).
 * Call inside the run's transaction.
 */
export function insertMatches(db: Db, runId: number, table: MatchTable, tick?: (done: number) => void): void {
  const statements = new Map<string, Database.Statement>();
  const statement = (strategy: number, rows: number) => {
    const key = `${strategy}:${rows}`;
    let prepared = statements.get(key);
    if (!prepared) {
      const row = `(${Math.trunc(runId)},${sqlText(table.strategies[strategy]!)},?,?,?,?,?)`;
      prepared = db.prepare(
        `INSERT INTO matches (run_id, strategy, score, left_ids, right_ids, amount_delta_minor, time_delta_ms) VALUES ${new Array(rows).fill(row).join(',')}`,
      );
      statements.set(key, prepared);
    }
    return prepared;
  };
  const put = (i: number, at: number, target: unknown[]) => {
    const t = table.timeDeltaMs[i]!;
    target[at] = table.score[i];
    target[at + 1] = idList(table.leftIds, table.leftOffsets[i]!, table.leftOffsets[i + 1]!);
    target[at + 2] = idList(table.rightIds, table.rightOffsets[i]!, table.rightOffsets[i + 1]!);
    target[at + 3] = table.amountDeltaMinor[i];
    target[at + 4] = t === t ? t : null;
  };
  const full: unknown[] = new Array(MATCH_BATCH * MATCH_BOUND);
  let i = 0;
  while (i < table.count) {
    // A stretch of one strategy (passes run one after another, so there are few), in batches.
    const strategy = table.strategyCode[i]!;
    let end = i + 1;
    while (end < table.count && table.strategyCode[end] === strategy) end += 1;
    for (; i + MATCH_BATCH <= end; i += MATCH_BATCH) {
      for (let k = 0; k < MATCH_BATCH; k += 1) put(i + k, k * MATCH_BOUND, full);
      statement(strategy, MATCH_BATCH).run(full);
      if (tick && i % 65_536 < MATCH_BATCH) tick(i);
    }
    const rest = end - i;
    if (rest > 0) {
      const tail: unknown[] = new Array(rest * MATCH_BOUND);
      for (let k = 0; k < rest; k += 1) put(i + k, k * MATCH_BOUND, tail);
      statement(strategy, rest).run(tail);
      i = end;
    }
  }
}

/** A run's engine matches as record-id lists: match i holds leftIds[leftOffsets[i]..leftOffsets[i+1]) and likewise right. */
export interface MatchList {
  count: number;
  leftOffsets: Int32Array;
  leftIds: Float64Array;
  rightOffsets: Int32Array;
  rightIds: Float64Array;
}

const bytes = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/**
 * Stores the run's matches as one row of BLOBs (run_match_lists, migration 004), for the impact of the
 * next run of the pair. Call inside the run's transaction, after insertMatches.
 */
export function storeMatchList(db: Db, runId: number, table: MatchTable): void {
  const leftOffsets = Int32Array.from(table.leftOffsets.subarray(0, table.count + 1));
  const rightOffsets = Int32Array.from(table.rightOffsets.subarray(0, table.count + 1));
  db.prepare(
    'INSERT OR REPLACE INTO run_match_lists (run_id, match_count, left_offsets, left_ids, right_offsets, right_ids) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(runId, table.count, bytes(leftOffsets), bytes(table.leftIds), bytes(rightOffsets), bytes(table.rightIds));
}

/**
 * The run's stored match list, or null when it has none (an older run, or one whose matches were
 * edited since: the triggers of migration 004 drop the list) or it does not fit its matches.
 */
export function readMatchList(db: Db, runId: number): MatchList | null {
  const row = db.prepare('SELECT match_count, left_offsets, left_ids, right_offsets, right_ids FROM run_match_lists WHERE run_id = ?').get(runId) as
    | { match_count: number; left_offsets: Buffer; left_ids: Buffer; right_offsets: Buffer; right_ids: Buffer }
    | undefined;
  if (!row) return null;
  // Copies: a fresh, aligned buffer per column.
  const int32 = (b: Buffer) => new Int32Array(new Uint8Array(b).buffer);
  const float64 = (b: Buffer) => new Float64Array(new Uint8Array(b).buffer);
  if (row.left_offsets.length % 4 || row.right_offsets.length % 4 || row.left_ids.length % 8 || row.right_ids.length % 8) return null;
  const list = {
    count: row.match_count,
    leftOffsets: int32(row.left_offsets),
    leftIds: float64(row.left_ids),
    rightOffsets: int32(row.right_offsets),
    rightIds: float64(row.right_ids),
  };
  const fits = list.leftOffsets.length === list.count + 1 && list.rightOffsets.length === list.count + 1 &&
    list.leftOffsets[list.count] === list.leftIds.length && list.rightOffsets[list.count] === list.rightIds.length;
  if (!fits) return null;
  // The list must still describe the run's rows (the triggers keep it so; this guards the count cheaply).
  const rows = db.prepare('SELECT COUNT(*) FROM matches WHERE run_id = ?').pluck().get(runId) as number;
  return rows === list.count ? list : null;
}

const BREAK_COLUMNS = 11;
const BREAK_BATCH = 50;
/** Below this many breaks, maintaining the indexes row by row is cheaper than rebuilding them. */
export const DEFER_INDEXES_MIN_BREAKS = 20_000;

/**
 * Whether to insert with the analyst indexes dropped and rebuilt: only for a large batch that is at
 * least as big as what the table already holds (a rebuild costs the whole table, not just the batch).
 */
export function shouldDeferBreakIndexes(db: Db, adding: number, minBreaks = DEFER_INDEXES_MIN_BREAKS): boolean {
  if (adding <= minBreaks) return false;
  // max(id) bounds the count from above (ids only grow) and is one index probe; count only when it is close.
  const maxId = (db.prepare('SELECT max(id) FROM breaks').pluck().get() as number | null) ?? 0;
  if (maxId <= adding) return true;
  return (db.prepare('SELECT COUNT(*) FROM breaks').pluck().get() as number) <= adding;
}

/**
 * Inserts every break, 50 rows a statement; a batch large enough to pay for it goes in with the
 * analyst indexes deferred (withBreakIndexesDeferred). Call inside the run's transaction.
 */
export function insertBreaks(db: Db, runId: number, breaks: readonly Break[]): void {
  const write = () => {
    const row = `(${new Array(BREAK_COLUMNS).fill('?').join(',')})`;
    const sql = (rows: number) =>
      `INSERT INTO breaks (run_id, class, left_ids, right_ids, amount_minor, currency, account, customer, ts_ms, blast_radius, explanation_json)
       VALUES ${new Array(rows).fill(row).join(',')}`;
    const put = (b: Break, at: number, target: unknown[]) => {
      target[at] = runId;
      target[at + 1] = b.class;
      target[at + 2] = b.leftIds.join(';');
      target[at + 3] = b.rightIds.join(';');
      target[at + 4] = b.amountMinor;
      target[at + 5] = b.currency;
      target[at + 6] = b.account;
      target[at + 7] = b.customer;
      target[at + 8] = b.tsMs;
      target[at + 9] = b.blastRadius;
      target[at + 10] = explanationJson(b.explanation);
    };
    let i = 0;
    if (breaks.length >= BREAK_BATCH) {
      const full = db.prepare(sql(BREAK_BATCH));
      const args: unknown[] = new Array(BREAK_BATCH * BREAK_COLUMNS);
      for (; i + BREAK_BATCH <= breaks.length; i += BREAK_BATCH) {
        for (let k = 0; k < BREAK_BATCH; k += 1) put(breaks[i + k]!, k * BREAK_COLUMNS, args);
        full.run(args);
      }
    }
    const rest = breaks.length - i;
    if (rest > 0) {
      const tail: unknown[] = new Array(rest * BREAK_COLUMNS);
      for (let k = 0; k < rest; k += 1) put(breaks[i + k]!, k * BREAK_COLUMNS, tail);
      db.prepare(sql(rest)).run(tail);
    }
  };
  if (shouldDeferBreakIndexes(db, breaks.length)) withBreakIndexesDeferred(db, write);
  else write();
}
