import { z } from 'zod';
import { IMPORT_FORMATS, SOURCE_KINDS } from '../../../preload/contract';
import type { UseCaseContext } from '../../usecases/context';
import { UseCaseError } from '../../usecases/errors';
import { checkSourceFile, importSource, previewSourceFile } from '../../usecases/importSource';
import { exportRejectedRows, getSourcePage, listRejectedRows } from '../../usecases/rejectedRows';
import { defineDomain, taskIdSchema } from './defineDomain';

const filePath = z.string().min(1).max(4096);
const id = z.number().int().positive();

async function chooseFile(ctx: UseCaseContext) {
  if (!ctx.chooseFile) throw new UseCaseError('INVALID_INPUT', 'No file dialog is available here; type the file path instead.');
  return { filePath: await ctx.chooseFile() };
}

const format = z.enum(IMPORT_FORMATS as [string, ...string[]]);
// Mapping files are validated in depth by the importer's own schema; here only their envelope.
const mapping = z.record(z.string(), z.unknown());
const timezone = z.string().min(1).max(64);

export const importDomain = defineDomain({
  'import:preview-file': {
    schema: z.strictObject({
      filePath,
      kind: z.enum(SOURCE_KINDS as [string, ...string[]]),
      format: format.optional(),
      mapping: mapping.optional(),
      timezone: timezone.optional(),
      rows: z.number().int().min(1).max(200).optional(),
    }),
    handler: previewSourceFile,
  },
  'import:import-file': {
    schema: z.strictObject({
      taskId: taskIdSchema.optional(),
      filePath,
      kind: z.enum(SOURCE_KINDS as [string, ...string[]]),
      name: z.string().min(1).max(200).optional(),
      format: format.optional(),
      mapping: mapping.optional(),
      timezone: timezone.optional(),
      allowDuplicateFile: z.boolean().optional(),
    }),
    handler: importSource,
  },
  'import:check-file': {
    schema: z.strictObject({
      taskId: taskIdSchema.optional(),
      filePath,
      kind: z.enum(SOURCE_KINDS as [string, ...string[]]),
      format: format.optional(),
      mapping: mapping.optional(),
      timezone: timezone.optional(),
    }),
    handler: checkSourceFile,
  },
  'import:choose-file': { schema: z.strictObject({}), handler: chooseFile },
  'sources:get-source': { schema: z.strictObject({ sourceId: id }), handler: getSourcePage },
  'sources:list-rejected': {
    schema: z.strictObject({ sourceId: id, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
    handler: listRejectedRows,
  },
  'sources:export-rejected': {
    schema: z.strictObject({ sourceId: id, outPath: filePath, overwrite: z.boolean().optional() }),
    handler: exportRejectedRows,
  },
});
