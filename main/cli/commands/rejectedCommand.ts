import { resolve } from 'node:path';
import { exportRejectedRows, listRejectedRows } from '../../usecases/rejectedRows';
import { CliUsageError } from '../cliIo';
import { sourceArg } from './sourceArg';
import type { CliCommand } from './types';

function limitArg(value: unknown): number | null {
  if (value === undefined) return null;
  const limit = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(limit)) throw new CliUsageError('rejected: --limit N must be a whole number');
  return limit;
}

/** A source's rejected rows (line, column, reason, raw) as JSON, or written to a CSV file as the app exports them. */
export const rejectedCommand: CliCommand = {
  createsStore: false,
  options: { source: { type: 'string' }, out: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx, { values }, io) {
    const source = sourceArg(ctx, values.source, '--source', 'rejected');
    const limit = limitArg(values.limit);
    if (values.out !== undefined) {
      if (typeof values.out !== 'string' || values.out === '') throw new CliUsageError('rejected: --out FILE.csv needs a file name');
      if (limit !== null) throw new CliUsageError('rejected: --limit applies to the JSON listing; --out writes every rejected row');
      // A command names its output explicitly, so it replaces an existing file, as shell tools do.
      const written = exportRejectedRows(ctx, { sourceId: source.id, outPath: resolve(values.out), overwrite: true });
      io.out({ source_id: source.id, name: source.name, rows_rejected: written.rows, path: written.path });
      return 0;
    }
    const { total } = listRejectedRows(ctx, { sourceId: source.id, offset: 0, limit: 0 });
    const { rows } = listRejectedRows(ctx, { sourceId: source.id, offset: 0, limit: limit ?? total });
    io.out({
      source_id: source.id,
      name: source.name,
      rows_rejected: total,
      rejected: rows.map((r) => ({ line: r.line, column: r.column, reason: r.reason, raw: r.raw })),
    });
    return 0;
  },
};
