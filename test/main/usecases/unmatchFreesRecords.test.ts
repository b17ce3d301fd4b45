import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../main/audit/auditLog';
import type { Db } from '../../../main/db/openWorkspace';
import { queryBreaks } from '../../../main/usecases/analyst/breaksUseCases';
import { getBreakDiff } from '../../../main/usecases/analyst/diffUseCases';
import { createManualMatch, removeMatch } from '../../../main/usecases/analyst/matchesUseCases';
import { getRunDashboard } from '../../../main/usecases/analyst/runDashboard';
import { seedSmallRun } from '../../helpers/analystFixtures';
import { useAnalystContexts } from '../../helpers/analystContext';

const context = useAnalystContexts();

/** Records of one side that are neither in a match nor cited by a break (issue 4 §3: must be none). */
function orphans(db: Db, runId: number, sourceId: number, column: 'left_ids' | 'right_ids'): number[] {
  return db
    .prepare(
      `SELECT r.id FROM records r WHERE r.source_id = ?
         AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.run_id = ? AND instr(';' || m.${column} || ';', ';' || r.id || ';') > 0)
         AND NOT EXISTS (SELECT 1 FROM breaks b WHERE b.run_id = ? AND instr(';' || b.${column} || ';', ';' || r.id || ';') > 0)`,
    )
    .pluck()
    .all(sourceId, runId, runId) as number[];
}

describe('unmatch frees records into breaks (regression: an engine unmatch lost both records)', () => {
  it('an engine match becomes missing_right + missing_left breaks explaining who unmatched it and why, in one audit entry', async () => {
    const ctx = context();
    const { runId, leftSourceId, rightSourceId, matchIds, records } = seedSmallRun(ctx.db);
    const before = await getRunDashboard(ctx, { runId });
    // The fixture leaves P3 unclassified on purpose (a candidate only); nothing else may join it.
    const orphansBefore = [orphans(ctx.db, runId, leftSourceId, 'left_ids'), orphans(ctx.db, runId, rightSourceId, 'right_ids')];
    const removed = removeMatch(ctx, { matchId: matchIds[0]!, reason: 'different payments, same amount' });
    expect(removed.reopenedBreakIds).toEqual([]);
    expect(removed.createdBreakIds).toHaveLength(2);

    const [leftBreak, rightBreak] = removed.createdBreakIds.map((breakId) => getBreakDiff(ctx, { breakId }));
    expect(leftBreak!.breakRow).toMatchObject({ breakClass: 'missing_right', amountMinor: 1000, currency: 'USD', account: 'acct_1', triageState: 'open', leftCount: 1, rightCount: 0 });
    expect(leftBreak!.left.map((r) => r.id)).toEqual([records['L1']]);
    expect(rightBreak!.breakRow).toMatchObject({ breakClass: 'missing_left', amountMinor: 1000, leftCount: 0, rightCount: 1 });
    expect(rightBreak!.right.map((r) => r.id)).toEqual([records['P1']]);
    expect(leftBreak!.explanation.text).toContain('unmatched by hand by tester');
    expect(leftBreak!.explanation.text).toContain('different payments, same amount');
    // The former counterpart is the nearest candidate, so the mistake can be undone with "Match with this".
    expect(leftBreak!.explanation.candidates[0]).toMatchObject({ recordId: records['P1'] });
    expect(leftBreak!.history).toMatchObject([{ action: 'unmatch', actor: 'tester', toState: 'open', note: 'different payments, same amount' }]);

    expect([orphans(ctx.db, runId, leftSourceId, 'left_ids'), orphans(ctx.db, runId, rightSourceId, 'right_ids')]).toEqual(orphansBefore);
    const after = await getRunDashboard(ctx, { runId });
    expect(after.leftMatched).toBe(before.leftMatched - 1);
    expect(after.rightMatched).toBe(before.rightMatched - 1);

    const audits = ctx.db.prepare("SELECT body FROM audit_log WHERE kind = 'match.removed'").pluck().all() as string[];
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!)).toMatchObject({ data: { matchId: matchIds[0], createdBreakIds: removed.createdBreakIds } });
    expect(verifyChain(ctx.db).ok).toBe(true);
  });

  it('the new breaks are found by free text even when the run was indexed before', async () => {
    const ctx = context();
    const { runId, matchIds } = seedSmallRun(ctx.db);
    const search = async (text: string) => (await queryBreaks(ctx, { filter: { runId, text }, sort: { key: 'id', direction: 'asc' }, offset: 0, limit: 50 })).rows.map((r) => r.id);
    expect(await search('L1')).toEqual([]);
    const removed = removeMatch(ctx, { matchId: matchIds[0]!, reason: 'wrong pair' });
    expect(await search('L1')).toEqual([removed.createdBreakIds[0]]);
    expect(await search('unmatched')).toEqual(removed.createdBreakIds);
  });

  it('a manual match reopens the breaks it resolved and adds none for records they cite', () => {
    const ctx = context();
    const { runId, leftSourceId, rightSourceId, breakIds, records } = seedSmallRun(ctx.db);
    // L3 is cited by break 1 (missing_right); P3 is cited by no break in the fixture.
    const created = createManualMatch(ctx, { runId, leftIds: [records['L3']!], rightIds: [records['P3']!], reason: 'late', breakIds: [breakIds[1]!] });
    const removed = removeMatch(ctx, { matchId: created.match.id, reason: 'not the same' });
    expect(removed.reopenedBreakIds).toEqual([breakIds[1]]);
    expect(removed.createdBreakIds).toHaveLength(1);
    expect(getBreakDiff(ctx, { breakId: removed.createdBreakIds[0]! }).right.map((r) => r.id)).toEqual([records['P3']]);
    expect(orphans(ctx.db, runId, leftSourceId, 'left_ids')).toEqual([]);
    expect(orphans(ctx.db, runId, rightSourceId, 'right_ids')).toEqual([]);
  });
});

describe('breaks citing many records', () => {
  it('finds the same breaks for a large group as record by record', async () => {
    const { breaksCitingRecords } = await import('../../../main/db/queries/citingBreaksQueries');
    const ctx = context();
    const { runId, breakIds, records } = seedSmallRun(ctx.db);
    const many = [records['L5']!, records['P4']!, ...Array.from({ length: 40 }, (_, i) => 900_000 + i)];
    expect(breaksCitingRecords(ctx.db, runId, many).map((b) => b.id)).toEqual([breakIds[2], breakIds[3]]);
    expect(breaksCitingRecords(ctx.db, runId, many.slice(0, 2)).map((b) => b.id)).toEqual([breakIds[2], breakIds[3]]);
  });
});
