import type { BreakClass, TriageState } from '../../../preload/contract';
import type { Db } from '../openWorkspace';
import { parseIds } from './breaksQueries';

const FEW_IDS = 16;

export interface CitingBreak {
  id: number;
  triage_state: TriageState;
  left_ids: number[];
  right_ids: number[];
}

/**
 * Breaks of the run (out_of_order aside: a matched record may also be out of order) that cite any of
 * the records. Breaks keep their record ids as text, so this scans the run's breaks; it serves rare,
 * deliberate actions (manual match, unmatch), never a page.
 */
export function breaksCitingRecords(db: Db, runId: number, recordIds: readonly number[], options: { openOnly?: boolean } = {}): CitingBreak[] {
  if (recordIds.length === 0) return [];
  const open = options.openOnly ? ` AND triage_state IN ('open', 'investigating')` : '';
  const few = recordIds.length <= FEW_IDS;
  // A few ids: one substring test each per break. An aggregate's hundreds: each break's ids read once as a JSON array.
  const test = few
    ? recordIds.map(() => `instr(';' || left_ids || ';' || right_ids || ';', ?) > 0`).join(' OR ')
    : `EXISTS (SELECT 1 FROM json_each('[' || replace(trim(left_ids || ';' || right_ids, ';'), ';', ',') || ']') j WHERE j.value IN (SELECT value FROM json_each(?)))`;
  const params = few ? recordIds.map((id) => `;${id};`) : [JSON.stringify(recordIds)];
  const rows = db
    .prepare(`SELECT id, triage_state, left_ids, right_ids FROM breaks WHERE run_id = ? AND class != 'out_of_order'${open} AND (${test}) ORDER BY id`)
    .all(runId, ...params) as { id: number; triage_state: TriageState; left_ids: string; right_ids: string }[];
  return rows.map((row) => ({ ...row, left_ids: parseIds(row.left_ids), right_ids: parseIds(row.right_ids) }));
}

/** The records each of these breaks cites. */
export function citedByBreaks(db: Db, breakIds: readonly number[]): { id: number; left_ids: number[]; right_ids: number[] }[] {
  if (breakIds.length === 0) return [];
  const rows = db
    .prepare('SELECT id, left_ids, right_ids FROM breaks WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(JSON.stringify(breakIds)) as { id: number; left_ids: string; right_ids: string }[];
  return rows.map((row) => ({ id: row.id, left_ids: parseIds(row.left_ids), right_ids: parseIds(row.right_ids) }));
}

export interface NewBreak {
  runId: number;
  breakClass: BreakClass;
  leftIds: number[];
  rightIds: number[];
  amountMinor: number;
  currency: string;
  account: string | null;
  customer: string | null;
  tsMs: number | null;
  explanationJson: string;
  nowMs: number;
}

/** A break made by a user action rather than the engine; one account, one record: low blast radius. */
export function insertBreak(db: Db, b: NewBreak): number {
  return Number(
    db
      .prepare(
        `INSERT INTO breaks (run_id, class, left_ids, right_ids, amount_minor, currency, account, customer, ts_ms, blast_radius, explanation_json, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'low', ?, ?)`,
      )
      .run(b.runId, b.breakClass, b.leftIds.join(';'), b.rightIds.join(';'), b.amountMinor, b.currency, b.account, b.customer, b.tsMs, b.explanationJson, b.nowMs)
      .lastInsertRowid,
  );
}
