import { describe, expect, it } from 'vitest';
import { migration001 } from '../../../main/db/migrations/001_initial';
import { migration002 } from '../../../main/db/migrations/002_break_triage_indexes';
import { openWorkspace } from '../../../main/db/openWorkspace';
import { insertBreak, seedSmallRun } from '../../helpers/analystFixtures';
import { useTempStores } from '../../helpers/tempStore';

const tempStore = useTempStores();

describe('migration 002: break triage indexes', () => {
  it('upgrades a version-1 store that already holds breaks', () => {
    const dir = tempStore();
    const v1 = openWorkspace(dir, { migrations: [migration001] });
    const seeded = seedSmallRun(v1);
    v1.close();
    const db = openWorkspace(dir, { migrations: [migration001, migration002] });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const row = db.prepare('SELECT effective_class FROM breaks WHERE id = ?').get(seeded.breakIds[0]) as { effective_class: string };
    expect(row.effective_class).toBe('amount_mismatch');
    db.close();
  });

  it('effective_class follows the override', () => {
    const db = openWorkspace(tempStore());
    const { runId } = seedSmallRun(db);
    const id = insertBreak(db, runId, { cls: 'delay', amount: 1 });
    db.prepare("UPDATE breaks SET class_override = 'missing_right' WHERE id = ?").run(id);
    expect(db.prepare('SELECT effective_class FROM breaks WHERE id = ?').pluck().get(id)).toBe('missing_right');
    db.close();
  });

  it('page queries filtered by class and sorted by time use an index, not a scan plus sort', () => {
    const db = openWorkspace(tempStore());
    const plan = (db.prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM breaks WHERE run_id = 1 AND effective_class = 'delay' ORDER BY ts_ms, id LIMIT 100",
    ).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX breaks_by_run_effective_class/);
    const byTime = (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM breaks WHERE run_id = 1 ORDER BY ts_ms, id LIMIT 100').all() as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(byTime).toMatch(/breaks_by_run_ts/);
    expect(byTime).not.toMatch(/TEMP B-TREE/);
    db.close();
  });

  it('creates the search, triage-action and match columns', () => {
    const db = openWorkspace(tempStore());
    const names = (table: string) => (db.prepare(`PRAGMA table_xinfo(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(names('triage_events')).toContain('action_id');
    expect(names('matches')).toEqual(expect.arrayContaining(['note', 'created_by', 'created_at', 'resolved_break_ids']));
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('breaks_fts', 'breaks_fts_state', 'triage_actions')").all()).toHaveLength(3);
    db.close();
  });
});

describe('withBreakIndexesDeferred', () => {
  it('drops the analyst indexes for a bulk insert and recreates exactly the same ones', async () => {
    const { withBreakIndexesDeferred } = await import('../../../main/db/queries/breakIndexes');
    const db = openWorkspace(tempStore());
    const { runId } = seedSmallRun(db);
    const definitions = () => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'breaks' ORDER BY name").all();
    const before = definitions();
    db.transaction(() =>
      withBreakIndexesDeferred(db, () => {
        const left = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'breaks'").pluck().all();
        expect(left).toEqual(['breaks_by_run']); // 001's index is not the analyst's to drop
        insertBreak(db, runId, { cls: 'delay', amount: 7 });
      }),
    )();
    expect(definitions()).toEqual(before);
    db.close();
  });
});
