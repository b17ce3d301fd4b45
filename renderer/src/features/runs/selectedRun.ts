import { useSyncExternalStore } from 'react';

/**
 * The run the analyst is looking at, shared by the Runs and Breaks pages so that "open breaks"
 * from a dashboard lands on the same run with the same class filter.
 */
let state: { runId: number | null; classes: string[] } = { runId: null, classes: [] };
const listeners = new Set<() => void>();

export function selectRun(runId: number | null, classes: string[] = []): void {
  state = { runId, classes };
  for (const listener of listeners) listener();
}

export function useSelectedRun(): { runId: number | null; classes: string[] } {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
