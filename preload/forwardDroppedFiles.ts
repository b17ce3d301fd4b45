import type { IpcRenderer } from 'electron';
import { DROP_CHANNEL } from './contract/api';

/**
 * A sandboxed page cannot learn a dropped file's path, and must not navigate to it (Electron's
 * default). The preload stops that default and tells main the path, which main hands to the
 * renderer as a `recon:file-dropped` event; the renderer never gets a file-system API.
 */
// The preload compiles with the node config; these are the few DOM shapes it touches.
interface DropEventLike {
  preventDefault(): void;
  dataTransfer?: { files?: ArrayLike<unknown> | null } | null;
}

export interface DropTarget {
  addEventListener(type: 'dragover' | 'drop', listener: (event: DropEventLike) => void): void;
}

export function forwardDroppedFiles(
  target: DropTarget,
  ipc: Pick<IpcRenderer, 'send'>,
  webUtils: { getPathForFile(file: never): string },
): void {
  target.addEventListener('dragover', (event) => event.preventDefault());
  target.addEventListener('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    const path = webUtils.getPathForFile(file as never);
    if (path) ipc.send(DROP_CHANNEL, path);
  });
}
