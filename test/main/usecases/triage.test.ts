import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../main/audit/auditLog';
import { queryBreaks } from '../../../main/usecases/analyst/breaksUseCases';
import { getTriageHistory, listTriageActions, undoAction, updateBreaks } from '../../../main/usecases/analyst/triageUseCases';
import { seedSmallRun } from '../../helpers/analystFixtures';
import { useAnalystContexts } from '../../helpers/analystContext';

const context = useAnalystContexts();

function auditKinds(ctx: { db: import('../../../main/db/openWorkspace').Db }): string[] {
  return ctx.db.prepare('SELECT kind FROM audit_log ORDER BY seq').pluck().all() as string[];
}

describe('triage', () => {
  it('moves a selection open → investigating → accepted with an assignee, one audited action each', async () => {
    const ctx = context();
    const { runId, breakIds } = seedSmallRun(ctx.db);
    const first = await updateBreaks(ctx, { runId, target: { breakIds: breakIds.slice(0, 2) }, change: { state: 'investigating', assignee: 'ana', note: 'looking' } });
    expect(first).toMatchObject({ affected: 2, skipped: 0 });
    const second = await updateBreaks(ctx, { runId, target: { breakIds: breakIds.slice(0, 2) }, change: { state: 'accepted' } });
    expect(second.affected).toBe(2);
    const history = getTriageHistory(ctx, { breakId: breakIds[0]! }).events;
    expect(history.map((e) => [e.fromState, e.toState])).toEqual([
      ['open', 'investigating'],
      ['investigating', 'accepted'],
    ]);
    expect(history[0]!.detail).toContain('assignee — → ana');
    expect(auditKinds(ctx)).toEqual(['triage.updated', 'triage.updated']);
    expect(verifyChain(ctx.db).ok).toBe(true);
    expect(ctx.events).toContain('recon:workspace-changed');
  });

  it('skips breaks that cannot make the move instead of forcing them', async () => {
    const ctx = context();
    const { runId, breakIds } = seedSmallRun(ctx.db);
    const result = await updateBreaks(ctx, { runId, target: { breakIds }, change: { state: 'resolved' } });
    expect(result).toMatchObject({ affected: 0, skipped: 5 });
  });

  it('applies to a whole filter, including free text', async () => {
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    const result = await updateBreaks(ctx, { runId, target: { filter: { runId, classes: ['missing_left', 'missing_right'] } }, change: { assignee: 'bo' } });
    expect(result.affected).toBe(2);
    const text = await updateBreaks(ctx, { runId, target: { filter: { runId, text: 'acct_2' } }, change: { state: 'investigating' } });
    expect(text.affected).toBe(2);
    const audit = JSON.parse(ctx.db.prepare('SELECT body FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string) as { data: { filter: unknown } };
    expect(audit.data.filter).toMatchObject({ text: 'acct_2' });
  });

  it('overrides the class with a reason; the filter follows the effective class', async () => {
    const ctx = context();
    const { runId, breakIds } = seedSmallRun(ctx.db);
    await updateBreaks(ctx, { runId, target: { breakIds: [breakIds[4]!] }, change: { classOverride: { breakClass: 'missing_right', reason: 'frontier passed' } } });
    const rows = (await queryBreaks(ctx, { filter: { runId, classes: ['missing_right'] }, sort: { key: 'id', direction: 'asc' }, offset: 0, limit: 10 })).rows;
    expect(rows.map((r) => [r.id, r.classOverridden, r.engineClass])).toEqual([
      [breakIds[1], false, 'missing_right'],
      [breakIds[4], true, 'delay'],
    ]);
    expect(getTriageHistory(ctx, { breakId: breakIds[4]! }).events[0]!.detail).toContain('reason: frontier passed');
  });

  it('an update that changed nothing is audited but not offered for undo: undo takes back the one before it', async () => {
    const ctx = context();
    const { runId, breakIds } = seedSmallRun(ctx.db);
    await updateBreaks(ctx, { runId, target: { breakIds: breakIds.slice(0, 2) }, change: { state: 'investigating' } });
    const moved = await updateBreaks(ctx, { runId, target: { breakIds: breakIds.slice(0, 2) }, change: { state: 'resolved' } });
    // resolved → investigating is not a move the workflow allows: every break is skipped.
    const noop = await updateBreaks(ctx, { runId, target: { breakIds: breakIds.slice(0, 2) }, change: { state: 'investigating' } });
    expect(noop).toMatchObject({ affected: 0, skipped: 2 });
    const undo = await undoAction(ctx, { runId });
    expect(undo.undone.id).toBe(moved.action.id);
    expect(auditKinds(ctx)).toEqual(['triage.updated', 'triage.updated', 'triage.updated', 'triage.undone']);
  });

  it('undo restores the previous state and is an audited action of its own; undo again walks back further', async () => {
    const ctx = context();
    const { runId, breakIds } = seedSmallRun(ctx.db);
    await updateBreaks(ctx, { runId, target: { breakIds }, change: { state: 'investigating' } });
    const second = await updateBreaks(ctx, { runId, target: { breakIds: breakIds.slice(0, 2) }, change: { state: 'resolved', assignee: 'cy' } });
    const undo = await undoAction(ctx, { runId });
    expect(undo).toMatchObject({ restored: 2, undone: { id: second.action.id, undoneByActionId: undo.action.id } });
    const states = () => ctx.db.prepare('SELECT triage_state FROM breaks ORDER BY id').pluck().all();
    expect(states()).toEqual(Array(5).fill('investigating'));
    expect(ctx.db.prepare('SELECT COUNT(*) FROM breaks WHERE assignee IS NOT NULL').pluck().get()).toBe(0);
    await undoAction(ctx, { runId });
    expect(states()).toEqual(Array(5).fill('open'));
    await expect(undoAction(ctx, { runId })).rejects.toThrow(/no triage action left/);
    expect(auditKinds(ctx)).toEqual(['triage.updated', 'triage.updated', 'triage.undone', 'triage.undone']);
    expect(listTriageActions(ctx, { runId }).actions.map((a) => a.kind)).toEqual(['undo', 'undo', 'update', 'update']);
    expect(verifyChain(ctx.db).ok).toBe(true);
  });

  it('refuses to undo an action that is not the newest', async () => {
    const ctx = context();
    const { runId, breakIds } = seedSmallRun(ctx.db);
    const first = await updateBreaks(ctx, { runId, target: { breakIds }, change: { assignee: 'a' } });
    await updateBreaks(ctx, { runId, target: { breakIds }, change: { assignee: 'b' } });
    await expect(undoAction(ctx, { runId, actionId: first.action.id })).rejects.toThrow(/Only the newest action/);
  });

  it('an audit failure rolls the triage change back (same transaction)', async () => {
    const ctx = context();
    const { runId, breakIds } = seedSmallRun(ctx.db);
    // A trigger that makes the audit insert fail stands in for any failure after the change.
    ctx.db.exec("CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;");
    await expect(updateBreaks(ctx, { runId, target: { breakIds }, change: { state: 'investigating' } })).rejects.toThrow(/audit down/);
    expect(ctx.db.prepare("SELECT COUNT(*) FROM breaks WHERE triage_state != 'open'").pluck().get()).toBe(0);
    expect(ctx.db.prepare('SELECT COUNT(*) FROM triage_events').pluck().get()).toBe(0);
    expect(ctx.db.prepare('SELECT COUNT(*) FROM triage_actions').pluck().get()).toBe(0);
  });
});
