import type { Outcome } from './errors';
import type { EventName, ReconEvents } from './events';
import type { MethodName, RequestOf, ResultOf } from './methods';

/** What the preload exposes as `window.recon`, and nothing else. */
export interface ReconApi {
  invoke<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Outcome<ResultOf<M>>>;
  on<E extends EventName>(event: E, listener: (payload: ReconEvents[E]) => void): () => void;
}

/** IPC channel names used between preload and main. */
export const INVOKE_CHANNEL = 'recon:invoke';
export const EVENT_CHANNEL = 'recon:event';
/** Preload → main: the path of a file dropped on the window (only the preload can learn it). */
export const DROP_CHANNEL = 'recon:file-dropped';
