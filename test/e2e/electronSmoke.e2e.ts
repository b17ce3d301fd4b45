import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown as string;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const repoRoot = resolve(import.meta.dirname, '../..');

test('the real Electron app starts on an empty workspace', async () => {
  test.skip(!binary, 'Electron binary not installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the harness tests cover the app here');
  const storeDir = mkdtempSync(join(tmpdir(), 'recon-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [repoRoot],
    env: { ...process.env, RECON_STORE: storeDir },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'This workspace is empty' })).toBeVisible();
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
});
