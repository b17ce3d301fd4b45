import type { IpcRenderer } from 'electron';
import type { ReconApi } from './contract/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './contract/api';
import type { EventName } from './contract/events';
import { EVENT_NAMES } from './contract/events';

/**
 * Builds `window.recon` over an IpcRenderer. Only the two contract channels are reachable; the
 * renderer never sees ipcRenderer itself.
 */
export function createReconApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): ReconApi {
  return {
    invoke: (method, request) => ipc.invoke(INVOKE_CHANNEL, method, request),
    on: (event, listener) => {
      if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
      const wrapped = (_e: unknown, name: EventName, payload: unknown) => {
        if (name === event) listener(payload as never);
      };
      ipc.on(EVENT_CHANNEL, wrapped);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, wrapped);
      };
    },
  };
}
