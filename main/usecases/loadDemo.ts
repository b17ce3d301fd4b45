import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestOf, ResultOf, SourceKind } from '../../preload/contract';
import { buildDemoFiles } from '../demo/demoFiles';
import { listSources } from '../db/queries/sourcesQueries';
import type { UseCaseContext } from './context';
import { UseCaseError } from './errors';
import { importSource } from './importSource';
import { startRun } from './runUseCases';

const DEMO_SOURCES: { name: string; kind: SourceKind; file: string; pick: 'ledgerCsv' | 'processorCsv' | 'bankCsv' }[] = [
  { name: 'demo-ledger', kind: 'ledger', file: 'ledger.csv', pick: 'ledgerCsv' },
  { name: 'demo-processor', kind: 'processor', file: 'processor.csv', pick: 'processorCsv' },
  { name: 'demo-bank', kind: 'bank', file: 'bank.csv', pick: 'bankCsv' },
];

/** Writes the demo files into the store's demo/ folder and imports them through the real import path. */
export async function loadDemoWorkspace(
  ctx: UseCaseContext,
  request: RequestOf<'workspace:load-demo'>,
): Promise<ResultOf<'workspace:load-demo'>> {
  const existing = new Set(listSources(ctx.db).map((source) => source.name));
  if (DEMO_SOURCES.some((source) => existing.has(source.name))) {
    throw new UseCaseError('CONFLICT', 'The demo workspace is already loaded in this store.');
  }
  const directory = join(ctx.storeDir, 'demo');
  mkdirSync(directory, { recursive: true });
  const files = buildDemoFiles();
  const sourceIds: number[] = [];
  for (const source of DEMO_SOURCES) {
    const filePath = join(directory, source.file);
    writeFileSync(filePath, files[source.pick]);
    const result = await importSource(ctx, {
      ...(request.taskId ? { taskId: request.taskId } : {}),
      filePath,
      kind: source.kind,
      name: source.name,
      format: 'csv',
      allowDuplicateFile: true,
    });
    sourceIds.push(result.sourceId);
  }
  const [ledger, processor, bank] = sourceIds as [number, number, number];
  // Reconcile at once so a new user lands on real breaks, not on a to-do list.
  const runIds: number[] = [];
  for (const [leftSourceId, rightSourceId] of [[ledger, processor], [processor, bank]] as const) {
    const run = await startRun(ctx, { leftSourceId, rightSourceId, ...(request.taskId ? { taskId: request.taskId } : {}) });
    runIds.push(run.runId);
  }
  ctx.emit('recon:workspace-changed', { reason: 'demo loaded' });
  return { sourceIds, runIds, directory };
}
