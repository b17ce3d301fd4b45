import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../main/db/openWorkspace';
import { previewImport } from '../../../workers/engine/previewImport';
import { ImportError } from '../../../workers/import/errors';
import { importFile } from '../../../workers/import/importFile';
import { validateMapping } from '../../../workers/import/mapping/mappingFile';
import { samplesDir, tempStore, writeTemp } from './helpers';

const LEDGER = 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo';

function ledger(rows: [id: string, amount: string, currency: string][]): string {
  return `${[LEDGER, ...rows.map(([id, amount, currency], i) => `${id},acct_1,c,${amount},${currency},2026-03-02T10:00:00Z,posted,i${i},${i + 1},`)].join('\n')}\n`;
}

function stored(db: Db, sourceId: number): { records: string[]; rejected: string[] } {
  const records = (db.prepare('SELECT line, amount_minor, currency FROM records WHERE source_id = ? ORDER BY line').all(sourceId) as { line: number; amount_minor: number; currency: string }[])
    .map((r) => `${r.line}: ${r.amount_minor} ${r.currency}`);
  const rejected = (db.prepare('SELECT line, column_name, reason FROM rejected_rows WHERE source_id = ? ORDER BY line').all(sourceId) as { line: number; column_name: string; reason: string }[])
    .map((r) => `${r.line} [${r.column_name}]: ${r.reason}`);
  return { records, rejected };
}

function mappingProblems(mapping: unknown): string {
  try {
    validateMapping(mapping);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
}

describe('currencies: ISO 4217 exponents only, unless the mapping file declares one', () => {
  it('regression (xcheck currencies): an unknown code or one without a minor unit is a rejected row, not exponent 2', async () => {
    const { db } = tempStore();
    const file = writeTemp('ccy.csv', ledger([['a', '10.00', 'XYZ'], ['b', '5', 'ABC'], ['c', '1.00', 'XAU'], ['d', '1.00', 'XXX'], ['e', '1.234', 'KWD'], ['f', '12.34', 'HRK']]));
    const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 't' });
    expect(stored(db, r.sourceId)).toEqual({
      records: ['6: 1234 KWD', '7: 1234 HRK'],
      rejected: [
        '2 [currency]: unknown currency code XYZ (not ISO 4217); declare its exponent in the mapping file\'s "currencyExponents" (e.g. {"XYZ": 2}) to import it',
        '3 [currency]: unknown currency code ABC (not ISO 4217); declare its exponent in the mapping file\'s "currencyExponents" (e.g. {"ABC": 2}) to import it',
        '4 [currency]: currency code XAU has no minor unit in ISO 4217; declare its exponent in the mapping file\'s "currencyExponents" (e.g. {"XAU": 2}) to import it',
        '5 [currency]: currency code XXX has no minor unit in ISO 4217; declare its exponent in the mapping file\'s "currencyExponents" (e.g. {"XXX": 2}) to import it',
      ],
    });
  });

  it('declared exponents are used and kept in the source settings; the preview formats by them', async () => {
    const { db } = tempStore();
    const file = writeTemp('btc.csv', ledger([['a', '0.00012345', 'BTC'], ['b', '1.5', 'XAU'], ['c', '2.50', 'USD'], ['d', '1.123456789', 'BTC']]));
    const mapping = { currencyExponents: { BTC: 8, XAU: 3 } };
    const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 't', mapping });
    expect(stored(db, r.sourceId)).toEqual({
      records: ['2: 12345 BTC', '3: 1500 XAU', '4: 250 USD'],
      rejected: ['5 [amount]: amount "1.123456789" has 9 decimals; the currency allows 8'],
    });
    const settings = JSON.parse((db.prepare('SELECT mapping_json FROM sources WHERE id = ?').get(r.sourceId) as { mapping_json: string }).mapping_json) as Record<string, unknown>;
    expect(settings['currencyExponents']).toEqual({ BTC: 8, XAU: 3 });
    const preview = await previewImport({ filePath: file, mapping });
    expect(preview.normalized[0]!.summary).toMatch(/^0\.00012345 BTC/);
  });

  it('the mapping file\'s "currencyExponents" is validated strictly, and a default "currency" must have an exponent', () => {
    expect(mappingProblems({ currencyExponents: { BTC: 8, CNH: 2, XAU: 0 }, currency: 'BTC' })).toBe('');
    expect(mappingProblems({ currencyExponents: { USD: 3 } })).toMatch(/currencyExponents\.USD: USD is an ISO 4217 currency with exponent 2; only codes outside ISO 4217 or without a minor unit there \(XAU, XXX…\) can be declared/);
    expect(mappingProblems({ currencyExponents: { btc: 8 } })).toMatch(/currencyExponents\.btc: a currency code must be 3 upper-case letters/);
    expect(mappingProblems({ currencyExponents: { BTC: 9 } })).toMatch(/currencyExponents\.BTC: an exponent is an integer from 0 to 8/);
    expect(mappingProblems({ currencyExponents: { BTC: 1.5 } })).toMatch(/currencyExponents\.BTC: /);
    expect(mappingProblems({ currencyExponents: ['BTC'] })).toMatch(/currencyExponents: /);
    expect(mappingProblems({ currency: 'XYZ' })).toMatch(/currency: unknown currency code XYZ \(not ISO 4217\)/);
    expect(mappingProblems({ currency: 'XAU' })).toMatch(/currency: currency code XAU has no minor unit in ISO 4217/);
  });

  it('MT940: an unknown statement currency rejects its entries with the reason; declared, it imports and balances', async () => {
    const mt940 = (code: string) => writeTemp('s.sta', [':20:REF', ':25:ACC', ':28:1', `:60F:C240101${code}100,00`,
      ':61:2401020102C25,5NTRFNONREF', ':86:in', `:62F:C240102${code}125,49`, ''].join('\n'));
    const { db } = tempStore();
    const refused = await importFile(db, { filePath: mt940('XYZ'), kind: 'bank', actor: 't' });
    expect(refused.rowsImported).toBe(0);
    expect(refused.warnings.join('\n')).toMatch(/balance :60F: at line 4 ignored: unknown currency code XYZ \(not ISO 4217\)/);
    const declared = await importFile(db, { filePath: mt940('XYZ'), kind: 'bank', actor: 't', allowDuplicateFile: true, mapping: { currencyExponents: { XYZ: 2 } } });
    expect(stored(db, declared.sourceId).records).toEqual(['5: 2550 XYZ']);
    expect(declared.warnings.join('\n')).toMatch(/opening balance 100\.00 \+ entries 25\.50 = 125\.50, but the closing balance is 125\.49 XYZ/);
  });

  const has = existsSync(samplesDir);
  const withCurrency = (rel: string, from: RegExp, to: string): string => writeTemp(rel.split('/').pop()!, readFileSync(join(samplesDir, rel), 'utf8').replace(from, to));

  it.skipIf(!has)('camt, OFX and BAI2 files with an unknown currency reject their entries, with the reason', async () => {
    const files = [
      withCurrency('genkgo-camt/test/data/camt053.v2.minimal.xml', /Ccy="EUR"/g, 'Ccy="XYZ"'),
      withCurrency('jseutter-ofxparse/tests/fixtures/checking.ofx', /<CURDEF>USD/g, '<CURDEF>XYZ'),
      withCurrency('moov-io-bai2/test/testdata/sample1.txt', /,CAD,/g, ',XYZ,'),
    ];
    for (const file of files) {
      const { db } = tempStore();
      const r = await importFile(db, { filePath: file, kind: 'bank', actor: 't' });
      const { rejected } = stored(db, r.sourceId);
      expect(rejected.length, file).toBeGreaterThan(0);
      for (const line of rejected) expect(line, file).toMatch(/: unknown currency code XYZ \(not ISO 4217\); declare its exponent/);
      const declared = await importFile(db, { filePath: file, kind: 'bank', actor: 't', allowDuplicateFile: true, mapping: { currencyExponents: { XYZ: 2 } } });
      expect(declared.rowsImported, file).toBe(r.rowsRejected + r.rowsImported);
    }
  });
});
