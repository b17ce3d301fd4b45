import type { CitedRecord, MatchRow } from '../../../preload/contract';
import { formatMinor } from '../../../workers/shared/currency';
import { indexAddedBreaks } from '../../db/queries/breakSearchIndex';
import { breaksCitingRecords, insertBreak } from '../../db/queries/citingBreaksQueries';
import { getCitedRecords } from '../../db/queries/citedRecordsQueries';
import { insertEvent } from '../../db/queries/triageQueries';
import type { Db } from '../../db/openWorkspace';

export interface Unmatch {
  runId: number;
  match: MatchRow;
  actor: string;
  reason: string;
  nowMs: number;
}

function money(record: CitedRecord): string {
  try {
    return `${formatMinor(record.amountMinor, record.currency)} ${record.currency}`;
  } catch {
    return `${record.amountMinor} ${record.currency} (minor units)`;
  }
}

/** A record as explanations name it: file, line, id, amount, account. */
export function describeRecord(record: CitedRecord): string {
  return `${record.sourceName} line ${record.line} (${record.externalId ?? 'no id'}, ${money(record)}, ${record.account ?? 'no account'})`;
}

/** The records the match paired this one with, as the engine names nearest candidates, so "Match with this" can undo the mistake. */
function formerCounterparts(counterparts: CitedRecord[], side: 'left' | 'right', matchId: number): unknown[] {
  return counterparts.slice(0, 3).map((r) => ({
    side,
    id: r.id,
    line: r.line,
    externalId: r.externalId,
    text: describeRecord(r),
    criteria: [{ name: 'unmatched', ok: false, text: `unmatched by hand from match #${matchId}` }],
  }));
}

/**
 * Every left and right record is matched or in a break (issue 4 §3). Records an unmatch frees that no
 * break of the run cites (breaks the match had resolved were just reopened and still cite theirs)
 * become `missing_right` (left records) or `missing_left` (right records) breaks whose explanation
 * says who unmatched them, when and why. Runs inside the unmatch's transaction; returns the new ids.
 */
export function breaksForFreedRecords(db: Db, unmatch: Unmatch): number[] {
  const { match } = unmatch;
  const cited = new Set<number>();
  for (const b of breaksCitingRecords(db, unmatch.runId, [...match.leftIds, ...match.rightIds])) {
    for (const id of [...b.left_ids, ...b.right_ids]) cited.add(id);
  }
  const left = getCitedRecords(db, match.leftIds);
  const right = getCitedRecords(db, match.rightIds);
  const created: number[] = [];
  const add = (record: CitedRecord, isLeft: boolean) => {
    const counterparts = isLeft ? right : left;
    const explanation = {
      summary:
        `${describeRecord(record)} was unmatched by hand by ${unmatch.actor} from ${match.manual ? 'manual' : match.strategy} match #${match.id}: “${unmatch.reason}”. ` +
        `It has no ${isLeft ? 'right' : 'left'} counterpart until it is matched again.`,
      candidates: formerCounterparts(counterparts, isLeft ? 'right' : 'left', match.id),
      facts: { unmatchedBy: unmatch.actor, unmatchedAt: unmatch.nowMs, reason: unmatch.reason, removedMatchId: match.id, removedStrategy: match.strategy },
    };
    created.push(insertMissingBreak(db, {
      runId: unmatch.runId, record, isLeft, explanation, actor: unmatch.actor, note: unmatch.reason, nowMs: unmatch.nowMs,
      action: 'unmatch', payload: { matchId: match.id },
    }));
  };
  for (const record of left) if (!cited.has(record.id)) add(record, true);
  for (const record of right) if (!cited.has(record.id)) add(record, false);
  indexAddedBreaks(db, unmatch.runId, created);
  return created;
}

/**
 * A record a user action left unmatched and uncited, as an open missing_* break (missing_right for a
 * left record) with its explanation and a first history event naming the action.
 */
export function insertMissingBreak(
  db: Db,
  b: { runId: number; record: CitedRecord; isLeft: boolean; explanation: unknown; actor: string; note: string; nowMs: number; action: 'unmatch' | 'manual_match'; payload: Record<string, unknown> },
): number {
  const { record, isLeft } = b;
  const id = insertBreak(db, {
    runId: b.runId,
    breakClass: isLeft ? 'missing_right' : 'missing_left',
    leftIds: isLeft ? [record.id] : [],
    rightIds: isLeft ? [] : [record.id],
    amountMinor: Math.abs(record.amountMinor),
    currency: record.currency,
    account: record.account,
    customer: record.customer,
    tsMs: record.tsMs,
    explanationJson: JSON.stringify(b.explanation),
    nowMs: b.nowMs,
  });
  const opened = { state: 'open' as const, assignee: null, classOverride: null };
  insertEvent(db, { breakId: id, actionId: null, actor: b.actor, tsMs: b.nowMs, action: b.action, before: null, after: opened, note: b.note, payload: b.payload });
  return id;
}
