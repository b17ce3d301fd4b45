import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoFiles } from '../../main/demo/demoFiles';
import { listRuns } from '../../main/db/queries/runsQueries';
import { listSources } from '../../main/db/queries/sourcesQueries';
import { dispatch } from '../../main/ipc/dispatch';
import { expect, test, type AppHarness } from './harness/fixtures';

async function importThroughWizard(app: AppHarness, filePath: string, kind: 'ledger' | 'processor') {
  const { page } = app;
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByLabel('File path').fill(filePath);
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByLabel('Validation summary')).toContainText('normalize cleanly');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('0 rejected');
}

/** The demo's ledger and processor CSVs in the test's store folder, as `${prefix}ledger.csv` and `${prefix}processor.csv`. */
function writeDemoCsvs(app: AppHarness, prefix: string): { ledger: string; processor: string } {
  const files = buildDemoFiles();
  const ledger = join(app.storeDir, `${prefix}ledger.csv`);
  const processor = join(app.storeDir, `${prefix}processor.csv`);
  writeFileSync(ledger, files.ledgerCsv);
  writeFileSync(processor, files.processorCsv);
  return { ledger, processor };
}

test('import two files → new run with an edited rule, preview, run → dashboard → breaks', async ({ app }) => {
  const { page } = app;
  const { ledger, processor } = writeDemoCsvs(app, '');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });

  await nav.getByText('Import', { exact: true }).click();
  await importThroughWizard(app, ledger, 'ledger');
  await importThroughWizard(app, processor, 'processor');

  await nav.getByText('Runs', { exact: true }).click();
  await page.getByRole('button', { name: 'Start a reconciliation' }).click();
  await page.getByRole('combobox', { name: 'Left source' }).click();
  await page.getByRole('option', { name: /^ledger\.csv/ }).click();
  await page.getByRole('combobox', { name: 'Right source' }).click();
  await page.getByRole('option', { name: /^processor\.csv/ }).click();

  // The rule form edits the JSON: widen the exact-key window so the 51 h settlement matches.
  const after = page.getByRole('textbox', { name: 'exact-key window after' });
  await expect(after).toHaveValue('24');
  await after.fill('72');
  await expect(page.getByRole('textbox', { name: 'Rule set JSON' })).toHaveValue(/"maxDeltaMs": 259200000/);
  await page.getByRole('button', { name: 'Preview on a sample' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Preview:' })).toContainText('of a sample matched');

  // A broken rule set is refused before it can run, with the path at fault.
  const json = page.getByRole('textbox', { name: 'Rule set JSON' });
  const good = await json.inputValue();
  await json.fill(good.replace('"version": 1', '"version": 0'));
  await expect(page.getByRole('alert').filter({ hasText: 'The rule set is not valid' })).toContainText('rules.version');
  await expect(page.getByRole('button', { name: 'Run reconciliation' })).toBeDisabled();
  await json.fill(good);
  await expect(page.getByRole('alert').filter({ hasText: 'The rule set is not valid' })).toHaveCount(0);
  await app.screenshot('new-run');

  await page.getByRole('button', { name: 'Run reconciliation' }).click();
  await expect(page.getByRole('heading', { name: 'Run dashboard' })).toBeVisible();
  const byClass = page.getByRole('table', { name: 'Breaks by class' });
  await expect(byClass).toContainText('status_mismatch');
  await expect(byClass.getByRole('row').filter({ hasText: 'delay' })).toContainText('0');
  await app.screenshot('new-run-dashboard');

  // Export the run's matches and breaks as `recon export` writes them; an existing file is not replaced silently.
  await page.getByRole('button', { name: 'Export results…' }).click();
  const exportDialog = page.getByRole('dialog', { name: /Export run #\d+ as CSV/ });
  const matchesCsv = join(app.storeDir, 'ui-matches.csv');
  await exportDialog.getByRole('textbox', { name: 'File' }).fill(matchesCsv);
  await exportDialog.getByRole('button', { name: 'Export matches' }).click();
  await expect(exportDialog.getByRole('status')).toContainText(/Wrote [\d,]+ matches of run #\d+ to/);
  expect(readFileSync(matchesCsv, 'utf8').split('\n')[0]).toBe('left_ids,right_ids,strategy,amount_delta_minor,time_delta_ms');
  await exportDialog.getByRole('button', { name: 'Export matches' }).click();
  await expect(exportDialog.getByRole('alert')).toContainText('already exists');
  await exportDialog.getByText('Breaks', { exact: true }).click();
  const breaksCsv = join(app.storeDir, 'ui-breaks.csv');
  await exportDialog.getByRole('textbox', { name: 'File' }).fill(breaksCsv);
  await exportDialog.getByRole('button', { name: 'Export breaks' }).click();
  await expect(exportDialog.getByRole('status')).toContainText(/Wrote [\d,]+ breaks/);
  expect(readFileSync(breaksCsv, 'utf8').split('\n')[0]).toBe('class,left_ids,right_ids,amount_minor,currency,blast_radius,explanation');
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  // Re-run: the same sources, starting from the rules this run used (72 h), not the defaults.
  await page.getByRole('button', { name: 'Re-run with these rules…' }).click();
  const panel = page.getByLabel('New reconciliation');
  await expect(panel.getByRole('combobox', { name: 'Left source' })).toHaveValue(/^ledger\.csv/);
  await expect(panel.getByRole('combobox', { name: 'Right source' })).toHaveValue(/^processor\.csv/);
  await expect(panel.getByRole('combobox', { name: 'Rule set' })).toHaveValue(/^ledger-processor@1 · used by run #\d+/);
  await expect(after).toHaveValue('72');
  // Swapping the sides would start from other rules: edits are not replaced without asking.
  await after.fill('48');
  await panel.getByRole('combobox', { name: 'Left source' }).click();
  await page.getByRole('option', { name: /^processor\.csv/ }).click();
  await panel.getByRole('combobox', { name: 'Right source' }).click();
  await page.getByRole('option', { name: /^ledger\.csv/ }).click();
  const ask = panel.getByRole('alert').filter({ hasText: 'Replace your edited rules?' });
  await expect(ask).toContainText('Built-in defaults for processor ↔ ledger');
  await app.screenshot('rerun-replace-edited-rules');
  await expect(panel.getByRole('button', { name: 'Run reconciliation' })).toBeDisabled();
  await ask.getByRole('button', { name: 'Keep my edits' }).click();
  await expect(ask).toHaveCount(0);
  await expect(after).toHaveValue('48');
  await panel.getByRole('combobox', { name: 'Rule set' }).click();
  await page.getByRole('option', { name: /^Built-in defaults/ }).click();
  await expect(after).toHaveValue('24');
  await panel.getByRole('button', { name: 'Close' }).click();

  await byClass.getByRole('button', { name: 'missing_right' }).click();
  await expect(page.getByRole('grid', { name: 'Breaks' }).getByRole('row')).toHaveCount(4);
});

test('a new run on an empty workspace imports both sources on the spot, then runs', async ({ app }) => {
  const { page } = app;
  const { ledger, processor } = writeDemoCsvs(app, 'spot-');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Runs', { exact: true }).click();
  await page.getByRole('button', { name: 'Start a reconciliation' }).click();
  await expect(page.getByText('A run needs two imported sources (0 so far)')).toBeVisible();

  for (const [side, file, kind] of [['left', ledger, 'ledger'], ['right', processor, 'processor']] as const) {
    await page.getByRole('button', { name: `Import the ${side} source…` }).click();
    const dialog = page.getByRole('dialog', { name: `Import the ${side} source` });
    await dialog.getByLabel('File path').fill(file);
    await dialog.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: kind, exact: true }).click();
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Imported' })).toContainText('0 rejected');
    if (side === 'right') await app.screenshot('new-run-import-on-the-spot');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
  await expect(page.getByRole('combobox', { name: 'Left source' })).toHaveValue(/^spot-ledger\.csv/);
  await expect(page.getByRole('combobox', { name: 'Right source' })).toHaveValue(/^spot-processor\.csv/);
  await page.evaluate(() => {
    // The page's own globals (the test project has no DOM types).
    const page = globalThis as unknown as { progressSeen: unknown[]; recon: { on(event: string, listener: (payload: unknown) => void): unknown } };
    page.progressSeen = [];
    page.recon.on('recon:progress', (event) => page.progressSeen.push(event));
  });
  await page.getByRole('button', { name: 'Run reconciliation' }).click();
  await expect(page.getByRole('heading', { name: 'Run dashboard' })).toBeVisible();

  // Progress regression: human step names, steps that never go back, no engine phase names.
  const seen = await page.evaluate(() => (globalThis as unknown as { progressSeen: { phase: string; step?: { index: number; count: number } }[] }).progressSeen);
  const steps = seen.map((e) => e.step!.index);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));
  expect(seen.map((e) => e.phase)).toEqual(expect.arrayContaining(['Reading sources', 'Matching: exact key', 'Classifying leftovers', 'Saving results']));
  expect(seen.some((e) => /^(load|loading|index|leftovers|persist|done|pass:)/.test(e.phase))).toBe(false);
  await expect(page.getByRole('table', { name: 'Breaks by class' })).toContainText('missing_right');
});

test('a cancelled run says so wherever it is listed and shows no zero results', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByText('Workspace', { exact: true }).click();
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await expect(page.getByRole('table', { name: 'Sources' }).getByText('demo-processor', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Task progress')).toHaveCount(0);

  // Cancelled before its first step: the task is registered synchronously when the run starts.
  const sources = listSources(app.ctx.db);
  const left = sources.find((s) => s.name === 'demo-ledger')!;
  const right = sources.find((s) => s.name === 'demo-processor')!;
  const started = dispatch(app.ctx, 'runs:start-run', { leftSourceId: left.id, rightSourceId: right.id, taskId: 'run-cancel-e2e' });
  await dispatch(app.ctx, 'task:cancel-task', { taskId: 'run-cancel-e2e' });
  const outcome = await started;
  expect(outcome.ok ? 'ok' : outcome.error.code).toBe('CANCELLED');
  const cancelled = listRuns(app.ctx.db).find((r) => r.status === 'cancelled')!;

  await expect(page.getByRole('table', { name: 'Runs' }).getByRole('row').filter({ hasText: `#${cancelled.id}` })).toContainText('cancelled');
  await nav.getByText('Runs', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Run' }).click();
  await page.getByRole('option', { name: new RegExp(`#${cancelled.id} `) }).click();
  await expect(page.getByRole('combobox', { name: 'Run' })).toHaveValue(new RegExp(`^#${cancelled.id} \\(cancelled\\) demo-ledger`));
  await expect(page.getByRole('status').filter({ hasText: `Run #${cancelled.id} was cancelled` })).toContainText('It has no results');
  await expect(page.getByLabel('Matched', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export results…' })).toBeDisabled();
  await app.screenshot('cancelled-run-dashboard');

  await nav.getByText('Breaks', { exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Run #${cancelled.id} was cancelled` })).toBeVisible();
  await expect(page.getByText('No breaks match this filter')).toHaveCount(0);
});
