import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './harness/fixtures';
import { excelSerial, xlsxFixture } from '../helpers/xlsxFixture';

test('import wizard: preview, answer the date question, import, see and export rejected rows', async ({ app }) => {
  const { page } = app;
  const file = join(app.storeDir, 'bank-export.csv');
  writeFileSync(file, 'id,amount,currency,date\nA1,10.00,EUR,01/02/2024\nA2,5.5,EUR,03/04/2024\nA3,abc,EUR,05/06/2024\n');

  await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Import', { exact: true }).click();
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  await expect(page.getByRole('table', { name: 'Preview rows' })).toContainText('A1');
  await expect(page.getByText('A question before importing')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await expect(page.getByLabel('Validation summary')).toContainText('In the first 3 rows: 2 normalize cleanly, 1 would be rejected');
  await app.screenshot('import-preview');

  await page.getByRole('combobox', { name: /Which order do the dates/ }).click();
  await page.getByRole('option', { name: 'day/month/year' }).click();
  await page.getByRole('button', { name: 'Preview again' }).click();
  await expect(page.getByRole('table', { name: 'Preview rows' })).toContainText('2024-02-01');
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  const result = page.getByRole('status').filter({ hasText: 'Imported "bank-export.csv"' });
  await expect(result).toContainText('3 rows: 2 imported, 1 rejected');
  await result.getByRole('button', { name: 'See the rejected rows' }).click();
  const rejected = page.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected).toContainText('not an amount');
  await expect(rejected.getByRole('row').nth(1)).toContainText('4');

  const out = join(app.storeDir, 'rejected.csv');
  // The harness has no native save dialog: Browse… says so and the path can still be typed.
  await page.getByRole('button', { name: 'Choose where to save' }).click();
  await expect(page.getByText('No save dialog is available here; type the file path instead.')).toBeVisible();
  await page.getByLabel('Export to CSV file').fill(out);
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByText('1 rows written to')).toBeVisible();
  expect(existsSync(out)).toBe(true);
  expect(readFileSync(out, 'utf8')).toContain('A3,abc,EUR,05/06/2024');
  await app.screenshot('import-rejected');
});

test('import wizard: a file that is not a ledger gets a clear error, nothing is written', async ({ app }) => {
  const { page } = app;
  const file = join(app.storeDir, 'picture.png');
  writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0]));
  await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Import', { exact: true }).click();
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('picture.png');
  expect((app.ctx.db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n).toBe(0);
});

test('dropping a file anywhere on the window opens the import wizard on it', async ({ app }) => {
  const { page } = app;
  const file = join(app.storeDir, 'dropped.csv');
  writeFileSync(file, 'id,amount,currency,date\nD1,1.00,USD,2024-05-01\n');
  // The harness's webUtils reports a dropped File's name as its path.
  // Page code as text: this project's node typings have no DOM.
  await page.evaluate(`(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], ${JSON.stringify(file)}));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  })()`);
  await expect(page.getByLabel('File path')).toHaveValue(file);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Preview rows' })).toContainText('D1');
});

test('import wizard: an Excel workbook previews and imports like its CSV', async ({ app }) => {
  const { page } = app;
  const file = join(app.storeDir, 'payouts.xlsx');
  writeFileSync(file, xlsxFixture([{ name: 'Payouts', rows: [
    { row: 1, cells: ['ref', 'account', 'amount', 'currency', 'settled_at', 'fee', 'status', 'description'] },
    { row: 2, cells: ['P1', 'A1', 99.99, 'GBP', { time: excelSerial('2026-01-31T12:00:00Z') }, 0.3, 'paid', 'first'] },
    { row: 3, cells: ['P2', 'A1', { error: '#N/A' }, 'GBP', { time: excelSerial('2026-01-31T13:00:00Z') }, 0.3, 'paid', 'broken'] },
  ] }]));
  await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Import', { exact: true }).click();
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('table', { name: 'Preview rows' });
  await expect(preview).toContainText('settled_at');
  await expect(preview).toContainText('2026-01-31 12:00:00');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported "payouts.xlsx"' })).toContainText('2 rows: 1 imported, 1 rejected');
  expect(app.ctx.db.prepare('SELECT format FROM sources').pluck().get()).toBe('xlsx');
});

const LEDGER_HEADER = 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo';
const PROCESSOR_HEADER = 'ref,account,amount,currency,settled_at,fee,status,description';

test('regression (uiqa 04/06): a refused mapping keeps the editor open with the field at fault; another file is guessed afresh', async ({ app }) => {
  const { page } = app;
  const ledger = join(app.storeDir, 'ledger.csv');
  writeFileSync(ledger, `${LEDGER_HEADER}\nT1,A,C,1.00,USD,2026-01-01T00:00:00Z,posted,k1,1,\n`);
  const processor = join(app.storeDir, 'processor.csv');
  writeFileSync(processor, `${PROCESSOR_HEADER}\nP1,A,2.00,USD,2026-01-01T00:00:00Z,0.10,paid,x\n`);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Import', { exact: true }).click();
  await page.getByLabel('File path').fill(ledger);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const mapping = page.getByLabel('Column mapping');
  await expect(mapping).toHaveValue(/"amount": "amount"/);

  await mapping.fill((await mapping.inputValue()).replace('"amount": "amount"', '"amount": "amt"'));
  await page.getByRole('button', { name: 'Preview again' }).click();
  await expect(page.getByText('Field "amount" names column "amt", which is not in the header')).toBeVisible();
  await expect(mapping).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Use the guessed mapping' }).click();
  await page.getByRole('button', { name: 'Preview again' }).click();
  await expect(page.getByRole('table', { name: 'Preview rows' })).toContainText('T1');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();

  await page.getByLabel('File path').fill(processor);
  await page.getByRole('button', { name: 'Preview again' }).click();
  await expect(page.getByRole('table', { name: 'Preview rows' })).toContainText('P1');
  await expect(mapping).toHaveValue(/"externalId": "ref"/);
  // The processor's shape picks its kind while the user has not chosen one.
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('processor');
});

test('regression (uiqa 09): the same file again is refused beside Import, naming the source, with "Import as a new source anyway"', async ({ app }) => {
  const { page } = app;
  const file = join(app.storeDir, 'ledger.csv');
  writeFileSync(file, `${LEDGER_HEADER}\nT1,A,C,1.00,USD,2026-01-01T00:00:00Z,posted,k1,1,\nT2,A,C,x,USD,2026-01-01T00:00:00Z,posted,k2,2,\n`);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Import', { exact: true }).click();
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported "ledger.csv" as source #1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'This file is already in the workspace' });
  await expect(refusal).toContainText('source #1 "ledger.csv"');
  await expect(refusal).toBeInViewport();
  await refusal.getByRole('button', { name: 'source #1 "ledger.csv"' }).click();
  const sourcePage = page.getByRole('dialog');
  await expect(sourcePage.getByLabel('Source settings')).toContainText('point (1,234.56)');
  await expect(sourcePage.getByRole('table', { name: 'Rejected rows' })).toContainText('not an amount');
  await page.keyboard.press('Escape');

  await refusal.getByRole('button', { name: 'Import as a new source anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported "ledger.csv" as source #2' })).toBeVisible();
});

test('regression (uiqa 23): the validation summary is a sample; "Check the whole file" counts every row without storing one', async ({ app }) => {
  const { page } = app;
  const file = join(app.storeDir, 'big.csv');
  const rows = Array.from({ length: 50 }, (_, i) => `T${i},A,C,${i % 20 === 19 ? 'bad' : '1.00'},USD,2026-01-01T00:00:00Z,posted,k${i},${i + 1},`);
  writeFileSync(file, `${LEDGER_HEADER}\n${rows.join('\n')}\n`);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Import', { exact: true }).click();
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByLabel('Validation summary')).toContainText('In the first 20 rows: 19 normalize cleanly, 1 would be rejected');
  await page.getByRole('button', { name: 'Check the whole file' }).click();
  const check = page.getByRole('status', { name: 'Whole-file check' });
  await expect(check).toContainText('Whole file: 50 rows; 48 would be imported, 2 would be rejected.');
  await expect(check.getByRole('table', { name: 'Rows that would be rejected' })).toContainText('41');
  expect(app.ctx.db.prepare('SELECT COUNT(*) FROM sources').pluck().get()).toBe(0);
});

test('Sources table: a source opens its page with each warning on its own line; cancelled imports are hidden until asked', async ({ app }) => {
  const { page } = app;
  const file = join(app.storeDir, 'ledger.csv');
  writeFileSync(file, `${LEDGER_HEADER}\nT1,A,C,1.00,USD,2026-01-01T00:00:00Z,posted,k1,1,\n`);
  const imported = await app.ctx.engine.call((api) => api.importFile(app.storeDir, { filePath: file, kind: 'ledger', actor: 'e2e' }));
  app.ctx.db.prepare(`INSERT INTO sources (name, kind, format, file_name, sha256, byte_size, status, created_at) VALUES ('stopped.csv', 'ledger', 'csv', 'stopped.csv', 'x', 1, 'cancelled', 0)`).run();
  await page.reload();
  const sources = page.getByRole('table', { name: 'Sources' });
  await expect(sources.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Show them' }).click();
  await expect(sources.getByRole('row')).toHaveCount(3);
  await sources.getByRole('button', { name: 'ledger.csv', exact: true }).click();
  const warnings = page.getByRole('dialog').getByRole('list', { name: 'Source warnings' });
  await expect(warnings.getByRole('listitem')).toHaveCount(imported.warnings.length);
  await expect(page.getByRole('dialog')).toContainText(imported.sha256);
});
