import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../workers/import/importFile';
import { samplesDir, tempStore, writeTemp } from './helpers';

// Regression (QA bai2_multi_record_lines): BAI2 records end at "/" and a physical line may hold several,
// but the reader took one record per line, so the second 16 on a line was silently dropped, a 02 sharing
// the 01's line was missed (rows had no date) and the trailer checks warned "declares NaN records".

async function importBai2(filePath: string) {
  const { db } = tempStore();
  const result = await importFile(db, { filePath, kind: 'bank', actor: 't', format: 'bai2' });
  const records = db.prepare('SELECT line, amount_minor, ts_ms, description, raw FROM records WHERE source_id = ? ORDER BY line, id').all(result.sourceId) as
    { line: number; amount_minor: number; ts_ms: number | null; description: string | null; raw: string }[];
  const rejected = db.prepare('SELECT line, column_name, reason FROM rejected_rows WHERE source_id = ? ORDER BY line, id').all(result.sourceId) as
    { line: number; column_name: string | null; reason: string }[];
  db.close();
  return { result, records, rejected };
}

const sample3 = join(samplesDir, 'moov-io-bai2/test/testdata/sample3.txt');

describe('BAI2 lines holding several records', () => {
  it.skipIf(!existsSync(sample3))('sample3: all 26 transactions, the group date and clean trailer checks', async () => {
    const { result, records, rejected } = await importBai2(sample3);
    expect(result.rowsTotal).toBe(26);
    expect(result.rowsImported + result.rowsRejected).toBe(26);
    expect(rejected).toEqual([]);
    // The second record on lines 3 and 13 (5.00 and 32.03).
    expect(records.filter((r) => r.line === 3).map((r) => r.amount_minor)).toEqual([2500, 500]);
    expect(records.filter((r) => r.line === 13).map((r) => r.amount_minor)).toEqual([-27500, -3203]);
    expect(records.find((r) => r.amount_minor === 500)).toMatchObject({ description: 'TRANSFER   MSPBNA BANK        PPD', raw: '16,142,500,Z,,,TRANSFER   MSPBNA BANK        PPD/' });
    // The 02 on line 1 dates every row: as of 2022-09-19.
    expect(result.frontierMs).toBe(Date.UTC(2022, 8, 19));
    expect(records.every((r) => r.ts_ms === Date.UTC(2022, 8, 19))).toBe(true);
    // 49/98/99 counts and totals now agree (they count logical records, 88s included).
    expect(result.warnings).toEqual([]);
  });

  it('splits a 02 on the 01 line and two 16s on one line, keeping "/" inside a 16 text', async () => {
    const file = writeTemp('multi.bai', [
      '01,SENDER,RECEIVER,240301,0800,7,,,2/02,RECEIVER,SENDER,1,240229,2400,EUR,2/',
      '03,ACC1,,010,1000,,/',
      '16,142,1250,Z,REF1,,PAYMENT A/B 12/03, 2024/ 16,451,300,Z,REF2,,FEE/',
      '16,142,200,Z,REF3,,SPLIT/',
      '88,TEXT CONT/  49,2750,6/',
      '98,2750,1,8/99,2750,1,10/',
      '',
    ].join('\n'));
    const { result, records, rejected } = await importBai2(file);
    expect(rejected).toEqual([]);
    expect(result).toMatchObject({ rowsTotal: 3, rowsImported: 3, rowsRejected: 0, frontierMs: Date.UTC(2024, 1, 29), warnings: [] });
    expect(records.map((r) => [r.line, r.amount_minor, r.description])).toEqual([
      [3, 1250, 'PAYMENT A/B 12/03, 2024'],
      [3, -300, 'FEE'],
      [4, 200, 'SPLIT,TEXT CONT'],
    ]);
    expect(records.map((r) => r.ts_ms)).toEqual([Date.UTC(2024, 1, 29), Date.UTC(2024, 1, 29), Date.UTC(2024, 1, 29)]);
  });

  it('warns in words when trailer counts disagree, never "NaN"', async () => {
    const file = writeTemp('counts.bai', [
      '01,S,R,240301,0800,7,,,2/02,R,S,1,240229,2400,USD,2/',
      '03,ACC1,,/16,142,100,Z,,,X/49,100,9/',
      '98,100,2,X/99,100,3,40/',
      '',
    ].join('\n'));
    const { result } = await importBai2(file);
    expect(result.rowsImported).toBe(1);
    expect(result.warnings).toEqual([
      'account ACC1 (trailer at line 2): declares 9 records, found 3',
      'group trailer at line 3: declares 2 accounts, found 1',
      'group trailer at line 3: the records count "X" is not a number',
      'file trailer at line 3: declares 3 groups, found 1',
      'file trailer at line 3: declares 40 records, found 7',
    ]);
    expect(result.warnings.join('\n')).not.toMatch(/NaN/);
  });

  it('rejects a detail with neither a value date nor a group as-of date instead of importing it dateless', async () => {
    const file = writeTemp('nodate.bai', ['01,S,R,240301,0800,7,,,2/', '03,ACC1,,/', '16,142,100,Z,,,NO DATE/', '16,142,200,V,240305,,,,VALUED/', '49,300,4/', '99,300,0,6/', ''].join('\n'));
    const { result, records, rejected } = await importBai2(file);
    expect(result).toMatchObject({ rowsTotal: 2, rowsImported: 1, rowsRejected: 1 });
    expect(records.map((r) => [r.line, r.ts_ms])).toEqual([[4, Date.UTC(2024, 2, 5)]]);
    expect(rejected).toEqual([{ line: 3, column_name: 'date', reason: expect.stringMatching(/no date/) }]);
  });
});
