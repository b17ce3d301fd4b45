import type { Db } from '../openWorkspace';
import { explanationText, parseExplanation } from './explanationJson';

// The app builds the index in the engine worker: after a run, in the background (ensureSearchIndex below,
// chunk by chunk), and at once when a search needs it first (main/usecases/analyst/searchIndex.ts).
const CHUNK = 5_000;

interface StateRow {
  indexed_to_id: number;
  complete: number;
}

interface ChunkRow {
  id: number;
  effective_class: string;
  account: string | null;
  customer: string | null;
  currency: string | null;
  left_ids: string;
  right_ids: string;
  explanation_json: string;
}

/** Whether free-text search over this run can answer without indexing first. */
export function isSearchIndexComplete(db: Db, runId: number): boolean {
  const state = db.prepare('SELECT complete FROM breaks_fts_state WHERE run_id = ?').get(runId) as StateRow | undefined;
  return state?.complete === 1;
}

/**
 * Indexes one chunk of a run's breaks not yet in breaks_fts; returns false when nothing was left.
 * The state row is read inside the same IMMEDIATE transaction that writes, so two writers can
 * never index the same break twice.
 */
export function indexSearchChunk(db: Db, runId: number, chunk = CHUNK): boolean {
  return db
    .transaction(() => {
      const state = db.prepare('SELECT indexed_to_id, complete FROM breaks_fts_state WHERE run_id = ?').get(runId) as
        | StateRow
        | undefined;
      if (state?.complete === 1) return false;
      const from = state?.indexed_to_id ?? 0;
      const rows = db
        .prepare(
          `SELECT id, effective_class, account, customer, currency, left_ids, right_ids, explanation_json
           FROM breaks WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?`,
        )
        .all(runId, from, chunk) as ChunkRow[];
      const keys = recordKeys(db, rows);
      const insert = db.prepare('INSERT INTO breaks_fts (rowid, search_text) VALUES (?, ?)');
      for (const row of rows) insert.run(row.id, searchText(row, keys));
      const last = rows.length ? rows[rows.length - 1]!.id : from;
      // A run still being written may get more breaks; only a finished run's index is complete.
      const finished = (db.prepare("SELECT status != 'running' AS done FROM runs WHERE id = ?").pluck().get(runId) as number) === 1;
      const complete = rows.length < chunk && finished ? 1 : 0;
      db.prepare(
        `INSERT INTO breaks_fts_state (run_id, indexed_to_id, complete) VALUES (?, ?, ?)
         ON CONFLICT (run_id) DO UPDATE SET indexed_to_id = excluded.indexed_to_id, complete = excluded.complete`,
      ).run(runId, last, complete);
      return rows.length === chunk;
    })
    .immediate();
}

/**
 * Breaks added to a finished run by a user action (an unmatch frees records into new breaks). An index
 * still being built picks them up itself (their ids are the run's highest); a complete one would never
 * look again, so they are added here, in the caller's transaction.
 */
export function indexAddedBreaks(db: Db, runId: number, breakIds: readonly number[]): void {
  if (breakIds.length === 0 || !isSearchIndexComplete(db, runId)) return;
  const rows = db
    .prepare(
      `SELECT id, effective_class, account, customer, currency, left_ids, right_ids, explanation_json
       FROM breaks WHERE run_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(runId, JSON.stringify(breakIds)) as ChunkRow[];
  const keys = recordKeys(db, rows);
  const insert = db.prepare('INSERT INTO breaks_fts (rowid, search_text) VALUES (?, ?)');
  for (const row of rows) insert.run(row.id, searchText(row, keys));
  db.prepare('UPDATE breaks_fts_state SET indexed_to_id = MAX(indexed_to_id, ?) WHERE run_id = ?').run(Math.max(...breakIds), runId);
}

/** External ids, references and descriptions of every record the chunk cites, fetched in one statement. */
function recordKeys(db: Db, rows: ChunkRow[]): Map<number, string> {
  const ids = new Set<number>();
  for (const row of rows) {
    for (const part of `${row.left_ids};${row.right_ids}`.split(';')) if (part) ids.add(Number(part));
  }
  const keys = new Map<number, string>();
  if (ids.size === 0) return keys;
  const found = db
    .prepare('SELECT id, external_id, reference, description FROM records WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...ids])) as { id: number; external_id: string | null; reference: string | null; description: string | null }[];
  // The memo is often the only place an analyst's words ("refund", an order number) appear.
  for (const r of found) keys.set(r.id, [r.external_id, r.reference, r.description].filter(Boolean).join(' '));
  return keys;
}

function searchText(row: ChunkRow, keys: Map<number, string>): string {
  const parts = [row.effective_class, row.account, row.customer, row.currency];
  for (const part of `${row.left_ids};${row.right_ids}`.split(';')) if (part) parts.push(keys.get(Number(part)) ?? null);
  parts.push(explanationText(parseExplanation(row.explanation_json)));
  return normalizeSearchText(parts.filter(Boolean).join(' '));
}

/**
 * Lower case, and every character that is not part of a token (letters, digits, _ - . @, as the
 * FTS tokenizer is set up) becomes a space: then "word starts with w" is both the FTS prefix query
 * `"w"*` and the plain pattern `' ' || text LIKE '% w%'`, and the two strategies agree.
 */
export function normalizeSearchText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}_.@-]+/gu, ' ').trim();
}

const building = new WeakMap<Db, Map<number, Promise<void>>>();

/**
 * Brings a run's search index up to date in chunks, yielding to the event loop between chunks so
 * main stays responsive while a million breaks are indexed the first time.
 */
export function ensureSearchIndex(db: Db, runId: number, chunk = CHUNK): Promise<void> {
  if (isSearchIndexComplete(db, runId)) return Promise.resolve();
  let perDb = building.get(db);
  if (!perDb) building.set(db, (perDb = new Map()));
  const pending = perDb.get(runId);
  if (pending) return pending;
  const job = (async () => {
    try {
      while (indexSearchChunk(db, runId, chunk)) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      perDb.delete(runId);
    }
  })();
  perDb.set(runId, job);
  return job;
}
