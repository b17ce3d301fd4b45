import { z } from 'zod';
import { countBreaksUseCase, queryBreaks } from '../../usecases/analyst/breaksUseCases';
import { getBreakDiff } from '../../usecases/analyst/diffUseCases';
import { EXPORT_COLUMNS, exportBreaksCsv } from '../../usecases/analyst/exportBreaksCsv';
import { breakFilterSchema, breakSortSchema, idSchema } from './analystSchemas';
import { defineDomain } from './defineDomain';

export const breaksDomain = defineDomain({
  'breaks:query-breaks': {
    schema: z.strictObject({
      filter: breakFilterSchema,
      sort: breakSortSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
    }),
    handler: queryBreaks,
  },
  'breaks:count-breaks': {
    schema: z.strictObject({ filter: breakFilterSchema, cap: z.number().int().min(1).max(10_000_000).optional() }),
    handler: countBreaksUseCase,
  },
  'breaks:get-diff': {
    schema: z.strictObject({ breakId: idSchema }),
    handler: getBreakDiff,
  },
  'breaks:export-csv': {
    schema: z.strictObject({
      filter: breakFilterSchema,
      sort: breakSortSchema,
      outputPath: z.string().min(1).max(4096),
      columns: z.array(z.enum(EXPORT_COLUMNS as [string, ...string[]])).min(1).optional(),
      overwrite: z.boolean().optional(),
    }),
    handler: exportBreaksCsv,
  },
});
