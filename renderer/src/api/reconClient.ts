import type { EventName, MethodName, ReconError, ReconEvents, RequestOf, ResultOf } from '../../../preload/contract';

/** A contract error surfaced to components as an exception with its code kept. */
export class ReconCallError extends Error {
  constructor(readonly error: ReconError) {
    super(error.message);
  }
}

/** Thin typed wrapper over window.recon: resolves with the result or throws ReconCallError. */
export async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResultOf<M>> {
  const outcome = await window.recon.invoke(method, request);
  if (!outcome.ok) throw new ReconCallError(outcome.error);
  return outcome.value;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: ReconEvents[E]) => void): () => void {
  return window.recon.on(event, listener);
}

export function newTaskId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
