import * as Comlink from 'comlink';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sourceEngineWorkerPath } from '../../../main/createContext';
import { EngineCrashedError, EngineHost } from '../../../main/engine/engineHost';
import { createCancelFlag, requestCancel } from '../../../workers/engine/cancellation';
import { createEngineApi } from '../../../workers/engine/engineApi';
import { generateBenchCsvs } from '../../bench/generateBenchCsv';
import { useTempStores } from '../../helpers/tempStore';
import { openWorkspace, workspacePath } from '../../../main/db/openWorkspace';
import { seedSource } from '../../../workers/matching/bench/seedStore';
import { getSourceRow } from '../../../workers/matching/loadInput';
import { snapshotIsCurrent } from '../../../workers/matching/sourceSnapshot';
import { generateDataset } from '../../generators/reconData';

const tempStore = useTempStores();
const hosts: EngineHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

function bigFile(bytes: number): { path: string; sha256: string } {
  const data = Buffer.alloc(bytes, 'recon desk ');
  const path = join(tempStore(), 'data.bin');
  writeFileSync(path, data);
  return { path, sha256: createHash('sha256').update(data).digest('hex') };
}

describe('engine API in-process', () => {
  it('hashes a file with progress up to its size', async () => {
    const file = bigFile(9 * 1024 * 1024);
    const seen: number[] = [];
    const result = await createEngineApi().sha256File(file.path, (done) => seen.push(done));
    expect(result).toEqual({ sha256: file.sha256, bytes: 9 * 1024 * 1024 });
    expect(seen.at(-1)).toBe(9 * 1024 * 1024);
    expect(seen.length).toBeGreaterThan(1);
  });

  it('stops when the cancel flag is raised', async () => {
    const file = bigFile(9 * 1024 * 1024);
    const cancel = createCancelFlag();
    const run = createEngineApi().sha256File(file.path, () => requestCancel(cancel), cancel);
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('engine through the real worker thread', () => {
  function host() {
    const h = new EngineHost(sourceEngineWorkerPath());
    hosts.push(h);
    return h;
  }

  it('answers, reports progress across the thread and hashes like in-process', async () => {
    const engine = host();
    expect(await engine.call((api) => api.ping())).toBe('pong');
    const file = bigFile(9 * 1024 * 1024);
    const seen: number[] = [];
    const progress = Comlink.proxy((done: number) => void seen.push(done));
    const result = await engine.call((api) => api.sha256File(file.path, progress));
    expect(result.sha256).toBe(file.sha256);
    // Progress travels on the proxy's own port, so its last message may land just after the result.
    await vi.waitFor(() => expect(seen.at(-1)).toBe(9 * 1024 * 1024));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('cancels through the shared flag', async () => {
    const engine = host();
    const file = bigFile(9 * 1024 * 1024);
    const cancel = createCancelFlag();
    requestCancel(cancel);
    await expect(engine.call((api) => api.sha256File(file.path, undefined, cancel))).rejects.toThrow(/cancelled/);
  });

  it('fails the call in flight when the worker dies, then restarts on the next call', async () => {
    const engine = host();
    expect(await engine.call((api) => api.ping())).toBe('pong');
    await expect(engine.call((api) => api.crashForTest())).rejects.toBeInstanceOf(EngineCrashedError);
    expect(engine.restarts).toBe(1);
    expect(await engine.call((api) => api.ping())).toBe('pong');
  });
});

// npm test builds before the unit tests, so this runs there; alone, run "npm run build" first.
describe('engine through the worker bundled by electron-vite (out/main/engineWorker.js)', () => {
  const bundled = new URL('../../../out/main/engineWorker.js', import.meta.url);
  const built = existsSync(bundled);

  it.skipIf(!built)('answers, hashes and keeps error codes across the thread', async () => {
    const engine = new EngineHost(bundled);
    hosts.push(engine);
    expect(await engine.call((api) => api.ping())).toBe('pong');
    const file = bigFile(1024 * 1024);
    expect((await engine.call((api) => api.sha256File(file.path))).sha256).toBe(file.sha256);
    const missing = join(tempStore(), 'nope.csv');
    await expect(
      engine.call((api) => api.importFile(tempStore(), { filePath: missing, kind: 'ledger', actor: 't' })),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it.skipIf(!built)('imports a large CSV through the bundled parse worker with every row accounted for', async () => {
    const parseWorker = fileURLToPath(new URL('../../../out/main/csvParseWorker.js', import.meta.url));
    const engine = new EngineHost(bundled, { csvParseWorkerPath: parseWorker });
    hosts.push(engine);
    const { ledger, bytes } = await generateBenchCsvs(tempStore(), 90_000);
    expect(bytes).toBeGreaterThan(8 * 1024 * 1024);
    const result = await engine.call((api) => api.importFile(tempStore(), { filePath: ledger, kind: 'ledger', actor: 't' }));
    const lines = readFileSync(ledger, 'utf8').trimEnd().split('\n').length - 1;
    expect(result.rowsTotal).toBe(lines);
    expect(result.rowsImported + result.rowsRejected).toBe(result.rowsTotal);
    expect(result.rowsRejected).toBe(0);
  });

  it.skipIf(!built)('snapshots a source in the bundled snapshot worker, and a first run through the bundle reads both', async () => {
    const store = tempStore();
    const db = openWorkspace(store);
    const data = generateDataset({ seed: 3, rows: 500 });
    const left = seedSource(db, { name: 'ledger', kind: 'ledger' }, data.left);
    const right = seedSource(db, { name: 'processor', kind: 'processor' }, data.right);
    const snapshotWorker = fileURLToPath(new URL('../../../out/main/snapshotWorker.js', import.meta.url));
    const worker = new Worker(snapshotWorker);
    const reply = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ dbFile: workspacePath(store), sourceId: left });
    });
    await worker.terminate();
    expect(reply).toEqual({ ok: true });
    expect(snapshotIsCurrent(db, getSourceRow(db, left)!)).toBe(true);
    expect(snapshotIsCurrent(db, getSourceRow(db, right)!)).toBe(false);

    const engine = new EngineHost(bundled, { snapshotWorkerPath: snapshotWorker });
    hosts.push(engine);
    const outcome = await engine.call((api) => api.runReconciliation(store, { leftSourceId: left, rightSourceId: right, actor: 't' }));
    expect(outcome.counts['left_records']).toBe(data.left.length);
    expect(snapshotIsCurrent(db, getSourceRow(db, right)!)).toBe(true);
    db.close();
  });
});
