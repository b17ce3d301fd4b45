import { describe, expect, it } from 'vitest';
import { importFile } from '../../../workers/import/importFile';
import { tempStore, writeTemp } from './helpers';

// Regression: a :61: line whose transaction type code is blank ("S   ", as a Hungarian bank writes
// it) and whose amount follows a funds code ("DF2402,00") was rejected as malformed.
describe('MT940 :61: with a funds code and a blank transaction type', () => {
  it('imports the line with its sign and amount', async () => {
    const file = writeTemp(
      'hu.sta',
      [':20:STARTUMS', ':25:1966315302010001', ':28:00046', ':60F:C171011HUF627311,30',
        ':61:1710111011DF2402,00S   X', ':86:Tranzakcios illetek', ':62F:C171011HUF624909,30', ''].join('\n'),
    );
    const { db } = tempStore();
    const result = await importFile(db, { filePath: file, kind: 'bank', actor: 't' });
    expect(result).toMatchObject({ format: 'mt940', rowsImported: 1, rowsRejected: 0 });
    expect(db.prepare('SELECT amount_minor, currency FROM records').get()).toEqual({ amount_minor: -240200, currency: 'HUF' });
    expect(result.warnings.filter((w) => /balance/i.test(w))).toEqual([]);
    db.close();
  });
});
