import { describe, expect, it } from 'vitest';
import { findSource } from '../../../main/db/queries/sourcesQueries';
import { completeSource, insertSource } from '../../../workers/import/store/sourcesRepo';
import { tempStore } from '../../workers/import/helpers';

function add(db: ReturnType<typeof tempStore>['db'], name: string, complete = true): number {
  const id = insertSource(db, {
    name, kind: 'ledger', format: 'csv', fileName: name, sha256: `${name}-${Math.random()}`, byteSize: 1, encoding: 'utf-8', mappingJson: '{}', timezone: 'UTC',
  }, 'test');
  if (complete) completeSource(db, id, { rowsTotal: 0, rowsImported: 0, rowsRejected: 0, frontierMs: null, warnings: [] }, 'test');
  return id;
}

describe('findSource: a CLI SOURCE argument', () => {
  it('is an id, an exact name, or a name without its file extension; the newest complete source wins', () => {
    const { db } = tempStore();
    const ledger = add(db, 'ledger.csv');
    const newer = add(db, 'ledger.csv');
    add(db, 'ledger.csv', false);
    const exact = add(db, 'ledger');
    const bank = add(db, 'bank.2026.xml');
    expect(findSource(db, String(ledger))?.id).toBe(ledger);
    expect(findSource(db, 'ledger.csv')?.id).toBe(newer);
    expect(findSource(db, 'ledger')?.id).toBe(exact);
    expect(findSource(db, 'bank.2026')?.id).toBe(bank);
    expect(findSource(db, 'bank')).toBeNull();
    expect(findSource(db, 'ledg')).toBeNull();
    db.close();
  });
});
