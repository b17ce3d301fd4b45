/**
 * Stands in for the `electron` module inside the page when the preload is bundled for the e2e
 * harness: the preload's real code runs, and its IPC travels over Playwright bindings instead.
 */
type Listener = (event: unknown, ...args: unknown[]) => void;

interface HarnessWindow {
  __reconHarnessInvoke(channel: string, ...args: unknown[]): Promise<unknown>;
  __reconHarnessSend(channel: string, ...args: unknown[]): Promise<unknown>;
  __reconHarnessEmit?: (channel: string, ...args: unknown[]) => void;
  [key: string]: unknown;
}

const page = globalThis as unknown as HarnessWindow;
const listeners = new Map<string, Set<Listener>>();

page.__reconHarnessEmit = (channel, ...args) => {
  for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, ...args);
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    Object.defineProperty(page, key, { value: Object.freeze(api), writable: false, configurable: false });
  },
};

// A page cannot know a dropped file's path; tests name the file by its full path instead.
export const webUtils = {
  getPathForFile: (file: { name: string }) => file.name,
};

export const ipcRenderer = {
  invoke: (channel: string, ...args: unknown[]) => page.__reconHarnessInvoke(channel, ...args),
  send: (channel: string, ...args: unknown[]) => void page.__reconHarnessSend(channel, ...args),
  on(channel: string, listener: Listener) {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};
