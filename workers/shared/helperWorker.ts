import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, workerData } from 'node:worker_threads';

/**
 * Starts one of the engine's helper threads, whose entry `<name>.ts` sits beside the module at
 * `callerUrl`: in the app, at the path main's bundle gave the engine in workerData[`dataKey`]; from
 * TypeScript sources (CLI, tests, bench) through `<name>.bootstrap.mjs` (Node 20 cannot start a .ts
 * worker); in another bundle, `<name>.js` beside it. Null when none of them can start, so callers
 * do the work in their own thread instead.
 */
export function startHelperWorker(name: string, dataKey: string, callerUrl: string): Worker | null {
  const given = (workerData as Record<string, unknown> | null)?.[dataKey];
  if (typeof given === 'string') return existsSync(given) ? spawn(given) : null;
  // Under tsx the module URL carries a query (?tsx-namespace=…); only the path tells source from bundle.
  const here = new URL(callerUrl);
  const fromSource = here.pathname.endsWith('.ts');
  const url = new URL(fromSource ? `./${name}.bootstrap.mjs` : `./${name}.js`, here);
  url.search = '';
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return null;
  return spawn(url);
}

function spawn(where: string | URL): Worker | null {
  try {
    return new Worker(where);
  } catch {
    return null;
  }
}
