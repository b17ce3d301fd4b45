import { describe, expect, it } from 'vitest';
import { ruleSetForKinds } from '../../../workers/matching/ruleSet';
import { getBreakDiff, getMatchDiff } from '../../../main/usecases/analyst/diffUseCases';
import { createManualMatch } from '../../../main/usecases/analyst/matchesUseCases';
import { HOUR_MS, FIXTURE_T0, seedSmallRun } from '../../helpers/analystFixtures';
import { useAnalystContexts } from '../../helpers/analystContext';

const context = useAnalystContexts();

describe('diff noise (regression: tolerated differences shown as alarms, raw facts, duplicates against nothing)', () => {
  it('two spellings of one status class are tolerated, a different class is not', () => {
    const ctx = context();
    const { breakIds, records } = seedSmallRun(ctx.db);
    // L2 posted vs P2 settled: both "ok".
    expect(getBreakDiff(ctx, { breakId: breakIds[0]! }).fields.find((f) => f.field === 'status')).toMatchObject({ differs: true, tolerated: 'same class: ok' });
    ctx.db.prepare("UPDATE records SET status = 'failed' WHERE id = ?").run(records['P2']);
    expect(getBreakDiff(ctx, { breakId: breakIds[0]! }).fields.find((f) => f.field === 'status')!.tolerated).toBeUndefined();
  });

  it('a time difference inside the run rules\' window is tolerated; outside it is not', () => {
    const ctx = context();
    const { runId, records } = seedSmallRun(ctx.db);
    const rules = ruleSetForKinds('ledger', 'processor');
    ctx.db.prepare('UPDATE rule_sets SET body_json = ? WHERE id = (SELECT rule_set_id FROM runs WHERE id = ?)').run(JSON.stringify(rules), runId);
    const match = createManualMatch(ctx, { runId, leftIds: [records['L3']!], rightIds: [records['P3']!], reason: 'late' }).match;
    // L3 at +2 h, P3 at +30 h: 28 h apart, beyond a 24 h window.
    const outside = getMatchDiff(ctx, { matchId: match.id }).fields.find((f) => f.field === 'tsMs')!;
    expect(outside).toMatchObject({ differs: true, deltaMs: 28 * HOUR_MS });
    expect(outside.tolerated).toBeUndefined();
    ctx.db.prepare('UPDATE records SET ts_ms = ? WHERE id = ?').run(FIXTURE_T0 + 7 * HOUR_MS + 22 * 60_000, records['P3']);
    expect(getMatchDiff(ctx, { matchId: match.id }).fields.find((f) => f.field === 'tsMs')).toMatchObject({ deltaMs: 5 * HOUR_MS + 22 * 60_000, tolerated: expect.stringMatching(/^within the .+ window$/) });
  });

  it('explanation facts read as lines of text', () => {
    const ctx = context();
    const { breakIds } = seedSmallRun(ctx.db);
    const explanation = { summary: 's', candidates: [], facts: { pass: 'exact', paired: true, failed: { status: true, time: false }, statusClasses: ['ok', 'failed'] } };
    ctx.db.prepare('UPDATE breaks SET explanation_json = ? WHERE id = ?').run(JSON.stringify(explanation), breakIds[0]);
    expect(getBreakDiff(ctx, { breakId: breakIds[0]! }).explanation.facts.map((f) => f.text)).toEqual([
      'Pass: exact',
      'Paired with a record on the other side',
      'Failed: status',
      'Status classes: left ok, right failed',
    ]);
  });

  it('a duplicate compares the original with its repeat', () => {
    const ctx = context();
    const { breakIds, records } = seedSmallRun(ctx.db);
    const explanation = { summary: 'ledger line 6 repeats line 5', candidates: [{ side: 'left', id: records['L5'], text: 'ledger line 5', criteria: [] }] };
    ctx.db.prepare('UPDATE breaks SET left_ids = ?, explanation_json = ? WHERE id = ?').run(String(records['L6']), JSON.stringify(explanation), breakIds[3]);
    const diff = getBreakDiff(ctx, { breakId: breakIds[3]! });
    expect(diff.original?.id).toBe(records['L5']);
    expect(diff.fields.find((f) => f.field === 'externalId')).toMatchObject({ left: 'L5', right: 'L6', differs: true });
    expect(diff.fields.find((f) => f.field === 'amountMinor')).toMatchObject({ left: 990, right: 990, deltaMinor: 0 });
  });
});
