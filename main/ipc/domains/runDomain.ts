import { z } from 'zod';
import { SOURCE_KINDS } from '../../../preload/contract';
import { exportRunResults, getDefaultRules, listRuleSets, previewRunOnSample, startRun, validateRules } from '../../usecases/runUseCases';
import { defineDomain, taskIdSchema } from './defineDomain';

const id = z.number().int().positive();
const kind = z.enum(SOURCE_KINDS as [string, ...string[]]);
// Rule sets are validated in depth by the engine's own schema; here only their envelope.
const rules = z.record(z.string(), z.unknown());

export const runDomain = defineDomain({
  'rules:get-defaults': { schema: z.strictObject({ leftKind: kind, rightKind: kind }), handler: getDefaultRules },
  'rules:list-rule-sets': {
    schema: z.strictObject({ leftSourceId: id.optional(), rightSourceId: id.optional() }),
    handler: listRuleSets,
  },
  'rules:validate-rules': { schema: z.strictObject({ rules: z.unknown() }), handler: validateRules },
  'runs:preview-run': {
    schema: z.strictObject({
      leftSourceId: id,
      rightSourceId: id,
      rules: rules.optional(),
      sampleSize: z.number().int().min(10).max(50_000).optional(),
    }),
    handler: previewRunOnSample,
  },
  'runs:start-run': {
    schema: z.strictObject({ leftSourceId: id, rightSourceId: id, rules: rules.optional(), taskId: taskIdSchema.optional() }),
    handler: startRun,
  },
  'runs:export-results': {
    schema: z.strictObject({
      runId: id,
      what: z.enum(['matches', 'breaks']),
      outPath: z.string().min(1).max(4096),
      overwrite: z.boolean().optional(),
      taskId: taskIdSchema.optional(),
    }),
    handler: exportRunResults,
  },
});
