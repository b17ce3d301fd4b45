import { describe, expect, it } from 'vitest';
import { previewImport } from '../../../workers/engine/previewImport';
import { importFile } from '../../../workers/import/importFile';
import { isDateFormat, numberText, serialToText } from '../../../workers/import/xlsx/xlsxValues';
import { excelSerial, xlsxFixture, type FixtureCell } from '../../helpers/xlsxFixture';
import { tempStore, writeTemp } from './helpers';

const HEADER: FixtureCell[] = ['txn_id', 'account_id', 'customer_id', 'amount', 'currency', 'created_at', 'status', 'idempotency_key', 'sequence', 'memo'];

function ledgerBook(): Buffer {
  return xlsxFixture([
    {
      name: 'Ledger',
      rows: [
        { row: 1, cells: HEADER },
        { row: 2, cells: ['T1', 'A1', 'C1', { stored: '12.300000000000001' }, 'EUR', { time: excelSerial('2026-03-01T10:15:30Z') }, 'posted', 'k1', 1, { inline: 'first, with comma\nand a line break' }] },
        { row: 3, cells: ['T2', 'A1', 'C2', -7.5, 'EUR', { date: excelSerial('2026-03-02T00:00:00Z') }, 'posted', 'k2', 2, null] },
        // Row 4 is missing (blank in the sheet); the line numbers still follow the rows.
        { row: 5, cells: ['T3', 'A2', 'C3', 1000, 'JPY', { time: excelSerial('2026-03-02T23:59:59Z') }, { bool: true }, 'k3', 3, 'yen'] },
        { row: 6, cells: ['T4', 'A2', 'C4', { error: '#VALUE!' }, 'EUR', { time: excelSerial('2026-03-03T08:00:00Z') }, 'posted', 'k4', 4, 'broken formula'] },
        { row: 7, cells: [null, null, null, null, null, null, null, null, null, null] },
        { row: 8, cells: [{ inline: 'T5' }, 'A3', 'C5', '1,234.56', 'USD', '2026-03-04T09:00:00Z', 'posted', 'k5', 5, 'amount typed as text'] },
      ],
    },
    { name: 'Notes', rows: [{ row: 1, cells: ['just notes'] }] },
  ]);
}

describe('importFile: Excel workbooks (.xlsx)', () => {
  it('reads the first sheet like its CSV: mapping guessed, numbers as Excel shows them, dates in the declared zone, row numbers as lines', async () => {
    const { db } = tempStore();
    const result = await importFile(db, { filePath: writeTemp('ledger.xlsx', ledgerBook()), kind: 'ledger', actor: 't', timezone: 'Europe/Berlin' });
    expect(result).toMatchObject({ format: 'xlsx', rowsTotal: 5, rowsImported: 4, rowsRejected: 1 });
    expect(result.warnings.join('\n')).toMatch(/read sheet "Ledger", the first of 2/);
    const records = db.prepare('SELECT line, external_id, amount_minor, currency, ts_ms, status, sequence, description FROM records ORDER BY line').all();
    expect(records).toEqual([
      { line: 2, external_id: 'T1', amount_minor: 1230, currency: 'EUR', ts_ms: Date.parse('2026-03-01T09:15:30Z'), status: 'posted', sequence: 1, description: 'first, with comma and a line break' },
      { line: 3, external_id: 'T2', amount_minor: -750, currency: 'EUR', ts_ms: Date.parse('2026-03-01T23:00:00Z'), status: 'posted', sequence: 2, description: null },
      { line: 5, external_id: 'T3', amount_minor: 1000, currency: 'JPY', ts_ms: Date.parse('2026-03-02T22:59:59Z'), status: 'TRUE', sequence: 3, description: 'yen' },
      { line: 8, external_id: 'T5', amount_minor: 123456, currency: 'USD', ts_ms: Date.parse('2026-03-04T09:00:00Z'), status: 'posted', sequence: 5, description: 'amount typed as text' },
    ]);
    const rejected = db.prepare('SELECT line, column_name, raw, reason FROM rejected_rows').all() as { line: number; column_name: string; raw: string; reason: string }[];
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line: 6, column_name: 'amount' });
    expect(rejected[0]!.raw).toContain('#VALUE!');
    const source = db.prepare('SELECT format, mapping_json FROM sources').get() as { format: string; mapping_json: string };
    expect(source.format).toBe('xlsx');
    expect(JSON.parse(source.mapping_json)).toMatchObject({ format: 'xlsx', sheet: 'Ledger' });
    db.close();
  });

  it('reads another sheet when the mapping names it, and says which sheets exist when it does not', async () => {
    const book = xlsxFixture([
      { name: 'Cover', rows: [{ row: 1, cells: ['Report'] }] },
      { name: 'Payouts', rows: [{ row: 1, cells: ['ref', 'account', 'amount', 'currency', 'settled_at', 'fee', 'status', 'description'] }, { row: 2, cells: ['P1', 'A1', 99.99, 'GBP', { time: excelSerial('2026-01-31T12:00:00Z') }, 0.3, 'paid', 'x'] }] },
    ]);
    const file = writeTemp('payouts.xlsx', book);
    const { db } = tempStore();
    const result = await importFile(db, { filePath: file, kind: 'processor', actor: 't', mapping: { sheet: 'Payouts' } });
    expect(result).toMatchObject({ format: 'xlsx', rowsImported: 1, rowsRejected: 0 });
    expect(db.prepare('SELECT amount_minor, fee_minor, ts_ms FROM records').get()).toEqual({ amount_minor: 9999, fee_minor: 30, ts_ms: Date.parse('2026-01-31T12:00:00Z') });
    await expect(importFile(db, { filePath: file, kind: 'processor', actor: 't', allowDuplicateFile: true, mapping: { sheet: 'Nope' } }))
      .rejects.toThrow(/no sheet named "Nope" \(sheets: "Cover", "Payouts"\)/);
    db.close();
  });

  it('a truncated workbook fails clearly and writes nothing', async () => {
    const book = ledgerBook();
    const { db } = tempStore();
    await expect(importFile(db, { filePath: writeTemp('cut.xlsx', book.subarray(0, Math.floor(book.length / 2))), kind: 'ledger', actor: 't' }))
      .rejects.toThrow(/cut\.xlsx: .*(truncated|ZIP)/);
    expect(db.prepare('SELECT COUNT(*) FROM sources').pluck().get()).toBe(0);
    db.close();
  });

  it('previews like a CSV: header, cells and normalized rows', async () => {
    const preview = await previewImport({ filePath: writeTemp('preview.xlsx', ledgerBook()), timezone: 'UTC' });
    expect(preview.format).toBe('xlsx');
    expect(preview.header).toEqual(HEADER);
    expect(preview.rows[0]).toEqual({ line: 2, cells: ['T1', 'A1', 'C1', '12.3', 'EUR', '2026-03-01 10:15:30', 'posted', 'k1', '1', 'first, with comma and a line break'] });
    expect(preview.normalized.find((r) => r.line === 6)).toMatchObject({ ok: false });
  });
});

describe('xlsx values', () => {
  it('numbers read as Excel shows them (15 significant digits), never in exponent notation', () => {
    expect(numberText('12.300000000000001')).toBe('12.3');
    expect(numberText('0.1')).toBe('0.1');
    expect(numberText('-1234567.89')).toBe('-1234567.89');
    expect(numberText('100')).toBe('100');
    expect(numberText('1E-7')).toBe('0.0000001');
    // Excel keeps 15 significant digits; beyond 2^53 so does this.
    expect(numberText('9007199254740993')).toBe('9007199254740990');
  });

  it('date serials in both the 1900 and the 1904 systems; date formats recognised, money formats not', () => {
    expect(serialToText(45000, false)).toBe('2023-03-15');
    expect(serialToText(45000.5, false)).toBe('2023-03-15 12:00:00');
    expect(serialToText(45000 - 1462, true)).toBe('2023-03-15');
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(4, undefined)).toBe(false);
    expect(isDateFormat(164, 'dd/mm/yyyy hh:mm')).toBe(true);
    expect(isDateFormat(165, '#,##0.00\\ "€";[Red]\\-#,##0.00\\ "€"')).toBe(false);
    expect(isDateFormat(166, '[$-409]h:mm AM/PM')).toBe(true);
    expect(isDateFormat(167, '"Days: "0')).toBe(false);
  });
});
