import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../main/db/migrations';
import { openWorkspace } from '../../../main/db/openWorkspace';
import { seedSource } from '../../../workers/matching/bench/seedStore';
import { CODEC_FORMAT, encodeInput } from '../../../workers/matching/inputCodec';
import { getSourceRow, loadInputFromRecords } from '../../../workers/matching/loadInput';
import { readSnapshot, snapshotSource } from '../../../workers/matching/sourceSnapshot';
import { rec } from '../../generators/records';
import { useTempStores } from '../../helpers/tempStore';

const tempStore = useTempStores();

describe('migration 008: snapshot columns in a file', () => {
  it('keeps reading the column rows of a snapshot taken before it; new snapshots go to a file', () => {
    const dir = tempStore();
    const v7 = openWorkspace(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 7) });
    const old = seedSource(v7, { name: 'l', kind: 'ledger' }, [rec(1, { line: 2 }), rec(2, { line: 3, externalId: null })]);
    // What the code before migration 008 stored: the head row and one row per column.
    const encoded = encodeInput(loadInputFromRecords(v7, getSourceRow(v7, old)!));
    v7.prepare('INSERT INTO source_snapshots (source_id, format, record_count, digest, created_at) VALUES (?, ?, ?, ?, 0)').run(old, CODEC_FORMAT, encoded.count, encoded.digest);
    for (const c of encoded.columns) v7.prepare('INSERT INTO source_snapshot_columns (source_id, name, data) VALUES (?, ?, ?)').run(old, c.name, c.data);
    expect(v7.prepare('SELECT COUNT(*) FROM source_snapshot_columns').pluck().get()).toBeGreaterThan(0);
    v7.close();

    const db = openWorkspace(dir);
    const input = readSnapshot(db, getSourceRow(db, old)!)!;
    expect(input.digest).toBe(encoded.digest);
    expect(Array.from(input.lines)).toEqual([2, 3]);
    expect(input.externalId[1]).toBeNull();
    expect(existsSync(join(dir, 'snapshots', `source-${old}.cols`))).toBe(false);

    const fresh = seedSource(db, { name: 'p', kind: 'processor' }, [rec(3, { line: 2 })]);
    snapshotSource(db, fresh);
    expect(existsSync(join(dir, 'snapshots', `source-${fresh}.cols`))).toBe(true);
    expect(Array.from(readSnapshot(db, getSourceRow(db, fresh)!)!.lines)).toEqual([2]);
    db.close();
  });
});
