import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../main/db/openWorkspace';
import { seedSource } from '../../../workers/matching/bench/seedStore';
import { getSourceRow } from '../../../workers/matching/loadInput';
import { runReconciliation } from '../../../workers/matching/runStore';
import { snapshotForRun } from '../../../workers/matching/snapshotHelper';
import { readSnapshot, snapshotIsCurrent } from '../../../workers/matching/sourceSnapshot';
import { loadInputFromRecords } from '../../../workers/matching/loadInput';
import { stringAt } from '../../../workers/matching/engineInput';
import { generateDataset } from '../../generators/reconData';
import { useTempStores } from '../../helpers/tempStore';

const tempStore = useTempStores();
const data = generateDataset({ seed: 5, rows: 2_000 });

describe('snapshotForRun', () => {
  it('snapshots two unsnapshotted sources, one in a helper thread, exactly as reading the records gives them', async () => {
    const db = openWorkspace(tempStore());
    const left = seedSource(db, { name: 'ledger', kind: 'ledger' }, data.left);
    const right = seedSource(db, { name: 'processor', kind: 'processor' }, data.right);
    const sources = [getSourceRow(db, left)!, getSourceRow(db, right)!];
    expect(sources.map((s) => snapshotIsCurrent(db, s))).toEqual([false, false]);

    await snapshotForRun(db, [left, right]);

    for (const source of sources) {
      expect(snapshotIsCurrent(db, source)).toBe(true);
      const snapshot = readSnapshot(db, source)!;
      const { digest: _r, ...fromRecords } = loadInputFromRecords(db, source);
      // Value by value through the readers, before any column is decoded whole…
      for (const column of ['externalId', 'reference', 'account', 'customer', 'currency', 'status'] as const) {
        const values = Array.from({ length: fromRecords.ids.length }, (_, i) => stringAt(snapshot, column, i));
        expect(values, column).toEqual(fromRecords[column]);
      }
      // …and whole.
      const { digest: _d, dictionaries: _c, readers: _s, ...fromSnapshot } = snapshot;
      expect(fromSnapshot).toEqual(fromRecords);
    }
    db.close();
  });

  it('gives the run the same results as a run that reads its records itself', async () => {
    const dirs = [tempStore(), tempStore()];
    const outcomes = [];
    for (const [i, dir] of dirs.entries()) {
      const db = openWorkspace(dir);
      const left = seedSource(db, { name: 'ledger', kind: 'ledger' }, data.left);
      const right = seedSource(db, { name: 'processor', kind: 'processor' }, data.right);
      const loaded = i === 0 ? await snapshotForRun(db, [left, right]) : new Map();
      if (i === 0) expect([...loaded.keys()]).toEqual([right]);
      outcomes.push(runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' }, {}, performance.now(), loaded));
      db.close();
    }
    expect(outcomes[0]!.fingerprint).toBe(outcomes[1]!.fingerprint);
    expect(outcomes[0]!.counts).toEqual(outcomes[1]!.counts);
  });

  it('leaves a single missing snapshot to the run, also when both sides are that source', async () => {
    const dir = tempStore();
    const db = openWorkspace(dir);
    const left = seedSource(db, { name: 'ledger', kind: 'ledger' }, data.left);
    const right = seedSource(db, { name: 'processor', kind: 'processor' }, data.right);
    runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    const third = seedSource(db, { name: 'bank', kind: 'processor' }, data.right);
    await snapshotForRun(db, [left, third]);
    expect(snapshotIsCurrent(db, getSourceRow(db, third)!)).toBe(false);
    // A run of a source against itself is refused by the run; nothing is read for it here.
    expect((await snapshotForRun(db, [third, third])).size).toBe(0);
    expect(snapshotIsCurrent(db, getSourceRow(db, third)!)).toBe(false);
    db.close();
  });
});
