import type { RequestOf, ResultOf } from '../../../preload/contract';
import { appendAudit } from '../../audit/auditLog';
import { breaksCitingRecords, citedByBreaks } from '../../db/queries/citingBreaksQueries';
import { getCitedRecords } from '../../db/queries/citedRecordsQueries';
import {
  deleteMatch,
  getMatch,
  insertManualMatch,
  matchIdsUsingRecords,
  queryMatches,
  resolvedBreakIdsOf,
} from '../../db/queries/matchesQueries';
import { insertEvent, snapshotOf, snapshotsByIds, writeSnapshot } from '../../db/queries/triageQueries';
import type { UseCaseContext } from '../context';
import { UseCaseError } from '../errors';
import { breaksForDisplacedRecords, settleDisplacedBreaks } from './displacedRecordBreaks';
import { breaksForFreedRecords } from './freedRecordBreaks';
import { requireRun } from './requireRun';

export function queryMatchesUseCase(ctx: UseCaseContext, request: RequestOf<'matches:query-matches'>): ResultOf<'matches:query-matches'> {
  requireRun(ctx.db, request.runId);
  return queryMatches(ctx.db, request);
}

function earliest(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.min(...present) : null;
}

/**
 * A hand-made match: records must come from the run's left and right sources and not already be
 * matched; the named breaks and every open break citing one of the records resolve with the reason
 * (so no record is both matched and in an open break). Match, break changes and audit commit together.
 */
export function createManualMatch(ctx: UseCaseContext, request: RequestOf<'matches:create-manual'>): ResultOf<'matches:create-manual'> {
  const run = requireRun(ctx.db, request.runId);
  const left = getCitedRecords(ctx.db, request.leftIds);
  const right = getCitedRecords(ctx.db, request.rightIds);
  if (left.length !== request.leftIds.length || right.length !== request.rightIds.length) {
    throw new UseCaseError('NOT_FOUND', 'Some of the records to match do not exist.');
  }
  if (left.some((r) => r.sourceId !== run.left_source_id) || right.some((r) => r.sourceId !== run.right_source_id)) {
    throw new UseCaseError('INVALID_INPUT', 'Left records must come from the run’s left source and right records from its right source.');
  }
  const result = ctx.db
    .transaction(() => {
      const clash = matchIdsUsingRecords(ctx.db, run.id, [...request.leftIds, ...request.rightIds]);
      if (clash.length) throw new UseCaseError('CONFLICT', `A record is already in match #${clash[0]}; remove that match first.`);
      const now = Date.now();
      const amountDelta = right.reduce((a, r) => a + r.amountMinor, 0) - left.reduce((a, r) => a + r.amountMinor, 0);
      const lt = earliest(left.map((r) => r.tsMs));
      const rt = earliest(right.map((r) => r.tsMs));
      // Every open break citing a matched record is settled by the match, not only the one it was made from.
      const citing = breaksCitingRecords(ctx.db, run.id, [...request.leftIds, ...request.rightIds], { openOnly: true }).map((b) => b.id);
      const breaks = snapshotsByIds(ctx.db, run.id, [...new Set([...(request.breakIds ?? []), ...citing])]);
      const matchId = insertManualMatch(ctx.db, {
        runId: run.id,
        leftIds: request.leftIds,
        rightIds: request.rightIds,
        amountDeltaMinor: amountDelta,
        timeDeltaMs: lt !== null && rt !== null ? rt - lt : null,
        note: request.reason,
        actor: ctx.actor,
        tsMs: now,
        resolvedBreakIds: breaks.map((b) => b.id),
      });
      for (const row of breaks) {
        const before = snapshotOf(row);
        const after = { ...before, state: 'resolved' as const };
        writeSnapshot(ctx.db, row.id, after, now);
        insertEvent(ctx.db, { breakId: row.id, actionId: null, actor: ctx.actor, tsMs: now, action: 'manual_match', before, after, note: request.reason, payload: { matchId } });
      }
      const created = breaksForDisplacedRecords(ctx.db, {
        runId: run.id, matchId, actor: ctx.actor, reason: request.reason, nowMs: now,
        resolved: citedByBreaks(ctx.db, breaks.map((b) => b.id)), matchedLeft: request.leftIds, matchedRight: request.rightIds,
      });
      appendAudit(ctx.db, {
        actor: ctx.actor,
        kind: 'match.created',
        tsMs: now,
        data: {
          runId: run.id, matchId, leftIds: request.leftIds, rightIds: request.rightIds, amountDeltaMinor: amountDelta, reason: request.reason,
          resolvedBreakIds: breaks.map((b) => b.id), createdBreakIds: created,
        },
      });
      return { match: getMatch(ctx.db, matchId)!, resolvedBreakIds: breaks.map((b) => b.id), createdBreakIds: created };
    })
    .immediate();
  ctx.emit('recon:workspace-changed', { reason: 'manual match' });
  return result;
}

/**
 * Removes a match; its whole row goes into the audit entry so nothing is lost. Breaks a manual match
 * had resolved reopen, and freed records no break cites become breaks, so every record stays matched
 * or in a break.
 */
export function removeMatch(ctx: UseCaseContext, request: RequestOf<'matches:remove-match'>): ResultOf<'matches:remove-match'> {
  const result = ctx.db
    .transaction(() => {
      const match = getMatch(ctx.db, request.matchId);
      if (!match) throw new UseCaseError('NOT_FOUND', `Match #${request.matchId} does not exist.`);
      const now = Date.now();
      const resolved = resolvedBreakIdsOf(ctx.db, match.id);
      const reopened: number[] = [];
      for (const row of snapshotsByIds(ctx.db, match.runId, resolved)) {
        if (row.triage_state !== 'resolved') continue;
        const before = snapshotOf(row);
        const after = { ...before, state: 'open' as const };
        writeSnapshot(ctx.db, row.id, after, now);
        insertEvent(ctx.db, { breakId: row.id, actionId: null, actor: ctx.actor, tsMs: now, action: 'unmatch', before, after, note: request.reason, payload: { matchId: match.id } });
        reopened.push(row.id);
      }
      // Only a manual match displaces records; an engine match's removal needs no look for them.
      const settled = match.manual ? settleDisplacedBreaks(ctx.db, { runId: match.runId, matchId: match.id, actor: ctx.actor, reason: request.reason, nowMs: now }) : [];
      deleteMatch(ctx.db, match.id);
      const created = breaksForFreedRecords(ctx.db, { runId: match.runId, match, actor: ctx.actor, reason: request.reason, nowMs: now });
      appendAudit(ctx.db, {
        actor: ctx.actor,
        kind: 'match.removed',
        tsMs: now,
        data: {
          runId: match.runId,
          matchId: match.id,
          match: { strategy: match.strategy, score: match.score, manual: match.manual, leftIds: match.leftIds, rightIds: match.rightIds, amountDeltaMinor: match.amountDeltaMinor, timeDeltaMs: match.timeDeltaMs, note: match.note },
          reason: request.reason,
          reopenedBreakIds: reopened,
          settledBreakIds: settled,
          createdBreakIds: created,
        },
      });
      return { removedMatchId: match.id, reopenedBreakIds: reopened, createdBreakIds: created };
    })
    .immediate();
  ctx.emit('recon:workspace-changed', { reason: 'match removed' });
  return result;
}
