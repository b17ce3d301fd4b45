import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../main/audit/auditLog';
import { getBreakDiff, getMatchDiff } from '../../../main/usecases/analyst/diffUseCases';
import { createManualMatch, queryMatchesUseCase, removeMatch } from '../../../main/usecases/analyst/matchesUseCases';
import { getRunDashboard } from '../../../main/usecases/analyst/runDashboard';
import { HOUR_MS, seedSmallRun } from '../../helpers/analystFixtures';
import { useAnalystContexts } from '../../helpers/analystContext';

const context = useAnalystContexts();

describe('breaks:get-diff', () => {
  it('aligns an amount mismatch field by field with the delta and cites file and line', () => {
    const ctx = context();
    const { breakIds } = seedSmallRun(ctx.db);
    const diff = getBreakDiff(ctx, { breakId: breakIds[0]! });
    expect(diff.left[0]).toMatchObject({ externalId: 'L2', fileName: 'ledger.csv', line: 3, raw: 'L2,acct_1,2500' });
    expect(diff.right[0]).toMatchObject({ externalId: 'P2', fileName: 'processor.csv', line: 3 });
    const amount = diff.fields.find((f) => f.field === 'amountMinor')!;
    expect(amount).toMatchObject({ left: 2500, right: 2470, differs: true, deltaMinor: -30 });
    expect(diff.fields.find((f) => f.field === 'status')).toMatchObject({ left: 'posted', right: 'settled', differs: true });
    expect(diff.explanation.text).toBe('Amounts differ by 0.30 (fee?)');
    expect(diff.explanation.facts).toContainEqual({ key: 'hint', value: 'fee', text: 'Hint: fee' });
  });

  it('resolves the nearest candidates to cited records and keeps the criterion that failed', () => {
    const ctx = context();
    const { breakIds, records } = seedSmallRun(ctx.db);
    const diff = getBreakDiff(ctx, { breakId: breakIds[1]! });
    expect(diff.right).toEqual([]);
    expect(diff.explanation.candidates[0]).toMatchObject({ recordId: records['P3'], score: 0.4, record: { externalId: 'P3', line: 4 } });
    expect(diff.explanation.candidates[0]!.detail).toContain(`failed: time`);
    expect(diff.explanation.candidates[0]!.detail).toContain(`byMs: ${28 * HOUR_MS}`);
  });

  it('shows a duplicate group with "(mixed)" where its records differ and the sum for money', () => {
    const ctx = context();
    const { breakIds } = seedSmallRun(ctx.db);
    const diff = getBreakDiff(ctx, { breakId: breakIds[3]! });
    expect(diff.left).toHaveLength(2);
    expect(diff.fields.find((f) => f.field === 'externalId')!.left).toBe('(mixed)');
    expect(diff.fields.find((f) => f.field === 'amountMinor')!.left).toBe(1980);
  });

  it('survives an explanation that is not an object or not JSON', () => {
    const ctx = context();
    const { breakIds } = seedSmallRun(ctx.db);
    ctx.db.prepare("UPDATE breaks SET explanation_json = '[1,2]' WHERE id = ?").run(breakIds[0]);
    ctx.db.prepare("UPDATE breaks SET explanation_json = 'not json' WHERE id = ?").run(breakIds[1]);
    expect(getBreakDiff(ctx, { breakId: breakIds[0]! }).explanation.candidates).toEqual([]);
    expect(getBreakDiff(ctx, { breakId: breakIds[1]! }).explanation.text).toBe('not json');
  });
});

describe('matches', () => {
  it('a manual match resolves the break, is browsable, and unmatch reopens it; all audited', () => {
    const ctx = context();
    const { runId, breakIds, records } = seedSmallRun(ctx.db);
    const created = createManualMatch(ctx, { runId, leftIds: [records['L3']!], rightIds: [records['P3']!], reason: 'late settlement, confirmed by bank', breakIds: [breakIds[1]!] });
    expect(created.match).toMatchObject({ manual: true, strategy: 'manual', amountDeltaMinor: 0, timeDeltaMs: 28 * HOUR_MS, note: 'late settlement, confirmed by bank' });
    expect(created.resolvedBreakIds).toEqual([breakIds[1]]);
    expect(ctx.db.prepare('SELECT triage_state FROM breaks WHERE id = ?').pluck().get(breakIds[1])).toBe('resolved');
    const page = queryMatchesUseCase(ctx, { runId, offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.rows[0]!.id).toBe(created.match.id);
    const diff = getMatchDiff(ctx, { matchId: created.match.id });
    expect(diff.fields.find((f) => f.field === 'tsMs')).toMatchObject({ differs: true, deltaMs: 28 * HOUR_MS });

    expect(() => createManualMatch(ctx, { runId, leftIds: [records['L3']!], rightIds: [records['P4']!], reason: 'again' })).toThrow(/already in match/);

    const removed = removeMatch(ctx, { matchId: created.match.id, reason: 'wrong counterpart' });
    expect(removed.reopenedBreakIds).toEqual([breakIds[1]]);
    expect(ctx.db.prepare('SELECT triage_state FROM breaks WHERE id = ?').pluck().get(breakIds[1])).toBe('open');
    const kinds = ctx.db.prepare('SELECT kind FROM audit_log ORDER BY seq').pluck().all();
    expect(kinds).toEqual(['match.created', 'match.removed']);
    const body = JSON.parse(ctx.db.prepare("SELECT body FROM audit_log WHERE kind = 'match.removed'").pluck().get() as string) as { data: { match: { leftIds: number[] }; reason: string } };
    expect(body.data).toMatchObject({ reason: 'wrong counterpart', match: { leftIds: [records['L3']] } });
    expect(verifyChain(ctx.db).ok).toBe(true);
  });

  it('the run dashboard follows manual matches and unmatches', async () => {
    const ctx = context();
    const { runId, records } = seedSmallRun(ctx.db);
    expect((await getRunDashboard(ctx, { runId })).matchCount).toBe(1);
    const created = createManualMatch(ctx, { runId, leftIds: [records['L3']!], rightIds: [records['P3']!], reason: 'confirmed' });
    expect(await getRunDashboard(ctx, { runId })).toMatchObject({ matchCount: 2, manualMatchCount: 1 });
    removeMatch(ctx, { matchId: created.match.id, reason: 'wrong' });
    expect(await getRunDashboard(ctx, { runId })).toMatchObject({ matchCount: 1, manualMatchCount: 0 });
  });

  it('refuses records from the wrong side', () => {
    const ctx = context();
    const { runId, records } = seedSmallRun(ctx.db);
    expect(() => createManualMatch(ctx, { runId, leftIds: [records['P4']!], rightIds: [records['L3']!], reason: 'x' })).toThrow(/left source/);
  });
});

describe('explanations in the engine\'s shape', () => {
  it('reads summary, nested facts and candidates with criteria texts', () => {
    const ctx = context();
    const { breakIds, records } = seedSmallRun(ctx.db);
    const engineShape = {
      summary: 'No processor row within the window',
      facts: { window: '±24 h', hint: 'late' },
      candidates: [
        { side: 'right', id: records['P3'], line: 4, externalId: 'P3', text: 'processor line 4 (P3)', criteria: [{ name: 'amount', ok: true, text: 'amount equal' }, { name: 'time', ok: false, delta: 100, text: 'time +28 h outside −24 h..+24 h' }] },
      ],
    };
    ctx.db.prepare('UPDATE breaks SET explanation_json = ? WHERE id = ?').run(JSON.stringify(engineShape), breakIds[1]);
    const explanation = getBreakDiff(ctx, { breakId: breakIds[1]! }).explanation;
    expect(explanation.text).toBe('No processor row within the window');
    expect(explanation.facts).toEqual([{ key: 'window', value: '±24 h', text: 'Window: ±24 h' }, { key: 'hint', value: 'late', text: 'Hint: late' }]);
    expect(explanation.candidates[0]).toMatchObject({ recordId: records['P3'], detail: 'processor line 4 (P3) · time +28 h outside −24 h..+24 h', record: { line: 4 } });
  });
});
