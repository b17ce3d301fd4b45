import { describe, expect, it, vi } from 'vitest';
import { DROP_CHANNEL } from '../../preload/contract';
import { forwardDroppedFiles, type DropTarget } from '../../preload/forwardDroppedFiles';
import { announceDroppedFile } from '../../main/ipc/droppedFile';

function fakeTarget() {
  const listeners: Record<string, (event: never) => void> = {};
  const target: DropTarget = { addEventListener: (type, listener) => void (listeners[type] = listener as never) };
  return { target, listeners };
}

describe('dropped files', () => {
  it('the preload stops navigation to a dropped file and sends only its path to main', () => {
    const { target, listeners } = fakeTarget();
    const send = vi.fn();
    forwardDroppedFiles(target, { send } as never, { getPathForFile: (file: never) => `/data/${(file as { name: string }).name}` });
    const over = { preventDefault: vi.fn() };
    listeners['dragover']!(over as never);
    expect(over.preventDefault).toHaveBeenCalled();
    const drop = { preventDefault: vi.fn(), dataTransfer: { files: [{ name: 'ledger.csv' }] } };
    listeners['drop']!(drop as never);
    expect(drop.preventDefault).toHaveBeenCalled();
    expect(send).toHaveBeenCalledWith(DROP_CHANNEL, '/data/ledger.csv');
    listeners['drop']!({ preventDefault: vi.fn(), dataTransfer: { files: [] } } as never);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('main passes a plausible path on as an event and ignores anything else', () => {
    const emit = vi.fn();
    expect(announceDroppedFile({ emit }, '/data/ledger.csv')).toBe(true);
    expect(emit).toHaveBeenCalledWith('recon:file-dropped', { filePath: '/data/ledger.csv' });
    for (const bad of [42, '', 'a\0b', 'x'.repeat(5000), null]) expect(announceDroppedFile({ emit }, bad)).toBe(false);
    expect(emit).toHaveBeenCalledTimes(1);
  });
});
