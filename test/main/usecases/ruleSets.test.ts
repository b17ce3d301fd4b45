import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { listRuleSets } from '../../../main/usecases/runUseCases';
import { insertRun, seedSmallRun } from '../../helpers/analystFixtures';
import { useAnalystContexts } from '../../helpers/analystContext';

const context = useAnalystContexts();

describe('rules:list-rule-sets', () => {
  it('lists stored rule sets newest first and the rule set of the pair\'s latest complete run', async () => {
    const ctx = context();
    const { runId, leftSourceId, rightSourceId } = seedSmallRun(ctx.db);
    const wide = Number(
      ctx.db.prepare("INSERT INTO rule_sets (name, version, body_json, created_at) VALUES ('wide', 2, '{\"name\":\"wide\"}', 5)").run().lastInsertRowid,
    );
    const second = insertRun(ctx.db, leftSourceId, rightSourceId, runId);
    ctx.db.prepare('UPDATE runs SET rule_set_id = ? WHERE id = ?').run(wide, second);
    // A later cancelled run does not count: its rules never gave a result.
    insertRun(ctx.db, leftSourceId, rightSourceId, second, 'cancelled');

    const listed = listRuleSets(ctx, { leftSourceId, rightSourceId });
    expect(listed.ruleSets[0]).toEqual({ id: wide, name: 'wide', version: 2, rules: { name: 'wide' }, createdAtMs: 5, lastRunId: second });
    expect(listed.latestForPair).toEqual({ runId: second, ruleSetId: wide });

    expect(listRuleSets(ctx, { leftSourceId: rightSourceId, rightSourceId: leftSourceId }).latestForPair).toBeNull();
    expect(listRuleSets(ctx, {}).latestForPair).toBeNull();
    expect(await dispatch(ctx, 'rules:list-rule-sets', {})).toMatchObject({ ok: true });
  });

  it('rejects a malformed request', async () => {
    const outcome = await dispatch(context(), 'rules:list-rule-sets', { leftSourceId: 'one' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
