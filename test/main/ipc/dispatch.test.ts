import { afterEach, describe, expect, it } from 'vitest';
import { createContext, sourceEngineWorkerPath } from '../../../main/createContext';
import { dispatch } from '../../../main/ipc/dispatch';
import { useTempStores } from '../../helpers/tempStore';

const tempStore = useTempStores();
const contexts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const ctx of contexts.splice(0)) await ctx.close();
});

function context() {
  const ctx = createContext({ storeDir: tempStore(), engineWorkerPath: sourceEngineWorkerPath(), actor: 'tester' });
  contexts.push(ctx);
  return ctx;
}

describe('dispatch', () => {
  it('returns an unknown method as data, not an exception', async () => {
    expect(await dispatch(context(), 'fs:read-file', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('rejects an invalid request with the field at fault', async () => {
    const outcome = await dispatch(context(), 'audit:list-entries', { offset: -1, limit: 10 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!outcome.ok && outcome.error.message).toMatch(/offset/);
  });

  it('runs a valid request through its use case', async () => {
    const ctx = context();
    const outcome = await dispatch(ctx, 'workspace:get-summary', {});
    expect(outcome).toMatchObject({ ok: true, value: { sources: [], runs: [], auditTotal: 0 } });
    expect(await dispatch(ctx, 'audit:verify-chain', {})).toEqual({ ok: true, value: { ok: true, entries: 0 } });
    expect(await dispatch(ctx, 'task:cancel-task', { taskId: 'nothing-running' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('native dialogs: a clear error where there is no window, the picked path (or null) where there is', async () => {
    const ctx = context();
    const request = { title: 'Export', defaultPath: '/tmp/breaks.csv' };
    const none = await dispatch(ctx, 'workspace:choose-save-path', request);
    expect(none).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!none.ok && none.error.message).toMatch(/type the file path/);
    const asked: string[] = [];
    ctx.chooseSavePath = async (title, defaultPath) => {
      asked.push(`${title}|${defaultPath}`);
      return asked.length === 1 ? '/home/me/out.csv' : null;
    };
    expect(await dispatch(ctx, 'workspace:choose-save-path', request)).toEqual({ ok: true, value: { filePath: '/home/me/out.csv' } });
    expect(await dispatch(ctx, 'workspace:choose-save-path', request)).toEqual({ ok: true, value: { filePath: null } });
    expect(asked).toEqual(['Export|/tmp/breaks.csv', 'Export|/tmp/breaks.csv']);
    expect(await dispatch(ctx, 'workspace:choose-save-path', { title: '' , defaultPath: '' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
