import { expect, test } from './harness/fixtures';

test('empty workspace → load demo → sources → audit → verify chain', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'This workspace is empty' })).toBeVisible();
  await page.getByRole('button', { name: 'Load demo workspace' }).click();

  const sources = page.getByRole('table', { name: 'Sources' });
  await expect(sources).toBeVisible();
  for (const name of ['demo-ledger', 'demo-processor', 'demo-bank']) {
    await expect(sources.getByText(name, { exact: true })).toBeVisible();
  }
  await expect(sources.getByRole('row')).toHaveCount(4);
  await app.screenshot('workspace-demo');

  await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Audit', { exact: true }).click();
  const entries = page.getByRole('table', { name: 'Audit entries' });
  await expect(entries.getByText('import.completed').first()).toBeVisible();
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status')).toContainText('Chain verified');
  await app.screenshot('audit-verified');
});

test('keyboard navigation and dark theme', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await app.screenshot('audit-dark-empty');
});
