import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../main/audit/auditLog';
import { exportBreaksCsv } from '../../../main/usecases/analyst/exportBreaksCsv';
import { getRunDashboard } from '../../../main/usecases/analyst/runDashboard';
import { updateBreaks } from '../../../main/usecases/analyst/triageUseCases';
import { FIXTURE_T0, HOUR_MS, insertBreak, insertRun, seedSmallRun } from '../../helpers/analystFixtures';
import { useAnalystContexts } from '../../helpers/analystContext';

const context = useAnalystContexts();

describe('runs:get-dashboard', () => {
  it('says which records the run set aside: excluded by status, superseded pending rows', async () => {
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    ctx.db.prepare('UPDATE runs SET counts_json = ? WHERE id = ?').run(JSON.stringify({ excluded_left: 2, excluded_right: 0, superseded_left: 1, superseded_right: 3 }), runId);
    appendAudit(ctx.db, { actor: 't', kind: 'test.touch', data: {} });
    const d = await getRunDashboard(ctx, { runId });
    expect(d.setAside).toEqual({ excludedLeft: 2, excludedRight: 0, supersededLeft: 1, supersededRight: 3 });
  });

  it('reports matched %, counts and money per class and radius, hours, top accounts and source lag', async () => {
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    const d = await getRunDashboard(ctx, { runId });
    expect(d).toMatchObject({ leftRecords: 6, rightRecords: 4, leftMatched: 1, rightMatched: 1, matchedPercent: 20, matchCount: 1, breakCount: 5, bucket: 'hour' });
    expect(d.setAside).toEqual({ excludedLeft: 0, excludedRight: 0, supersededLeft: 0, supersededRight: 0 });
    expect(d.byClass.find((r) => r.key === 'missing_right')).toEqual({ key: 'missing_right', count: 1, money: [{ currency: 'USD', amountMinor: 4200 }] });
    expect(d.byBlastRadius.map((r) => r.count)).toEqual([3, 1, 1]);
    expect(d.overTime.map((b) => [(b.startMs - FIXTURE_T0) / HOUR_MS, b.count])).toEqual([[1, 1], [2, 1], [3, 1], [5, 1], [9, 1]]);
    expect(d.topAccounts[0]).toMatchObject({ key: 'acct_2', count: 2 });
    expect(d.sources.map((s) => [s.side, s.lagMs])).toEqual([['left', 0], ['right', 3 * HOUR_MS]]);
    expect(d.comparison).toBeNull();
  });

  it('compares with the previous run and refreshes after triage', async () => {
    const ctx = context();
    const first = seedSmallRun(ctx.db);
    const second = insertRun(ctx.db, first.leftSourceId, first.rightSourceId, first.runId);
    insertBreak(ctx.db, second, { cls: 'delay', amount: 5 });
    const impact = { previousRunId: first.runId, matchesGained: 4, matchesLost: 1, matchesChanged: 2, breaksDelta: { delay: -12 } };
    ctx.db.prepare('UPDATE runs SET summary_json = ? WHERE id = ?').run(JSON.stringify({ impact }), second);
    const d = await getRunDashboard(ctx, { runId: second });
    expect(d.comparison).toMatchObject({ previousRunId: first.runId, breaksCurrent: 1, breaksPrevious: 5, matches: { gained: 4, lost: 1, changed: 2 } });
    expect(d.comparison!.classDelta.find((c) => c.key === 'delay')).toEqual({ key: 'delay', current: 1, previous: 1 });

    const before = await getRunDashboard(ctx, { runId: first.runId });
    expect(before.byState[0]).toMatchObject({ key: 'open', count: 5 });
    await updateBreaks(ctx, { runId: first.runId, target: { breakIds: first.breakIds.slice(0, 2) }, change: { state: 'investigating' } });
    expect((await getRunDashboard(ctx, { runId: first.runId })).byState.map((s) => s.count)).toEqual([3, 2, 0, 0]);
  });

  it('impact card regression: an impact without the three match counts gives no match impact, not raw keys', async () => {
    const ctx = context();
    const first = seedSmallRun(ctx.db);
    const second = insertRun(ctx.db, first.leftSourceId, first.rightSourceId, first.runId);
    const d = await getRunDashboard(ctx, { runId: second });
    expect(d.comparison).toMatchObject({ previousRunId: first.runId, matches: null });
    expect(d.comparison).not.toHaveProperty('engineImpact');
  });
});

describe('runs:get-dashboard of a run without results', () => {
  it('says who cancelled the run and why it failed, from the audit log, and compares nothing', async () => {
    const ctx = context();
    const first = seedSmallRun(ctx.db);
    const cancelled = insertRun(ctx.db, first.leftSourceId, first.rightSourceId, first.runId, 'cancelled');
    const failed = insertRun(ctx.db, first.leftSourceId, first.rightSourceId, first.runId, 'failed');
    ctx.db.transaction(() => {
      appendAudit(ctx.db, { actor: 'alice', kind: 'run.cancelled', data: { runId: cancelled, reason: 'reconciliation was cancelled' } });
      appendAudit(ctx.db, { actor: 'bob', kind: 'run.failed', data: { runId: failed, reason: 'disk full' } });
    })();
    expect(await getRunDashboard(ctx, { runId: cancelled })).toMatchObject({ status: 'cancelled', ending: { actor: 'alice' }, comparison: null, breakCount: 0 });
    expect((await getRunDashboard(ctx, { runId: failed })).ending).toEqual({ actor: 'bob', reason: 'disk full' });
    expect((await getRunDashboard(ctx, { runId: first.runId })).ending).toBeNull();
  });
});

describe('breaks:export-csv', () => {
  it('writes the filtered breaks in order, hashes the file and audits the export', async () => {
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    ctx.db.prepare("UPDATE breaks SET explanation_json = '{\"text\":\"=cmd, \\\"quoted\\\"\"}' WHERE class = 'delay'").run();
    const outputPath = join(ctx.storeDir, 'breaks.csv');
    const result = await exportBreaksCsv(ctx, { filter: { runId, account: 'acct_3' }, sort: { key: 'amount', direction: 'desc' }, outputPath, columns: ['id', 'breakClass', 'amountMinor', 'summary'] });
    const text = readFileSync(outputPath, 'utf8');
    expect(result.rows).toBe(2);
    expect(result.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('id,breakClass,amountMinor,summary');
    expect(lines[1]).toMatch(/,missing_left,777,/);
    expect(lines[2]).toMatch(/,delay,500,"'=cmd, ""quoted"""$/);
    const audit = JSON.parse(ctx.db.prepare('SELECT body FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string) as { kind: string; data: { rows: number; sha256: string } };
    expect(audit).toMatchObject({ kind: 'breaks.exported', data: { rows: 2, sha256: result.sha256 } });
  });

  it('refuses a relative path or a missing folder', async () => {
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    const sort = { key: 'id', direction: 'asc' } as const;
    await expect(exportBreaksCsv(ctx, { filter: { runId }, sort, outputPath: 'x.csv' })).rejects.toThrow(/absolute/);
    await expect(exportBreaksCsv(ctx, { filter: { runId }, sort, outputPath: join(ctx.storeDir, 'nope', 'x.csv') })).rejects.toThrow(/does not exist/);
    await expect(exportBreaksCsv(ctx, { filter: { runId }, sort, outputPath: join(ctx.storeDir, 'x.sh') })).rejects.toThrow(/\.csv/);
  });

  it('never replaces an existing file unless asked to', async () => {
    const ctx = context();
    const { runId } = seedSmallRun(ctx.db);
    const sort = { key: 'id', direction: 'asc' } as const;
    const outputPath = join(ctx.storeDir, 'twice.csv');
    await exportBreaksCsv(ctx, { filter: { runId }, sort, outputPath });
    await expect(exportBreaksCsv(ctx, { filter: { runId }, sort, outputPath })).rejects.toThrow(/already exists/);
    expect((await exportBreaksCsv(ctx, { filter: { runId }, sort, outputPath, overwrite: true })).rows).toBe(5);
  });
});
