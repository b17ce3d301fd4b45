import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceEngineWorkerPath } from '../../../main/createContext';
import { buildDemoFiles } from '../../../main/demo/demoFiles';
import { openWorkspace } from '../../../main/db/openWorkspace';
import { isSearchIndexComplete } from '../../../main/db/queries/breakSearchIndex';
import { EngineHost } from '../../../main/engine/engineHost';
import { importFile } from '../../../workers/import/importFile';
import { runReconciliation } from '../../../workers/matching/runStore';
import { useTempStores } from '../../helpers/tempStore';

const tempStore = useTempStores();
const hosts: EngineHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

function writeDemo(dir: string) {
  const files = buildDemoFiles();
  const paths = { ledger: join(dir, 'ledger.csv'), processor: join(dir, 'processor.csv'), bank: join(dir, 'bank.csv') };
  writeFileSync(paths.ledger, files.ledgerCsv);
  writeFileSync(paths.processor, files.processorCsv);
  writeFileSync(paths.bank, files.bankCsv);
  return paths;
}

describe('the engine gives the same results in-process and through the worker thread', () => {
  it('imports and reconciles the demo set to identical fingerprints and counts', async () => {
    const inProcessStore = tempStore();
    const paths = writeDemo(inProcessStore);
    const db = openWorkspace(inProcessStore);
    const l = await importFile(db, { filePath: paths.ledger, kind: 'ledger', actor: 't' });
    const p = await importFile(db, { filePath: paths.processor, kind: 'processor', actor: 't' });
    const b = await importFile(db, { filePath: paths.bank, kind: 'bank', actor: 't' });
    const inProcess = [
      runReconciliation(db, { leftSourceId: l.sourceId, rightSourceId: p.sourceId, actor: 't' }),
      runReconciliation(db, { leftSourceId: p.sourceId, rightSourceId: b.sourceId, actor: 't' }),
    ];
    db.close();

    const workerStore = tempStore();
    const engine = new EngineHost(sourceEngineWorkerPath());
    hosts.push(engine);
    const ids: number[] = [];
    for (const [path, kind] of [[paths.ledger, 'ledger'], [paths.processor, 'processor'], [paths.bank, 'bank']] as const) {
      ids.push((await engine.call((api) => api.importFile(workerStore, { filePath: path, kind, actor: 't' }))).sourceId);
    }
    const throughWorker = [
      await engine.call((api) => api.runReconciliation(workerStore, { leftSourceId: ids[0]!, rightSourceId: ids[1]!, actor: 't' })),
      await engine.call((api) => api.runReconciliation(workerStore, { leftSourceId: ids[1]!, rightSourceId: ids[2]!, actor: 't' })),
    ];

    // Through the worker, a run's breaks are then indexed for search in the background.
    const check = openWorkspace(workerStore);
    for (const run of throughWorker) await expect.poll(() => isSearchIndexComplete(check, run.runId), { timeout: 10_000 }).toBe(true);
    check.close();

    for (const [i, local] of inProcess.entries()) {
      expect(throughWorker[i]!.fingerprint).toBe(local.fingerprint);
      expect(throughWorker[i]!.counts).toEqual(local.counts);
      expect(throughWorker[i]!.amountAtRiskMinor).toEqual(local.amountAtRiskMinor);
    }
    for (const cls of ['missing_left', 'missing_right', 'duplicate', 'delay', 'out_of_order', 'amount_mismatch', 'currency_mismatch', 'status_mismatch']) {
      expect(inProcess[0]!.counts[cls], cls).toBeGreaterThan(0);
    }
  });

  it('a bad rule set is refused with the same message through the worker', async () => {
    const engine = new EngineHost(sourceEngineWorkerPath());
    hosts.push(engine);
    const store = tempStore();
    const paths = writeDemo(store);
    const id = (await engine.call((api) => api.importFile(store, { filePath: paths.ledger, kind: 'ledger', actor: 't' }))).sourceId;
    await expect(
      engine.call((api) => api.runReconciliation(store, { leftSourceId: id, rightSourceId: id, rules: { name: 'x', version: 1, passes: [] }, actor: 't' })),
    ).rejects.toMatchObject({ code: 'INVALID_RULES', message: expect.stringContaining('rules.passes') });
  });
});
