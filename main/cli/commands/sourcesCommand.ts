import { listSources } from '../../db/queries/sourcesQueries';
import type { CliCommand } from './types';

export const sourcesCommand: CliCommand = {
  createsStore: false,
  options: {},
  async run(ctx, _args, io) {
    io.out({
      sources: listSources(ctx.db).map((s) => ({
        source_id: s.id,
        name: s.name,
        kind: s.kind,
        format: s.format,
        file_name: s.fileName,
        sha256: s.sha256,
        status: s.status,
        rows_total: s.rowsTotal,
        rows_imported: s.rowsImported,
        rows_rejected: s.rowsRejected,
        frontier: s.frontierMs === null ? null : new Date(s.frontierMs).toISOString(),
        warnings: s.warnings,
      })),
    });
    return 0;
  },
};
