import { dispatch } from '../../main/ipc/dispatch';
import { listRuns } from '../../main/db/queries/runsQueries';
import { listSources } from '../../main/db/queries/sourcesQueries';
import { seedSyntheticBreaks } from '../../main/usecases/bench/syntheticBreaks';
import { expect, test, type AppHarness } from './harness/fixtures';

/** The demo reconciles itself when loaded; this finds its ledger ↔ processor run, or starts one. */
async function ensureRun(app: AppHarness): Promise<void> {
  if (listRuns(app.ctx.db).length > 0) return;
  const sources = listSources(app.ctx.db);
  const left = sources.find((s) => s.name === 'demo-ledger')!;
  const right = sources.find((s) => s.name === 'demo-processor')!;
  const outcome = await dispatch(app.ctx, 'runs:start-run', { leftSourceId: left.id, rightSourceId: right.id });
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  app.ctx.emit('recon:workspace-changed', { reason: 'run' });
}

test('demo → run → dashboard → filter breaks → diff → bulk triage → undo → audit verifies', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Main navigation' });

  // Empty states first: no runs yet says what to do.
  await nav.getByText('Runs', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No runs yet' })).toBeVisible();
  await app.screenshot('analyst-runs-empty');

  await nav.getByText('Workspace', { exact: true }).click();
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await expect(page.getByRole('table', { name: 'Sources' }).getByText('demo-processor', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Task progress')).toHaveCount(0);
  await ensureRun(app);

  // Dashboard.
  await nav.getByText('Runs', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Run dashboard' })).toBeVisible();
  // The demo may hold several runs; pick the ledger ↔ processor one.
  await page.getByRole('combobox', { name: 'Run' }).click();
  await page.getByRole('option', { name: /demo-ledger ↔ demo-processor/ }).first().click();
  const byClass = page.getByRole('table', { name: 'Breaks by class' });
  await expect(byClass).toBeVisible();
  await expect(page.getByRole('img', { name: /Breaks per (hour|day)/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Source frontiers' })).toContainText('demo-ledger');
  await app.screenshot('analyst-dashboard');
  // Regression: the Run select keeps focus after a pick, and shortcuts still work from it.
  await expect(page.getByRole('combobox', { name: 'Run' })).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByRole('table', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  // Dashboard → breaks of one class.
  await byClass.getByRole('button', { name: 'missing_right' }).click();
  await expect(page.getByRole('heading', { name: 'Breaks', exact: true })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Breaks' });
  await expect(grid.getByRole('row').nth(1)).toContainText('missing_right');
  const filteredCount = await page.getByLabel('Matching breaks').textContent();
  await app.screenshot('analyst-breaks-filtered');

  // Clear the class filter, then search: server-side free text.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByLabel('Matching breaks')).not.toHaveText(filteredCount ?? '');
  const allCount = Number((await page.getByLabel('Matching breaks').textContent())!.replace(/\D/g, ''));
  expect(allCount).toBeGreaterThan(5);

  // Keyboard: End/Home jump, / searches and Esc gives the keys back to the table, then move and open the diff.
  await grid.focus();
  await page.keyboard.press('End');
  await expect(grid.locator('[data-cursor]')).toHaveAttribute('aria-rowindex', String(allCount + 1));
  await page.keyboard.press('Home');
  await expect(grid.locator('[data-cursor]')).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await expect(page.getByRole('textbox', { name: 'Search' })).toHaveValue('');
  await expect(grid.locator('[data-cursor]')).toHaveAttribute('aria-rowindex', '3');
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('table', { name: 'Field by field' })).toBeVisible();
  // j/k inside the open diff step to the next and previous break.
  const title = drawer.getByRole('heading', { level: 3 });
  const opened = (await title.textContent())!;
  await page.keyboard.press('j');
  await expect(title).not.toHaveText(opened);
  await expect(grid.locator('[data-cursor]')).toHaveAttribute('aria-rowindex', '4');
  await page.keyboard.press('k');
  await expect(title).toHaveText(opened);
  await expect(drawer.getByLabel('Explanation')).toBeVisible();
  await expect(drawer.getByText(/\.csv:\d+/).first()).toBeVisible();
  await page.waitForTimeout(300); // let the drawer's slide-in finish so the screenshot shows it
  await app.screenshot('analyst-diff');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // Select two breaks with x and investigate them in bulk.
  await grid.focus();
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(grid.locator('[aria-selected="true"]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Investigate' }).click();
  await expect(page.getByRole('status')).toContainText('2 breaks changed');
  // Regression: the scope stays where the user put it once the selection is cleared.
  await expect(page.getByRole('radio', { name: 'Cursor row' })).toBeChecked();

  // With nothing selected, `i` marks the cursor row alone.
  await grid.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('i');
  await expect(page.getByRole('status')).toContainText('1 break changed');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByRole('status')).toContainText('1 break(s) restored');

  // Then the whole filter: every open missing/other break to investigating, after a confirmation naming count and filter.
  await page.locator('label', { hasText: /Whole filter/ }).click();
  await page.getByRole('button', { name: 'Investigate' }).click();
  const confirmAll = page.getByRole('dialog', { name: 'Apply to the whole filter?' });
  await expect(confirmAll).toContainText(`all ${allCount.toLocaleString('en-US')} breaks`);
  await expect(confirmAll.getByTestId('confirm-filter')).toContainText('no filter');
  await confirmAll.getByRole('button', { name: /^Apply to/ }).click();
  await expect(page.getByRole('status')).toContainText(`${allCount - 2} breaks changed`);
  await expect(grid.getByText('investigating').first()).toBeVisible();
  await app.screenshot('analyst-triaged');

  // Undo the last (whole-filter) action.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByRole('status')).toContainText(`${allCount - 2} break(s) restored`);

  // Export the current filter; main writes the file and returns its path.
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText(`Wrote ${allCount} breaks to`);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Help overlay and dark theme.
  await page.keyboard.press('?');
  await expect(page.getByRole('table', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.waitForTimeout(300); // let the modal's fade-in finish so the screenshot shows it
  await app.screenshot('analyst-help');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await app.screenshot('analyst-breaks-dark');

  // Matches tab shows the engine's matched groups in the same diff view.
  await page.getByRole('tab', { name: 'Matches' }).click();
  const matches = page.getByRole('table', { name: 'Matches' });
  await matches.getByRole('row').nth(1).click();
  await expect(page.getByRole('dialog').getByRole('table', { name: 'Field by field' })).toBeVisible();
  // Regression: posted vs succeeded (both "ok") and a time inside the window are shown, not flagged.
  await expect(page.getByRole('dialog').getByRole('table', { name: 'Field by field' })).toContainText('same class: ok');
  await expect(page.getByRole('dialog').locator('[data-differs]')).toHaveCount(0);
  await page.waitForTimeout(300);
  await app.screenshot('analyst-match-diff');
  // Unmatch with a reason.
  await page.getByRole('dialog').getByRole('button', { name: 'Unmatch…' }).click();
  await page.getByRole('textbox', { name: 'Reason' }).fill('wrong counterpart, checked with the bank');
  await page.getByRole('button', { name: 'Unmatch', exact: true }).click();
  const drawer2 = page.getByRole('dialog');
  // Regression: the freed records became breaks, and the drawer says so instead of failing to load the removed match.
  await expect(drawer2.getByRole('status')).toContainText(/Match #\d+ removed; 0 break\(s\) reopened; the freed records are new break\(s\) #\d+, #\d+/);
  await expect(drawer2.getByText('This match no longer exists')).toBeVisible();
  await expect(drawer2.getByText('Could not load the diff')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The freed records are findable breaks; matching them again by hand shows both sides and the deltas first.
  await page.getByRole('tab', { name: 'Breaks' }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill('unmatched');
  await expect(page.getByLabel('Matching breaks')).toHaveText('2 breaks', { timeout: 30_000 });
  await grid.getByRole('row').nth(1).dblclick();
  const freed = page.getByRole('dialog');
  await expect(freed.getByLabel('Explanation')).toContainText('unmatched by hand by');
  await freed.getByRole('button', { name: 'Match with this' }).first().click();
  const preview = page.getByRole('table', { name: 'Match preview' });
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('preview-amount-delta')).toHaveText('none');
  await app.screenshot('analyst-manual-match-preview');
  await page.getByRole('textbox', { name: 'Reason' }).fill('the engine was right after all');
  await page.getByRole('button', { name: 'Match', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText(/Manual match #\d+ created; 2 break\(s\) resolved/);
  await page.keyboard.press('Escape');

  // The audit log holds it all and verifies.
  await nav.getByText('Audit', { exact: true }).click();
  const entries = page.getByRole('table', { name: 'Audit entries' });
  await expect(entries.getByText('triage.undone')).toHaveCount(2);
  await expect(entries.getByText('triage.updated')).toHaveCount(3);
  await expect(entries.getByText('run.completed').first()).toBeVisible();
  await expect(entries.getByText('breaks.exported')).toBeVisible();
  await expect(entries.getByText('match.removed')).toBeVisible();
  await expect(entries.getByText('match.created')).toBeVisible();
  // An entry opens to what it did, to what, and why.
  await entries.getByRole('row').filter({ hasText: 'match.removed' }).first().click();
  await expect(entries.getByLabel(/Audit entry #\d+ detail/)).toContainText('"reason"');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status')).toContainText('Chain verified');
  await app.screenshot('analyst-audit-verified');
});

test('the breaks table renders only visible rows and pages from SQL at 100,000 breaks', async ({ app }) => {
  const { page } = app;
  seedSyntheticBreaks(app.ctx.db, 100_000);
  await page.keyboard.press('g');
  await page.keyboard.press('b');
  const badge = page.getByLabel('Matching breaks');
  await expect(badge).toHaveText('100,000 breaks');
  const grid = page.getByRole('grid', { name: 'Breaks' });
  await expect(grid).toHaveAttribute('aria-rowcount', '100001');
  const domRows = await grid.getByRole('row').count();
  expect(domRows).toBeLessThan(60);

  // Jump to the middle: only the pages in view are fetched, and they arrive.
  await grid.evaluate((el) => (el.scrollTop = 50_000 * 34));
  const middle = grid.locator('[aria-rowindex="50003"]');
  await expect(middle).toContainText('#');
  await expect(middle).not.toContainText('…');
  await app.screenshot('analyst-100k-middle');

  // A whole-filter action over 100,000 breaks asks first; cancelling changes nothing.
  await page.locator('label', { hasText: /Whole filter/ }).click();
  await page.getByRole('button', { name: 'Investigate' }).click();
  const confirm = page.getByRole('dialog', { name: 'Apply to the whole filter?' });
  await expect(confirm).toContainText('100,000');
  await app.screenshot('analyst-100k-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(app.ctx.db.prepare('SELECT COUNT(*) FROM triage_actions').pluck().get()).toBe(0);

  // Sort by amount descending through the header, then search.
  await grid.getByRole('button', { name: /Amount at risk/ }).click();
  await grid.getByRole('button', { name: /Amount at risk/ }).click();
  await expect(grid.getByRole('columnheader', { name: /Amount at risk/ })).toHaveAttribute('aria-sort', 'descending');
  // The run's first search builds its search index (a few seconds at 100k), then answers from it.
  await page.getByRole('textbox', { name: 'Search' }).fill('txn_4242');
  await expect(badge).toHaveText('11 breaks', { timeout: 30_000 });
  await expect(grid.getByRole('row').nth(1)).toContainText('synthetic');
  await app.screenshot('analyst-100k-search');
});
