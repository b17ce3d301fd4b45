import { z } from 'zod';
import { TRIAGE_STATES } from '../../../preload/contract';
import { getTriageHistory, listTriageActions, undoAction, updateBreaks } from '../../usecases/analyst/triageUseCases';
import { breakClassSchema, breakFilterSchema, idListSchema, idSchema, reasonSchema } from './analystSchemas';
import { defineDomain } from './defineDomain';

const changeSchema = z.strictObject({
  state: z.enum(TRIAGE_STATES as [string, ...string[]]).optional(),
  assignee: z.string().trim().min(1).max(200).nullable().optional(),
  classOverride: z.strictObject({ breakClass: breakClassSchema.nullable(), reason: reasonSchema }).optional(),
  note: z.string().max(4000).optional(),
});

export const triageDomain = defineDomain({
  'triage:update-breaks': {
    schema: z.strictObject({
      runId: idSchema,
      target: z.union([z.strictObject({ breakIds: idListSchema }), z.strictObject({ filter: breakFilterSchema })]),
      change: changeSchema,
    }),
    handler: updateBreaks,
  },
  'triage:undo-action': {
    schema: z.strictObject({ runId: idSchema, actionId: idSchema.optional() }),
    handler: undoAction,
  },
  'triage:get-history': {
    schema: z.strictObject({ breakId: idSchema }),
    handler: getTriageHistory,
  },
  'triage:list-actions': {
    schema: z.strictObject({ runId: idSchema, limit: z.number().int().min(1).max(200).optional() }),
    handler: listTriageActions,
  },
});
