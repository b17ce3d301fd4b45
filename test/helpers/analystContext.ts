import { afterEach } from 'vitest';
import { createContext, sourceEngineWorkerPath } from '../../main/createContext';
import type { UseCaseContext } from '../../main/usecases/context';
import { useTempStores } from './tempStore';

/** A real use-case context on a fresh temp workspace per test, closed afterwards; events are kept. */
export function useAnalystContexts(): () => UseCaseContext & { events: string[] } {
  const tempStore = useTempStores();
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const ctx of open.splice(0)) await ctx.close();
  });
  return () => {
    const events: string[] = [];
    const ctx = createContext({
      storeDir: tempStore(),
      engineWorkerPath: sourceEngineWorkerPath(),
      actor: 'tester',
      emit: (event) => events.push(event),
    });
    open.push(ctx);
    return Object.assign(ctx, { events });
  };
}
