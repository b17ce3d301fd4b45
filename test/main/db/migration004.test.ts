import { describe, expect, it } from 'vitest';
import { migration001 } from '../../../main/db/migrations/001_initial';
import { migration002 } from '../../../main/db/migrations/002_break_triage_indexes';
import { migration003 } from '../../../main/db/migrations/003_source_snapshots';
import { SCHEMA_VERSION } from '../../../main/db/migrations';
import { openWorkspace } from '../../../main/db/openWorkspace';
import { seedSource } from '../../../workers/matching/bench/seedStore';
import { runReconciliation } from '../../../workers/matching/runStore';
import { readMatchList } from '../../../workers/matching/persistRun';
import { insertManualMatch } from '../../../main/db/queries/matchesQueries';
import { rec } from '../../generators/records';
import { useTempStores } from '../../helpers/tempStore';

const tempStore = useTempStores();

describe('migration 004: per-run match lists', () => {
  it('upgrades a version-3 store; its earlier runs have no list and still give impact from their rows', () => {
    const dir = tempStore();
    const v3 = openWorkspace(dir, { migrations: [migration001, migration002, migration003] });
    const left = seedSource(v3, { name: 'l', kind: 'ledger' }, [rec(1, { line: 2 }), rec(2, { line: 3, externalId: 'b' })]);
    const right = seedSource(v3, { name: 'r', kind: 'processor' }, [rec(11, { line: 2 }), rec(12, { line: 3, externalId: 'b' })]);
    v3.close();
    const db = openWorkspace(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const first = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    expect(readMatchList(db, first.runId)!.count).toBe(first.counts.matches);
    db.prepare('DELETE FROM run_match_lists').run();
    const second = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    expect(second.impact).toMatchObject({ previousRunId: first.runId, matchesGained: 0, matchesLost: 0, matchesChanged: 0 });
    db.close();
  });

  it('a manual match, an unmatch or an edited match drops the run\'s list; engine rows do not', () => {
    const db = openWorkspace(tempStore());
    const left = seedSource(db, { name: 'l', kind: 'ledger' }, [rec(1, { line: 2 }), rec(2, { line: 3, externalId: 'b' })]);
    const right = seedSource(db, { name: 'r', kind: 'processor' }, [rec(11, { line: 2 }), rec(12, { line: 3, externalId: 'b' })]);
    const runId = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' }).runId;
    const has = () => db.prepare('SELECT COUNT(*) FROM run_match_lists WHERE run_id = ?').pluck().get(runId) as number;
    expect(has()).toBe(1);
    const [a, b] = db.prepare('SELECT id FROM matches WHERE run_id = ? ORDER BY id').pluck().all(runId) as number[];
    db.prepare('UPDATE matches SET note = ? WHERE id = ?').run('checked', a);
    expect(has()).toBe(1);
    db.prepare('UPDATE matches SET right_ids = left_ids WHERE id = ?').run(a);
    expect(has()).toBe(0);
    db.prepare('INSERT OR REPLACE INTO run_match_lists (run_id, match_count, left_offsets, left_ids, right_offsets, right_ids) VALUES (?, 0, x\'\', x\'\', x\'\', x\'\')').run(runId);
    db.prepare('DELETE FROM matches WHERE id = ?').run(b);
    expect(has()).toBe(0);
    // A manual match (migration 006: dropped by insertManualMatch, not by a trigger).
    const again = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' }).runId;
    expect(readMatchList(db, again)).not.toBeNull();
    insertManualMatch(db, { runId: again, leftIds: [1], rightIds: [11], amountDeltaMinor: 0, timeDeltaMs: null, note: 'n', actor: 't', tsMs: 0, resolvedBreakIds: [] });
    expect(db.prepare('SELECT COUNT(*) FROM run_match_lists WHERE run_id = ?').pluck().get(again)).toBe(0);
    // Even a list stored beside rows it does not count is refused.
    const third = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' }).runId;
    db.prepare('INSERT INTO matches (run_id, strategy, score, left_ids, right_ids, amount_delta_minor) VALUES (?, ?, 1, ?, ?, 0)').run(third, 'exact_key', '1', '11');
    expect(db.prepare('SELECT COUNT(*) FROM run_match_lists WHERE run_id = ?').pluck().get(third)).toBe(1);
    expect(readMatchList(db, third)).toBeNull();
    db.close();
  });
});
