import type { BreakExplanation, CitedRecord, RecordsDiff, RequestOf, ResultOf } from '../../../preload/contract';
import { getBreakDbRow, parseIds, toBreakRow } from '../../db/queries/breaksQueries';
import { getCitedRecords } from '../../db/queries/citedRecordsQueries';
import { getMatch, matchIdsUsingRecords } from '../../db/queries/matchesQueries';
import { historyOf } from '../../db/queries/triageQueries';
import type { Db } from '../../db/openWorkspace';
import type { UseCaseContext } from '../context';
import { UseCaseError } from '../errors';
import { alignFields } from './alignFields';
import { diffRulesOf } from './diffRules';
import { explainBreak } from './explainBreak';
import { requireRun } from './requireRun';

function sourceName(db: Db, id: number): string {
  return (db.prepare('SELECT name FROM sources WHERE id = ?').pluck().get(id) as string | undefined) ?? `source #${id}`;
}

function recordsDiff(db: Db, runId: number, leftIds: number[], rightIds: number[], strategy?: string): RecordsDiff {
  const run = requireRun(db, runId);
  const left = getCitedRecords(db, leftIds);
  const right = getCitedRecords(db, rightIds);
  return {
    runId,
    leftSourceName: sourceName(db, run.left_source_id),
    rightSourceName: sourceName(db, run.right_source_id),
    left,
    right,
    fields: alignFields(left, right, diffRulesOf(db, runId, strategy)),
  };
}

/** The record a duplicate break repeats: the engine names it as the first candidate, from the same source. */
function originalOf(duplicates: readonly CitedRecord[], explanation: BreakExplanation): CitedRecord | null {
  const first = explanation.candidates[0]?.record ?? null;
  return first && duplicates.length > 0 && first.sourceId === duplicates[0]!.sourceId && !duplicates.some((d) => d.id === first.id) ? first : null;
}

export function getBreakDiff(ctx: UseCaseContext, request: RequestOf<'breaks:get-diff'>): ResultOf<'breaks:get-diff'> {
  const row = getBreakDbRow(ctx.db, request.breakId);
  if (!row) throw new UseCaseError('NOT_FOUND', `Break #${request.breakId} does not exist.`);
  const leftIds = parseIds(row.left_ids);
  const rightIds = parseIds(row.right_ids);
  const diff = recordsDiff(ctx.db, row.run_id, leftIds, rightIds);
  const explanation = explainBreak(ctx.db, row.explanation_json, row.run_id);
  const duplicates = row.class === 'duplicate' ? (diff.left.length ? diff.left : diff.right) : [];
  const original = row.class === 'duplicate' ? originalOf(duplicates, explanation) : null;
  return {
    ...diff,
    // A duplicate has nothing on the other side to compare with; what matters is original vs repeat.
    ...(original ? { fields: alignFields([original], duplicates, diffRulesOf(ctx.db, row.run_id)) } : {}),
    original,
    breakRow: toBreakRow(row),
    explanation,
    history: historyOf(ctx.db, row.id),
    // The engine puts a record either in a match or in a break, out_of_order aside (a matched record
    // can also be out of order), so other breaks can only share records with manual matches.
    relatedMatchIds: matchIdsUsingRecords(ctx.db, row.run_id, [...leftIds, ...rightIds], { manualOnly: row.class !== 'out_of_order' }),
  };
}

export function getMatchDiff(ctx: UseCaseContext, request: RequestOf<'matches:get-diff'>): ResultOf<'matches:get-diff'> {
  const match = getMatch(ctx.db, request.matchId);
  if (!match) throw new UseCaseError('NOT_FOUND', `Match #${request.matchId} does not exist.`);
  return { ...recordsDiff(ctx.db, match.runId, match.leftIds, match.rightIds, match.strategy), match };
}
