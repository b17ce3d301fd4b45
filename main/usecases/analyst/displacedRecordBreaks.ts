import type { CitedRecord } from '../../../preload/contract';
import { indexAddedBreaks } from '../../db/queries/breakSearchIndex';
import { breaksCitingRecords } from '../../db/queries/citingBreaksQueries';
import { getCitedRecords } from '../../db/queries/citedRecordsQueries';
import { matchOfRecords } from '../../db/queries/matchesQueries';
import { insertEvent, snapshotOf, snapshotsByIds, writeSnapshot } from '../../db/queries/triageQueries';
import type { Db } from '../../db/openWorkspace';
import { describeRecord, insertMissingBreak } from './freedRecordBreaks';

export interface Displacement {
  runId: number;
  matchId: number;
  actor: string;
  reason: string;
  nowMs: number;
  /** The breaks the manual match resolved, with the records each cites. */
  resolved: readonly { id: number; left_ids: readonly number[]; right_ids: readonly number[] }[];
  matchedLeft: readonly number[];
  matchedRight: readonly number[];
}

/**
 * A manual match resolves every open break citing its records, and a paired break (a delay, an amount
 * mismatch…) also cites the record's former counterpart, which the match leaves out. So that every
 * record stays matched or in an open break (issue 4 §3), each such record that is in no match and no
 * other open break becomes a `missing_*` break naming the break and the match that displaced it. Runs
 * inside the match's transaction; returns the new break ids.
 */
export function breaksForDisplacedRecords(db: Db, d: Displacement): number[] {
  const inMatch = { left: new Set(d.matchedLeft), right: new Set(d.matchedRight) };
  const fromBreak = new Map<number, { breakId: number; isLeft: boolean; partners: number[] }>();
  for (const b of d.resolved) {
    for (const id of b.left_ids) if (!inMatch.left.has(id) && !fromBreak.has(id)) fromBreak.set(id, { breakId: b.id, isLeft: true, partners: [...b.right_ids] });
    for (const id of b.right_ids) if (!inMatch.right.has(id) && !fromBreak.has(id)) fromBreak.set(id, { breakId: b.id, isLeft: false, partners: [...b.left_ids] });
  }
  const created: number[] = [];
  const displaced = [...fromBreak.keys()];
  // Held elsewhere: by another open break, or by a manual match (an engine-matched record is in no
  // break but out_of_order, which never pairs, so only manual matches can hold one). One scan each.
  const held = new Set<number>(matchOfRecords(db, d.runId, displaced, { manualOnly: true }).keys());
  for (const b of breaksCitingRecords(db, d.runId, displaced, { openOnly: true })) for (const id of [...b.left_ids, ...b.right_ids]) held.add(id);
  for (const record of getCitedRecords(db, displaced)) {
    if (held.has(record.id)) continue;
    const origin = fromBreak.get(record.id)!;
    const partners = getCitedRecords(db, origin.partners);
    const explanation = {
      summary:
        `${describeRecord(record)} was paired in break #${origin.breakId}, which manual match #${d.matchId} by ${d.actor} resolved by matching ` +
        `${partners.map(describeRecord).join(' and ') || 'its counterpart'} elsewhere: “${d.reason}”. It has no ${origin.isLeft ? 'right' : 'left'} counterpart until it is matched again.`,
      candidates: partners.slice(0, 3).map((p: CitedRecord) => ({
        side: origin.isLeft ? 'right' : 'left', id: p.id, line: p.line, externalId: p.externalId, text: describeRecord(p),
        criteria: [{ name: 'claimed', ok: false, text: `matched by hand in match #${d.matchId}` }],
      })),
      facts: { displacedByMatch: d.matchId, fromBreak: origin.breakId, displacedBy: d.actor, reason: d.reason },
    };
    created.push(insertMissingBreak(db, {
      runId: d.runId, record, isLeft: origin.isLeft, explanation, actor: d.actor, note: d.reason, nowMs: d.nowMs,
      action: 'manual_match', payload: { matchId: d.matchId, displaced: true },
    }));
  }
  indexAddedBreaks(db, d.runId, created);
  return created;
}

/**
 * When a manual match is removed, the breaks it had resolved reopen and cite their records again, so
 * the breaks it made for displaced records are settled (resolved, with the reason): no record is then
 * in two open breaks. Returns their ids.
 */
export function settleDisplacedBreaks(db: Db, u: { runId: number; matchId: number; actor: string; reason: string; nowMs: number }): number[] {
  // Only missing_* breaks are ever made for displaced records: the (run_id, class) index narrows the scan to them.
  const ids = db
    .prepare(
      `SELECT id FROM breaks WHERE run_id = ? AND class IN ('missing_left', 'missing_right') AND triage_state IN ('open', 'investigating')
       AND json_extract(explanation_json, '$.facts.displacedByMatch') = ?`,
    )
    .pluck()
    .all(u.runId, u.matchId) as number[];
  for (const row of snapshotsByIds(db, u.runId, ids)) {
    const before = snapshotOf(row);
    const after = { ...before, state: 'resolved' as const };
    writeSnapshot(db, row.id, after, u.nowMs);
    insertEvent(db, { breakId: row.id, actionId: null, actor: u.actor, tsMs: u.nowMs, action: 'unmatch', before, after, note: `match #${u.matchId} removed: ${u.reason}`, payload: { matchId: u.matchId } });
  }
  return ids;
}
