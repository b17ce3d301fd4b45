import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../preload/contract';
import { createReconApi } from '../../preload/createReconApi';

function fakeIpc() {
  const listeners = new Set<(...args: unknown[]) => void>();
  return {
    invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })),
    on: vi.fn((_channel: string, fn: (...args: unknown[]) => void) => listeners.add(fn)),
    removeListener: vi.fn((_channel: string, fn: (...args: unknown[]) => void) => listeners.delete(fn)),
    emit: (...args: unknown[]) => listeners.forEach((fn) => fn({}, ...args)),
    listeners,
  };
}

describe('window.recon', () => {
  it('exposes invoke and on, nothing else', () => {
    expect(Object.keys(createReconApi(fakeIpc() as never)).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes over the one contract channel', async () => {
    const ipc = fakeIpc();
    await createReconApi(ipc as never).invoke('audit:verify-chain', {});
    expect(ipc.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'audit:verify-chain', {});
  });

  it('delivers only the subscribed event and unsubscribes', () => {
    const ipc = fakeIpc();
    const api = createReconApi(ipc as never);
    const seen: unknown[] = [];
    const off = api.on('recon:progress', (p) => seen.push(p));
    expect(ipc.on).toHaveBeenCalledWith(EVENT_CHANNEL, expect.any(Function));
    ipc.emit('recon:workspace-changed', { reason: 'x' });
    ipc.emit('recon:progress', { taskId: 't', phase: 'p', done: 1, total: 2 });
    expect(seen).toEqual([{ taskId: 't', phase: 'p', done: 1, total: 2 }]);
    off();
    expect(ipc.listeners.size).toBe(0);
    expect(() => api.on('bogus:event' as never, () => {})).toThrow(/Unknown event/);
  });
});
