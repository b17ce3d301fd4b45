import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../workers/import/importFile';
import { ImportError } from '../../../workers/import/errors';
import { samplesDir, tempStore } from './helpers';

const has = existsSync(samplesDir);

async function load(rel: string, kind: 'bank' | 'processor' = 'bank', extra: Record<string, unknown> = {}) {
  const { db } = tempStore();
  const result = await importFile(db, { filePath: join(samplesDir, rel), kind, actor: 'test', ...extra });
  const records = db.prepare('SELECT * FROM records WHERE source_id = ? ORDER BY line, id').all(result.sourceId) as Record<string, unknown>[];
  return { result, records };
}

async function rejects(rel: string, message: RegExp, extra: Record<string, unknown> = {}) {
  const { db } = tempStore();
  const error = await importFile(db, { filePath: join(samplesDir, rel), kind: 'bank', actor: 'test', ...extra }).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe('INVALID_INPUT');
  expect((error as Error).message).toMatch(message);
}

describe.skipIf(!has)('bank samples (../shared/samples)', () => {
  const camtDir = 'genkgo-camt/test/data';
  const camtFiles = has ? readdirSync(join(samplesDir, camtDir)).filter((f) => /^camt05[34].*\.xml$/.test(f) && !f.includes('wrong') && existsSync(join(samplesDir, camtDir, f.replace('.xml', '.json')))) : [];

  it.each(camtFiles)('camt %s matches the golden entries (amount, currency, direction)', async (file) => {
    const golden = JSON.parse(readFileSync(join(samplesDir, camtDir, file.replace('.xml', '.json')), 'utf8')) as { getEntries?: { getAmount: { getAmount: string; getCurrency: { getCode: string } }; getCreditDebitIndicator?: string }[] };
    const { result, records } = await load(`${camtDir}/${file}`);
    expect(result.format).toMatch(/^camt05[34]$/);
    const expected = (golden.getEntries ?? []).map((e) => [Math.abs(Number(e.getAmount.getAmount)), e.getAmount.getCurrency.getCode]);
    if (expected.length === records.length) {
      expect(records.map((r) => [Math.abs(r.amount_minor as number), r.currency])).toEqual(expected);
    } else {
      // Goldens of multi-statement files list the first statement's entries only.
      expect(records.length).toBeGreaterThan(expected.length);
    }
    expect(result.rowsTotal).toBe(result.rowsImported + result.rowsRejected);
  });

  it('camt.053 entries carry account, booking date, references and sign', async () => {
    const { records } = await load(`${camtDir}/camt053.v2.minimal.xml`);
    expect(records[0]).toMatchObject({ account: 'NL26VAYB8060476890', amount_minor: 885, currency: 'EUR', ts_ms: Date.UTC(2014, 11, 31), status: 'BOOK' });
  });

  it('camt.053 balance check: opening + entries ≠ closing becomes a warning', async () => {
    const { result } = await load(`${camtDir}/camt053.v2.all-balance-types.xml`);
    expect(result.warnings.join('\n')).toMatch(/opening balance 1\.01 \+ entries 8\.85 = 9\.86, but the closing balance is 4\.04 EUR/);
  });

  it('malformed camt is rejected clearly', async () => {
    await rejects(`${camtDir}/camt053.v2.wrong.xml`, /camt053\.v2\.wrong\.xml: .*(no statement|malformed XML)/);
  });

  const mtDir = 'svenstaro-mt940-rs/tests/data/mt940/full';
  const mtFiles = has ? ['danskebank/MT940_DK_Example', 'danskebank/MT940_SE_Example', 'danskebank/MT940_NO_Example', 'danskebank/MT940_FI_Example', 'mBank/mt940', 'cmxl/mt940_1', 'sparkasse/buxtehude', 'betterplace/sepa_mt9401'] : [];

  it.each(mtFiles)('MT940 %s matches the golden statement lines', async (name) => {
    type Line = { amount: string; ext_debit_credit_indicator: string };
    const golden = JSON.parse(readFileSync(join(samplesDir, mtDir, `${name}.json`), 'utf8')) as { statement_lines: Line[] }[];
    // mt940-rs names an RC line (reversal of a credit, a debit entry) "ReverseDebit".
    const expected = golden.flatMap((s) => s.statement_lines.map((l) => Math.round(Number(l.amount) * 100) * (/^(Debit|ReverseDebit)$/.test(l.ext_debit_credit_indicator) ? -1 : 1)));
    const { result, records } = await load(`${mtDir}/${name}.sta`);
    expect(result.format).toBe('mt940');
    expect(result.rowsRejected).toBe(0);
    expect(records.map((r) => r.amount_minor)).toEqual(expected);
  });

  it('MT940 Danske DK balances agree (no warning) and cite :61: lines', async () => {
    const { result, records } = await load(`${mtDir}/danskebank/MT940_DK_Example.sta`);
    expect(result.warnings.filter((w) => /closing balance/.test(w))).toEqual([]);
    expect(records[0]).toMatchObject({ line: 14, amount_minor: -82941978, currency: 'DKK', ts_ms: Date.UTC(2009, 8, 29), account: 'DABADKKK/1234567890' });
  });

  it('MT940 special cases: February 30 is a rejected row, unknown tags warn', async () => {
    const feb = await load('svenstaro-mt940-rs/tests/data/mt940/special-cases/february_30.sta');
    expect(feb.result.rowsRejected).toBe(1);
    const unknown = await load('svenstaro-mt940-rs/tests/data/mt940/special-cases/unknown_tag.sta');
    expect(unknown.result.warnings.join()).toMatch(/unknown tag :12:/);
    const invalidUtf8 = await load('svenstaro-mt940-rs/tests/data/mt940/special-cases/invalid_utf8.sta');
    expect(invalidUtf8.result.warnings.join()).toMatch(/not valid UTF-8/);
  });

  it('MT940 garbage is rejected as MT940 when declared', async () => {
    await rejects('svenstaro-mt940-rs/tests/data/mt940/special-cases/invalid_statement.sta', /invalid_statement\.sta: line \d+/, { format: 'mt940' });
  });

  const ofxDir = 'jseutter-ofxparse/tests/fixtures';

  it('OFX v1 (SGML) and v2 (XML) statements', async () => {
    const checking = await load(`${ofxDir}/checking.ofx`);
    expect(checking.result).toMatchObject({ format: 'ofx', rowsImported: 3, rowsRejected: 0 });
    const suncorp = await load(`${ofxDir}/suncorp.ofx`);
    expect(suncorp.result.rowsImported).toBe(1);
    const fidelity = await load(`${ofxDir}/fidelity.ofx`);
    expect(fidelity.result.warnings.join()).toMatch(/investment transaction\(s\).* not imported/);
  });

  it('OFX fail_nice files reject rows with reasons instead of failing', async () => {
    const missing = await load(`${ofxDir}/fail_nice/date_missing.ofx`);
    expect(missing.result.rowsRejected).toBeGreaterThan(0);
    const decimal = await load(`${ofxDir}/fail_nice/decimal_error.ofx`);
    expect(decimal.result.rowsRejected).toBe(1);
    await rejects(`${ofxDir}/signon_fail.ofx`, /server reported an error/);
  });

  const baiDir = 'moov-io-bai2/test/testdata';

  it('BAI2 sample1: details signed by type code, control totals agree', async () => {
    const { result, records } = await load(`${baiDir}/sample1.txt`);
    expect(result).toMatchObject({ format: 'bai2', rowsImported: 17, rowsRejected: 0 });
    expect(result.warnings).toEqual([]);
    expect(records[0]).toMatchObject({ line: 5, amount_minor: -2500, currency: 'CAD', description: 'RETURNED CHEQUE' });
    expect(records.some((r) => (r.amount_minor as number) > 0)).toBe(true);
  });

  it('BAI2 continuation records and the parse-error sample', async () => {
    for (const f of ['sample2.txt', 'sample3.txt', 'sample4-continuations-newline-delimited.txt', 'sample5-issue113.txt']) {
      const { result } = await load(`${baiDir}/${f}`);
      expect(result.rowsImported).toBeGreaterThan(0);
    }
    await rejects(`${baiDir}/errors/sample-parseError.txt`, /sample-parseError\.txt: line 1/, { format: 'bai2' });
    await rejects(`${baiDir}/errors/sample-parseError.txt`, /sample-parseError\.txt: line 1/);
  });

  it('Stripe and PayPal exports import with their built-in profiles', async () => {
    const stripe = await load('hledger-examples/examples/csv/other/stripe.csv', 'processor');
    expect(stripe.result.warnings.join()).toMatch(/stripe-balance/);
    expect(stripe.records.map((r) => [r.external_id, r.amount_minor, r.currency, r.fee_minor])).toEqual([
      ['txn_14G11HjubSIHf9IKrvJdwN', 1200, 'USD', 0], ['txn_14G11HjHgubIH9ZvbPgYO7', -77, 'USD', 0],
    ]);
    const paypal = await load('hledger-examples/examples/csv/other/paypal-custom.csv', 'processor');
    expect(paypal.result.rowsRejected).toBe(0);
    expect(paypal.records[0]).toMatchObject({ external_id: '06P57143A2806728E', amount_minor: -699, ts_ms: Date.UTC(2019, 9, 1, 10, 46, 20) });
  });
});
