import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

const repoRoot = resolve(import.meta.dirname, '../../..');

/** The real preload entry, bundled for the page with `electron` replaced by the IPC shim. */
export async function buildPreloadForBrowser(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { electron: resolve(repoRoot, 'test/e2e/harness/electronShim.ts') } },
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(repoRoot, 'preload/index.ts'), formats: ['iife'], name: 'ReconPreload' },
    },
  })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput;
  const first = Array.isArray(output) ? output[0]! : output;
  const chunk = first.output.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('preload bundle produced no code');
  return chunk.code;
}
