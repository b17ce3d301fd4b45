import type { IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import type { EventName, ReconEvents } from '../../preload/contract';
import { DROP_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../preload/contract';
import type { UseCaseContext } from '../usecases/context';
import { isTrustedRendererUrl } from '../window/securityPolicy';
import { dispatch } from './dispatch';
import { announceDroppedFile } from './droppedFile';

/** Wires the contract to Electron's IPC; refuses calls from any frame that is not our renderer. */
export function registerIpc(ctx: UseCaseContext, trustedOrigin: string, mainWebContentsId: () => number | null): void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, request: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (event.sender.id !== mainWebContentsId() || !isTrustedRendererUrl(frameUrl, trustedOrigin)) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Request refused: unknown sender' } };
    }
    return dispatch(ctx, method, request);
  });
  ipcMain.on(DROP_CHANNEL, (event, path: unknown) => {
    if (event.sender.id !== mainWebContentsId() || !isTrustedRendererUrl(event.senderFrame?.url ?? '', trustedOrigin)) return;
    announceDroppedFile(ctx, path);
  });
}

export function electronEmitter(send: (channel: string, ...args: unknown[]) => void) {
  return <E extends EventName>(event: E, payload: ReconEvents[E]) => send(EVENT_CHANNEL, event, payload);
}
