import { z } from 'zod';
import { getMatchDiff } from '../../usecases/analyst/diffUseCases';
import { createManualMatch, queryMatchesUseCase, removeMatch } from '../../usecases/analyst/matchesUseCases';
import { idSchema, reasonSchema } from './analystSchemas';
import { defineDomain } from './defineDomain';

const sideSchema = z.array(idSchema).min(1).max(5000);

export const matchesDomain = defineDomain({
  'matches:query-matches': {
    schema: z.strictObject({
      runId: idSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
      manualOnly: z.boolean().optional(),
      strategy: z.string().max(100).optional(),
    }),
    handler: queryMatchesUseCase,
  },
  'matches:get-diff': {
    schema: z.strictObject({ matchId: idSchema }),
    handler: getMatchDiff,
  },
  'matches:create-manual': {
    schema: z.strictObject({
      runId: idSchema,
      leftIds: sideSchema,
      rightIds: sideSchema,
      reason: reasonSchema,
      breakIds: z.array(idSchema).max(100).optional(),
    }),
    handler: createManualMatch,
  },
  'matches:remove-match': {
    schema: z.strictObject({ matchId: idSchema, reason: reasonSchema }),
    handler: removeMatch,
  },
});
