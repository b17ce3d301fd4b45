import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IMPORT_FORMATS, SOURCE_KINDS, type ImportFormat, type SourceKind } from '../../../preload/contract';
import { toReconError, UseCaseError } from '../../usecases/errors';
import { importSource } from '../../usecases/importSource';
import { listRejectedRows } from '../../usecases/rejectedRows';
import { CliUsageError } from '../cliIo';
import type { CliCommand } from './types';

/** How many rejected rows `recon import` shows; `recon rejected` lists them all. */
const REJECTED_SAMPLE = 5;

/** The import says only that the bytes were imported before (its one CONFLICT); here is how to do it anyway. */
function withCliRemedy(error: unknown): unknown {
  const { code, message } = toReconError(error);
  return code === 'CONFLICT' ? new UseCaseError(code, `${message}; add --allow-duplicate-file to import it again as a new source`) : error;
}

function readMappingFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`--mapping ${path}: cannot read the file (${(error as Error).message})`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new CliUsageError(`--mapping ${path}: not a valid mapping file (${(error as Error).message})`);
  }
}

export const importCommand: CliCommand = {
  createsStore: true,
  options: {
    kind: { type: 'string' },
    name: { type: 'string' },
    format: { type: 'string' },
    mapping: { type: 'string' },
    timezone: { type: 'string' },
    'allow-duplicate-file': { type: 'boolean' },
  },
  async run(ctx, { values, positionals }, io) {
    if (positionals.length !== 1) throw new CliUsageError('import: give exactly one FILE to import');
    const kind = (values.kind as string | undefined) ?? 'ledger';
    if (!(SOURCE_KINDS as readonly string[]).includes(kind)) throw new CliUsageError(`--kind must be one of ${SOURCE_KINDS.join(', ')}`);
    const format = (values.format as string | undefined) ?? 'auto';
    if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new CliUsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
    const result = await importSource(ctx, {
      taskId: 'cli-import',
      filePath: resolve(positionals[0]!),
      kind: kind as SourceKind,
      format: format as ImportFormat,
      ...(typeof values.name === 'string' ? { name: values.name } : {}),
      ...(typeof values.mapping === 'string' ? { mapping: readMappingFile(values.mapping) } : {}),
      ...(typeof values.timezone === 'string' ? { timezone: values.timezone } : {}),
      ...(values['allow-duplicate-file'] === true ? { allowDuplicateFile: true } : {}),
    }).catch((error: unknown) => {
      throw withCliRemedy(error);
    });
    const sample = listRejectedRows(ctx, { sourceId: result.sourceId, offset: 0, limit: REJECTED_SAMPLE }).rows;
    io.out({
      source_id: result.sourceId,
      name: result.name,
      format: result.format,
      sha256: result.sha256,
      rows_total: result.rowsTotal,
      rows_imported: result.rowsImported,
      rows_rejected: result.rowsRejected,
      frontier: result.frontierMs === null ? null : new Date(result.frontierMs).toISOString(),
      warnings: result.warnings,
      rejected_sample: sample.map((r) => ({ line: r.line, column: r.column, reason: r.reason })),
    });
    return 0;
  },
};
