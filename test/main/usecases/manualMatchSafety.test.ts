import { describe, expect, it } from 'vitest';
import { getBreakDiff } from '../../../main/usecases/analyst/diffUseCases';
import { createManualMatch, removeMatch } from '../../../main/usecases/analyst/matchesUseCases';
import { seedSmallRun } from '../../helpers/analystFixtures';
import { useAnalystContexts } from '../../helpers/analystContext';

const context = useAnalystContexts();
const stateOf = (ctx: ReturnType<typeof context>, id: number) => ctx.db.prepare('SELECT triage_state FROM breaks WHERE id = ?').pluck().get(id);

describe('manual match safety', () => {
  it('resolves every open break citing a matched record, not only the one it was made from (regression: the record stayed in an open break)', () => {
    const ctx = context();
    const { runId, breakIds, records } = seedSmallRun(ctx.db);
    // L3 is in break 1 (missing_right), P4 in break 2 (missing_left); the match is made from break 1.
    const created = createManualMatch(ctx, { runId, leftIds: [records['L3']!], rightIds: [records['P4']!], reason: 'same payment', breakIds: [breakIds[1]!] });
    expect(created.resolvedBreakIds).toEqual([breakIds[1], breakIds[2]]);
    expect(stateOf(ctx, breakIds[2]!)).toBe('resolved');
    const history = getBreakDiff(ctx, { breakId: breakIds[2]! }).history;
    expect(history).toMatchObject([{ action: 'manual_match', toState: 'resolved', note: 'same payment' }]);

    const removed = removeMatch(ctx, { matchId: created.match.id, reason: 'not the same' });
    expect(removed.reopenedBreakIds).toEqual([breakIds[1], breakIds[2]]);
    expect(removed.createdBreakIds).toEqual([]);
    expect(stateOf(ctx, breakIds[2]!)).toBe('open');
  });

  it('a paired break it resolves leaves its other record in a new break, settled again when the match is removed (regression: the record vanished from the work queue)', () => {
    const ctx = context();
    const { runId, breakIds, records } = seedSmallRun(ctx.db);
    // Break 0 pairs L2 with P2 (amount mismatch); matching L2 with P4 instead resolves it and displaces P2.
    const created = createManualMatch(ctx, { runId, leftIds: [records['L2']!], rightIds: [records['P4']!], reason: 'L2 is the P4 payment', breakIds: [breakIds[2]!] });
    expect(created.resolvedBreakIds).toEqual([breakIds[0], breakIds[2]]);
    expect(created.createdBreakIds).toHaveLength(1);
    const displaced = ctx.db.prepare('SELECT class, left_ids, right_ids, triage_state, explanation_json FROM breaks WHERE id = ?').get(created.createdBreakIds[0]) as
      { class: string; left_ids: string; right_ids: string; triage_state: string; explanation_json: string };
    expect(displaced).toMatchObject({ class: 'missing_left', left_ids: '', right_ids: String(records['P2']), triage_state: 'open' });
    expect(JSON.parse(displaced.explanation_json).summary).toMatch(new RegExp(`was paired in break #${breakIds[0]}, which manual match #${created.match.id} .*L2 is the P4 payment`));
    const audit = ctx.db.prepare("SELECT body FROM audit_log WHERE kind = 'match.created' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit).data.createdBreakIds).toEqual(created.createdBreakIds);

    const removed = removeMatch(ctx, { matchId: created.match.id, reason: 'wrong after all' });
    expect(removed.reopenedBreakIds).toEqual([breakIds[0], breakIds[2]]);
    expect(stateOf(ctx, created.createdBreakIds[0]!)).toBe('resolved');
    expect(stateOf(ctx, breakIds[0]!)).toBe('open');
  });

  it('leaves breaks already closed by triage alone', () => {
    const ctx = context();
    const { runId, breakIds, records } = seedSmallRun(ctx.db);
    ctx.db.prepare("UPDATE breaks SET triage_state = 'accepted' WHERE id = ?").run(breakIds[2]);
    const created = createManualMatch(ctx, { runId, leftIds: [records['L3']!], rightIds: [records['P4']!], reason: 'same payment' });
    expect(created.resolvedBreakIds).toEqual([breakIds[1]]);
    expect(stateOf(ctx, breakIds[2]!)).toBe('accepted');
  });

  it('names the match that already holds a candidate, engine or manual', () => {
    const ctx = context();
    const { runId, breakIds, records, matchIds } = seedSmallRun(ctx.db);
    const claimed = [{ name: 'claimed', ok: false, text: 'already matched to another record' }];
    const explanation = {
      summary: 'ledger line 4 has no processor counterpart.',
      candidates: [
        { side: 'right', id: records['P1'], text: 'processor line 2', criteria: claimed },
        { side: 'right', id: records['P3'], text: 'processor line 4', criteria: [] },
        { side: 'right', id: records['P4'], text: 'processor line 5', criteria: [] },
      ],
    };
    ctx.db.prepare('UPDATE breaks SET explanation_json = ? WHERE id = ?').run(JSON.stringify(explanation), breakIds[1]);
    const manual = createManualMatch(ctx, { runId, leftIds: [records['L2']!], rightIds: [records['P3']!], reason: 'checked' });
    const candidates = getBreakDiff(ctx, { breakId: breakIds[1]! }).explanation.candidates;
    expect(candidates.map((c) => c.claimedByMatchId)).toEqual([matchIds[0], manual.match.id, null]);
  });
});
