import { test as base, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext, sourceEngineWorkerPath } from '../../../main/createContext';
import { dispatch } from '../../../main/ipc/dispatch';
import { announceDroppedFile } from '../../../main/ipc/droppedFile';
import type { UseCaseContext } from '../../../main/usecases/context';
import { isTrustedRendererUrl } from '../../../main/window/securityPolicy';
import { DROP_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../preload/contract';
import { buildPreloadForBrowser } from './buildPreloadForBrowser';
import { serveRenderer } from './serveRenderer';

const repoRoot = resolve(import.meta.dirname, '../../..');
export const ARTIFACTS_DIR = join(repoRoot, 'test/e2e/artifacts');

let preloadCode: Promise<string> | null = null;

export interface AppHarness {
  page: Page;
  ctx: UseCaseContext;
  storeDir: string;
  /** Saves a full-page screenshot as a test artifact (never committed). */
  screenshot(name: string): Promise<string>;
}

/**
 * Everything but Electron itself: the built renderer over 127.0.0.1, the real preload bundled with
 * `electron` shimmed, and the real main handlers on a fresh temporary workspace.
 */
export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use) => {
    const storeDir = mkdtempSync(join(tmpdir(), 'recon-e2e-'));
    const { url, server } = await serveRenderer(join(repoRoot, 'out/renderer'));
    const ctx = createContext({
      storeDir,
      engineWorkerPath: sourceEngineWorkerPath(),
      actor: 'e2e-analyst',
      emit: (event, payload) => {
        void page
          .evaluate(([channel, name, data]) => {
            (globalThis as unknown as { __reconHarnessEmit?: (...a: unknown[]) => void }).__reconHarnessEmit?.(channel, name, data);
          }, [EVENT_CHANNEL, event, payload] as const)
          .catch(() => {});
      },
    });
    await page.exposeBinding('__reconHarnessInvoke', async (source, channel: unknown, method: unknown, request: unknown) => {
      if (channel !== INVOKE_CHANNEL || !isTrustedRendererUrl(source.frame.url(), url)) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Request refused: unknown sender' } };
      }
      return dispatch(ctx, method, request);
    });
    await page.exposeBinding('__reconHarnessSend', (source, channel: unknown, path: unknown) => {
      if (channel === DROP_CHANNEL && isTrustedRendererUrl(source.frame.url(), url)) announceDroppedFile(ctx, path);
    });
    preloadCode ??= buildPreloadForBrowser();
    await page.addInitScript({ content: await preloadCode });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    // As a user would: act once the app is on screen (its keyboard handlers attach as it mounts).
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await use({
      page,
      ctx,
      storeDir,
      screenshot: async (name) => {
        const path = join(ARTIFACTS_DIR, `${name}.png`);
        // A full-page capture of a scrolled page with an open drawer stitches fixed layers oddly;
        // with a dialog open, the viewport is what the user sees.
        const dialogOpen = (await page.locator('[role="dialog"]:visible').count()) > 0;
        if (!dialogOpen) await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
        await page.screenshot({ path, fullPage: !dialogOpen });
        return path;
      },
    });
    await ctx.close();
    server.close();
    rmSync(storeDir, { recursive: true, force: true });
    if (pageErrors.length) throw new Error(`Uncaught errors in the page:\n${pageErrors.join('\n')}`);
  },
});

export { expect } from '@playwright/test';
