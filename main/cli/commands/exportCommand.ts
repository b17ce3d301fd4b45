import { resolve } from 'node:path';
import { exportRunResults } from '../../usecases/runUseCases';
import { CliUsageError } from '../cliIo';
import type { CliCommand } from './types';

export const exportCommand: CliCommand = {
  createsStore: false,
  options: { run: { type: 'string' }, what: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values }, io) {
    const runId = Number(values.run);
    if (typeof values.run !== 'string' || !Number.isInteger(runId) || runId <= 0) throw new CliUsageError('export: --run RUN_ID is required (a positive integer)');
    if (values.what !== 'matches' && values.what !== 'breaks') throw new CliUsageError('export: --what must be matches or breaks');
    if (typeof values.out !== 'string' || values.out === '') throw new CliUsageError('export: --out FILE.csv is required');
    // A command names its output explicitly, so it replaces an existing file, as shell tools do.
    const result = await exportRunResults(ctx, { runId, what: values.what, outPath: resolve(values.out), overwrite: true });
    io.out({ run_id: runId, what: values.what, path: result.path, rows: result.rows });
    return 0;
  },
};
