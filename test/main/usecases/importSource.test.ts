import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext, sourceEngineWorkerPath } from '../../../main/createContext';
import { dispatch } from '../../../main/ipc/dispatch';
import type { ImportResult, ProgressEvent, SourceDetail } from '../../../preload/contract';
import { useTempStores } from '../../helpers/tempStore';

const tempStore = useTempStores();
const contexts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const ctx of contexts.splice(0)) await ctx.close();
});

function setup(events: ProgressEvent[] = []) {
  const storeDir = tempStore();
  const ctx = createContext({ storeDir, engineWorkerPath: sourceEngineWorkerPath(), actor: 'tester', emit: (channel, payload) => {
    if (channel === 'recon:progress') events.push(payload as ProgressEvent);
  } });
  contexts.push(ctx);
  const file = join(storeDir, 'payouts.csv');
  writeFileSync(file, 'ref,account,amount,currency,settled_at,fee,status,description\nP1,A1,"1,234.50",USD,2026-01-31T12:00:00Z,0.30,paid,x\nP2,A1,oops,USD,2026-01-31T13:00:00Z,0.30,paid,y\n');
  return { ctx, file };
}

describe('import use cases through IPC', () => {
  it('check-file counts the whole file in the worker and stores nothing; the import then agrees', async () => {
    const { ctx, file } = setup();
    const check = await dispatch(ctx, 'import:check-file', { filePath: file, kind: 'processor', taskId: 'check-1' });
    expect(check).toMatchObject({ ok: true, value: { rowsTotal: 2, rowsWouldImport: 1, rowsWouldReject: 1, firstRejections: [{ line: 3, column: 'amount' }] } });
    expect(ctx.db.prepare('SELECT COUNT(*) FROM sources').pluck().get()).toBe(0);
    const imported = await dispatch(ctx, 'import:import-file', { filePath: file, kind: 'processor' });
    expect(imported).toMatchObject({ ok: true, value: { rowsTotal: 2, rowsImported: 1, rowsRejected: 1 } });
  });

  it('progress is told in words, as numbered steps, not the engine phase names', async () => {
    const events: ProgressEvent[] = [];
    const { ctx, file } = setup(events);
    await dispatch(ctx, 'import:check-file', { filePath: file, kind: 'processor', taskId: 'check-2' });
    await dispatch(ctx, 'import:import-file', { filePath: file, kind: 'processor', taskId: 'import-2' });
    const said = (taskId: string) => [...new Set(events.filter((e) => e.taskId === taskId).map((e) => `${e.step?.index}/${e.step?.count} ${e.phase}`))];
    expect(said('check-2')).toEqual(['1/1 Checking every row']);
    expect(said('import-2')).toEqual(['1/2 Reading the file', '2/2 Importing rows']);
    const last = events.filter((e) => e.taskId === 'import-2').at(-1)!;
    expect(last.done).toBe(last.total);
  });

  it('regression (uiqa re-import): the same file again is a CONFLICT naming the source; allowDuplicateFile imports it as a new one', async () => {
    const { ctx, file } = setup();
    const first = await dispatch(ctx, 'import:import-file', { filePath: file, kind: 'processor', name: 'Payouts "Jan"' });
    const again = await dispatch(ctx, 'import:import-file', { filePath: file, kind: 'processor' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The wizard reads the id and name out of this message to link to the source.
    expect(!again.ok && again.error.message).toContain(`source #${first.ok && (first.value as ImportResult).sourceId} "Payouts "Jan""`);
    const anyway = await dispatch(ctx, 'import:import-file', { filePath: file, kind: 'processor', allowDuplicateFile: true });
    expect(anyway).toMatchObject({ ok: true, value: { rowsImported: 1 } });
  });

  it('get-source gives the source page: counts, warnings one by one, and the settings the file was read with', async () => {
    const { ctx, file } = setup();
    const imported = await dispatch(ctx, 'import:import-file', { filePath: file, kind: 'processor' });
    const sourceId = imported.ok ? (imported.value as ImportResult).sourceId : -1;
    const page = await dispatch(ctx, 'sources:get-source', { sourceId });
    expect(page).toMatchObject({ ok: true, value: { id: sourceId, kind: 'processor', format: 'csv', rowsTotal: 2, rowsRejected: 1, timezone: 'UTC', encoding: 'utf-8' } });
    const value = page.ok ? (page.value as SourceDetail) : null;
    expect(value?.settings).toMatchObject({ decimalSeparator: '.', columns: { externalId: 'ref', fee: 'fee' } });
    expect(value?.warnings.length).toBeGreaterThan(0);
    expect(await dispatch(ctx, 'sources:get-source', { sourceId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(ctx, 'sources:list-rejected', { sourceId: 0, offset: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('regression (uiqa missing file): preview, check and import of a path with no file say "No file at <path>"', async () => {
    const { ctx } = setup();
    const filePath = join(tempStore(), 'gone.csv');
    for (const method of ['import:preview-file', 'import:check-file', 'import:import-file'] as const) {
      expect(await dispatch(ctx, method, { filePath, kind: 'ledger' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: `No file at ${filePath}` } });
    }
  });

  it('preview suggests the kind: a processor-shaped CSV is a processor, the generic ledger a ledger', async () => {
    const { ctx, file } = setup();
    expect(await dispatch(ctx, 'import:preview-file', { filePath: file, kind: 'ledger' })).toMatchObject({ ok: true, value: { suggestedKind: 'processor' } });
    const ledger = join(tempStore(), 'ledger.csv');
    writeFileSync(ledger, 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo\nT1,A,C,1.00,USD,2026-01-01T00:00:00Z,posted,k1,1,\n');
    expect(await dispatch(ctx, 'import:preview-file', { filePath: ledger, kind: 'ledger' })).toMatchObject({ ok: true, value: { suggestedKind: 'ledger' } });
  });
});
