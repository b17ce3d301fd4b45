import type Database from 'better-sqlite3';
import type { Break, MatchTable } from './reconcile';

type Db = Database.Database;

const MATCH_COLUMNS = 7;
const MATCH_BATCH = 100;

function idList(ids: Float64Array, from: number, to: number): string {
  if (to - from === 1) return String(ids[from]);
  let out = String(ids[from]);
  for (let k = from + 1; k < to; k += 1) out += `;${ids[k]}`;
  return out;
}

/**
 * Inserts every match. Multi-row INSERTs (100 rows a statement) cut the per-statement overhead that
 * dominates a million single-row inserts. Call inside the run's transaction.
 */
export function insertMatches(db: Db, runId: number, table: MatchTable, tick?: (done: number) => void): void {
  const row = `(${new Array(MATCH_COLUMNS).fill('?').join(',')})`;
  const sql = (rows: number) =>
    `INSERT INTO matches (run_id, strategy, score, left_ids, right_ids, amount_delta_minor, time_delta_ms) VALUES ${new Array(rows).fill(row).join(',')}`;
  const full = db.prepare(sql(MATCH_BATCH));
  const args: unknown[] = new Array(MATCH_BATCH * MATCH_COLUMNS);
  const put = (i: number, at: number, target: unknown[]) => {
    const t = table.timeDeltaMs[i]!;
    target[at] = runId;
    target[at + 1] = table.strategy[i];
    target[at + 2] = table.score[i];
    target[at + 3] = idList(table.leftIds, table.leftOffsets[i]!, table.leftOffsets[i + 1]!);
    target[at + 4] = idList(table.rightIds, table.rightOffsets[i]!, table.rightOffsets[i + 1]!);
    target[at + 5] = table.amountDeltaMinor[i];
    target[at + 6] = t === t ? t : null;
  };
  let i = 0;
  for (; i + MATCH_BATCH <= table.count; i += MATCH_BATCH) {
    for (let k = 0; k < MATCH_BATCH; k += 1) put(i + k, k * MATCH_COLUMNS, args);
    full.run(args);
    if (tick && i % 65_536 < MATCH_BATCH) tick(i);
  }
  const rest = table.count - i;
  if (rest > 0) {
    const tail: unknown[] = new Array(rest * MATCH_COLUMNS);
    for (let k = 0; k < rest; k += 1) put(i + k, k * MATCH_COLUMNS, tail);
    db.prepare(sql(rest)).run(tail);
  }
}

export function insertBreaks(db: Db, runId: number, breaks: readonly Break[]): void {
  const insert = db.prepare(
    `INSERT INTO breaks (run_id, class, left_ids, right_ids, amount_minor, currency, account, customer, ts_ms, blast_radius, explanation_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const b of breaks) {
    insert.run(runId, b.class, b.leftIds.join(';'), b.rightIds.join(';'), b.amountMinor, b.currency, b.account, b.customer,
      b.tsMs, b.blastRadius, JSON.stringify(b.explanation));
  }
}
