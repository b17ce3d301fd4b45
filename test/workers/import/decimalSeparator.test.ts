import { describe, expect, it } from 'vitest';
import type { Db } from '../../../main/db/openWorkspace';
import { previewImport } from '../../../workers/engine/previewImport';
import { ImportError } from '../../../workers/import/errors';
import { importFile } from '../../../workers/import/importFile';
import { tempStore, writeTemp } from './helpers';

const LEDGER = 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo';

function ledger(rows: [id: string, amount: string, currency: string][]): string {
  return `${[LEDGER, ...rows.map(([id, amount, currency], i) => `${id},acct_1,c,"${amount}",${currency},2026-03-02T10:00:00Z,posted,i${i},${i + 1},`)].join('\n')}\n`;
}

function amounts(db: Db, sourceId: number): Record<string, number> {
  const rows = db.prepare('SELECT external_id, amount_minor FROM records WHERE source_id = ? ORDER BY line').all(sourceId) as { external_id: string; amount_minor: number }[];
  return Object.fromEntries(rows.map((r) => [r.external_id, r.amount_minor]));
}

function rejected(db: Db, sourceId: number): [number, string | null, string][] {
  return (db.prepare('SELECT line, column_name, reason FROM rejected_rows WHERE source_id = ? ORDER BY line').all(sourceId) as { line: number; column_name: string | null; reason: string }[])
    .map((r) => [r.line, r.column_name, r.reason]);
}

async function refusal(p: Promise<unknown>): Promise<ImportError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('decimal separator: one per file, decided from its amounts, never per value', () => {
  it('regression (xcheck kwd): "1,234" in a file whose amounts use "." is 1,234.000 KWD, not 1.234', async () => {
    const { db } = tempStore();
    const file = writeTemp('kwd.csv', ledger([['x1', '1,234.500', 'KWD'], ['x2', '1,234', 'KWD'], ['x3', '12,345', 'BHD'], ['x4', '1,500', 'USD']]));
    const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 't' });
    expect(amounts(db, r.sourceId)).toEqual({ x1: 1234500, x2: 1234000, x3: 12345000, x4: 150000 });
    expect(r.warnings).toContain('amounts read with "." as the decimal separator (line 2, column "amount": "1,234.500")');
  });

  it('regression (xcheck sep_mixed): amounts written with the other separator are rejected with line, column and reason', async () => {
    const { db } = tempStore();
    const file = writeTemp('mixed.csv', ledger([
      ['a', '1,234.56', 'USD'], ['b', '10.50', 'USD'], ['c', '1,23', 'USD'], ['d', '1.234,56', 'USD'], ['e', '1,234', 'USD'], ['f', '0,5', 'USD'], ['g', '2,000.25', 'USD'], ['h', '99.99', 'USD'],
    ]));
    const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 't' });
    expect(amounts(db, r.sourceId)).toEqual({ a: 123456, b: 1050, e: 123400, g: 200025, h: 9999 });
    expect(rejected(db, r.sourceId)).toEqual([
      [4, 'amount', 'amount "1,23" has "," as its decimal separator, but this file\'s decimal separator is "."'],
      [5, 'amount', 'amount "1.234,56" has "," as its decimal separator, but this file\'s decimal separator is "."'],
      [7, 'amount', 'amount "0,5" has "," as its decimal separator, but this file\'s decimal separator is "."'],
    ]);
    // "1,234" USD shows "." by itself too (4 cannot be a third decimal of a cent): 5 of the 8.
    expect(r.warnings).toContain('amounts read with "." as the decimal separator, as 5 of the 8 that show one do (line 2, column "amount": "1,234.56"); amounts written with "," as the decimal separator (line 4, column "amount": "1,23") are rejected');
  });

  it('the currency settles a lone separator before three digits: a JPY file of "12,345" needs no question', async () => {
    const { db } = tempStore();
    const jpy = await importFile(db, { filePath: writeTemp('jpy.csv', ledger([['j1', '12,345', 'JPY'], ['j2', '500', 'JPY']])), kind: 'ledger', actor: 't' });
    expect(amounts(db, jpy.sourceId)).toEqual({ j1: 12345, j2: 500 });
    expect(jpy.warnings).toContain('amounts read with "." as the decimal separator (line 2, column "amount": "12,345")');
    // Round thousands too (xcheck R4): no export writes a yen, or a cent amount, with three decimals.
    const round = await importFile(db, { filePath: writeTemp('round.csv', ledger([['r1', '1,000', 'JPY'], ['r2', '25,000', 'JPY'], ['u1', '1,500', 'USD']])), kind: 'ledger', actor: 't' });
    expect(amounts(db, round.sourceId)).toEqual({ r1: 1000, r2: 25000, u1: 150000 });
    // KWD has three decimals: "1,500" is 1.500 or 1,500.000, a question.
    const error = await refusal(importFile(db, { filePath: writeTemp('kwd.csv', ledger([['k1', '1,500', 'KWD']])), kind: 'ledger', actor: 't' }));
    expect(error.message).toMatch(/decimalSeparator/);
  });

  it('a decimal-comma file reads "1.234" as one thousand two hundred thirty-four, in debit, credit and fee columns alike', async () => {
    const { db } = tempStore();
    const file = writeTemp('eu.csv', 'Date;Ref;Debit;Credit;Fee;Currency\n2024-01-31;r1;1.234;;0,25;EUR\n2024-02-01;r2;;12,5;;EUR\n2024-02-02;r3;1.000.000;;;EUR\n');
    const r = await importFile(db, { filePath: file, kind: 'bank', actor: 't', mapping: { columns: { timestamp: 'Date', externalId: 'Ref', debit: 'Debit', credit: 'Credit', fee: 'Fee', currency: 'Currency' } } });
    expect(amounts(db, r.sourceId)).toEqual({ r1: -123400, r2: 1250, r3: -100000000 });
    // "1.234" EUR already shows it: a cent has two decimals, so "." groups thousands.
    expect(r.warnings).toContain('amounts read with "," as the decimal separator (line 2, column "Debit": "1.234")');
  });

  it('a tie is a question, answered with "decimalSeparator" in the mapping', async () => {
    const { db } = tempStore();
    // "2,500" KWD (three decimals) could be either, so the two that show a separator tie.
    const file = writeTemp('tie.csv', ledger([['z1', '1,500.00', 'USD'], ['z2', '1,50', 'USD'], ['z3', '2,500', 'KWD']]));
    const e = await refusal(importFile(db, { filePath: file, kind: 'ledger', actor: 't' }));
    expect(e.message).toBe('tie.csv: amounts disagree on the decimal separator, as many one way as the other (line 2, column "amount": "1,500.00" uses "."; line 3, column "amount": "1,50" uses ","); set "decimalSeparator": "." or "," in the mapping');
    expect(e.question).toMatchObject({ key: 'decimalSeparator', choices: ['.', ','] });
    const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 't', mapping: { decimalSeparator: ',' } });
    expect(amounts(db, r.sourceId)).toEqual({ z2: 150, z3: 2500 });
    expect(rejected(db, r.sourceId)).toEqual([[2, 'amount', 'amount "1,500.00" has "." as its decimal separator, but this file\'s decimal separator is ","']]);
  });

  it('only ambiguous amounts in the head: the rest of the file is read for evidence before asking', async () => {
    const rows: [string, string, string][] = [];
    for (let i = 0; i < 2500; i++) rows.push([`t${i}`, '1,234', 'KWD']);
    const { db } = tempStore();
    const undecidable = writeTemp('amb.csv', ledger(rows));
    const e = await refusal(importFile(db, { filePath: undecidable, kind: 'ledger', actor: 't' }));
    expect(e.message).toMatch(/no amount shows which decimal separator the file uses, and some read differently with "\." and "," \(line 2, column "amount": "1,234"\)/);
    expect(e.question?.key).toBe('decimalSeparator');

    rows.push(['late', '2,000.125', 'KWD']);
    const settled = writeTemp('late.csv', ledger(rows).padEnd(300_000, '\n'));
    const r = await importFile(db, { filePath: settled, kind: 'ledger', actor: 't' });
    expect(r.rowsRejected).toBe(0);
    expect(amounts(db, r.sourceId)).toMatchObject({ t0: 1234000, t2499: 1234000, late: 2000125 });
    expect(r.warnings).toContain('amounts read with "." as the decimal separator (line 2502, column "amount": "2,000.125")');
  });

  it('no separator in the head: the rest of the file is read and its majority decides, so one stray amount does not (xcheck R2)', async () => {
    const rows: [string, string, string][] = [];
    for (let i = 0; i < 2100; i++) rows.push([`t${i}`, String(i), 'EUR']);
    // "12,5" comes first but three amounts after it use ".": the file's separator is ".".
    rows.push(['stray', '12,5', 'EUR'], ['a', '10.25', 'EUR'], ['b', '1,500.75', 'EUR'], ['c', '1,500', 'USD']);
    const file = writeTemp('late.csv', ledger(rows));
    for (const parallel of [false, true]) {
      const { db } = tempStore();
      const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 't', parallel, chunkRows: 500 });
      expect(amounts(db, r.sourceId)).toMatchObject({ t7: 700, a: 1025, b: 150075, c: 150000 });
      expect(rejected(db, r.sourceId)).toEqual([[2102, 'amount', 'amount "12,5" has "," as its decimal separator, but this file\'s decimal separator is "."']]);
      expect(r.warnings).toContain('amounts read with "." as the decimal separator, as 3 of the 4 that show one do (line 2103, column "amount": "10.25"); amounts written with "," as the decimal separator (line 2102, column "amount": "12,5") are rejected');
    }
  });

  it('the parse worker decides exactly as the in-thread path does', async () => {
    const rows: [string, string, string][] = [];
    for (let i = 0; i < 3000; i++) rows.push([`t${i}`, i % 7 === 0 ? `${i},5` : i % 11 === 0 ? `1.${String(i).padStart(3, '0')},25` : `${i}.${i % 10}`, 'EUR']);
    const file = writeTemp('both.csv', ledger(rows));
    const outcomes = [];
    for (const parallel of [false, true]) {
      const { db } = tempStore();
      const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 't', parallel, chunkRows: 400 });
      outcomes.push({ r: { ...r, sourceId: 0 }, amounts: amounts(db, r.sourceId), rejected: rejected(db, r.sourceId) });
    }
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[0]!.rejected.length).toBeGreaterThan(0);
  });

  it('the preview shows the decision in its mapping and notes, and a question when there is one', async () => {
    const decided = await previewImport({ filePath: writeTemp('p.csv', ledger([['a', '12,50', 'EUR']])) });
    expect(decided.mapping).toMatchObject({ decimalSeparator: ',' });
    expect(decided.questions).toEqual([]);
    expect(decided.warnings).toContain('amounts read with "," as the decimal separator (line 2, column "amount": "12,50")');

    // Two open questions at once: both are asked, the rows shown with provisional answers.
    const file = writeTemp('q.csv', 'ref,amount,currency,date\nr1,"1,234",KWD,02/01/2024\nr2,"2,500",KWD,03/04/2024\n');
    const open = await previewImport({ filePath: file });
    expect(open.questions.map((q) => q.key)).toEqual(['dateOrder', 'decimalSeparator']);
    expect(open.questions[1]!.prompt).toBe('Which character separates the decimals in the amounts (line 2, column "amount": "1,234")?');
    expect(open.mapping).not.toHaveProperty('decimalSeparator');
    expect(open.normalized.every((n) => n.ok)).toBe(true);
  });

  it('amounts in minor units have no decimals, so no separator is decided or asked for', async () => {
    const { db } = tempStore();
    const file = writeTemp('minor.csv', ledger([['a', '1,234', 'USD'], ['b', '5', 'USD']]));
    const r = await importFile(db, { filePath: file, kind: 'ledger', actor: 't', mapping: { amountUnit: 'minor' } });
    expect(amounts(db, r.sourceId)).toEqual({ a: 1234, b: 5 });
  });
});
