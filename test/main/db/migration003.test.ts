import { describe, expect, it } from 'vitest';
import { migration001 } from '../../../main/db/migrations/001_initial';
import { migration002 } from '../../../main/db/migrations/002_break_triage_indexes';
import { SCHEMA_VERSION } from '../../../main/db/migrations';
import { openDatabaseFile, openWorkspace } from '../../../main/db/openWorkspace';
import { seedSource } from '../../../workers/matching/bench/seedStore';
import { getSourceRow } from '../../../workers/matching/loadInput';
import { readSnapshot, snapshotSource } from '../../../workers/matching/sourceSnapshot';
import { rec } from '../../generators/records';
import { useTempStores } from '../../helpers/tempStore';

const tempStore = useTempStores();

describe('migration 003: source snapshots', () => {
  it('upgrades a version-2 store and snapshots its existing sources on demand', () => {
    const dir = tempStore();
    const v2 = openWorkspace(dir, { migrations: [migration001, migration002] });
    const sourceId = seedSource(v2, { name: 'l', kind: 'ledger' }, [rec(1, { line: 2 }), rec(2, { line: 3, externalId: null })]);
    v2.close();
    const db = openWorkspace(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(readSnapshot(db, getSourceRow(db, sourceId)!)).toBeNull();
    snapshotSource(db, sourceId);
    const input = readSnapshot(db, getSourceRow(db, sourceId)!)!;
    expect(Array.from(input.lines)).toEqual([2, 3]);
    expect(input.externalId[1]).toBeNull();
    db.close();
  });

  it('removing a snapshot removes its column rows (a store without a directory keeps them as rows)', () => {
    const db = openDatabaseFile(':memory:');
    const sourceId = seedSource(db, { name: 'l', kind: 'ledger' }, [rec(1, { line: 2 })]);
    snapshotSource(db, sourceId);
    expect(db.prepare('SELECT COUNT(*) FROM source_snapshot_columns').pluck().get()).toBeGreaterThan(0);
    db.prepare('DELETE FROM source_snapshots WHERE source_id = ?').run(sourceId);
    expect(db.prepare('SELECT COUNT(*) FROM source_snapshot_columns').pluck().get()).toBe(0);
    db.close();
  });
});
