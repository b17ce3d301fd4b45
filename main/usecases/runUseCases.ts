import * as Comlink from 'comlink';
import { randomUUID } from 'node:crypto';
import type { RequestOf, ResultOf } from '../../preload/contract';
import type { ProgressSink } from '../../workers/engine/engineApi';
import { parseRuleSet, RuleSetError, ruleSetForKinds } from '../../workers/matching/ruleSet';
import { appendAudit } from '../audit/auditLog';
import { latestCompleteRunOfPair, listRuleSets as listStoredRuleSets } from '../db/queries/ruleSetsQueries';
import { getSource } from '../db/queries/sourcesQueries';
import type { UseCaseContext } from './context';
import { UseCaseError } from './errors';
import { checkExportPath } from './exportPath';
import { runEngineTask } from './runEngineTask';
import { runProgressSteps } from './runProgressSteps';

function requireSource(ctx: UseCaseContext, id: number, side: string) {
  const source = getSource(ctx.db, id);
  if (!source) throw new UseCaseError('NOT_FOUND', `The ${side} source #${id} does not exist in this workspace.`);
  if (source.status !== 'complete') {
    throw new UseCaseError('CONFLICT', `The ${side} source "${source.name}" is ${source.status}; only completely imported sources can be reconciled.`);
  }
  return source;
}

export function getDefaultRules(_ctx: UseCaseContext, request: RequestOf<'rules:get-defaults'>): ResultOf<'rules:get-defaults'> {
  return { rules: ruleSetForKinds(request.leftKind, request.rightKind) };
}

export function listRuleSets(ctx: UseCaseContext, request: RequestOf<'rules:list-rule-sets'>): ResultOf<'rules:list-rule-sets'> {
  const pair = request.leftSourceId !== undefined && request.rightSourceId !== undefined;
  return {
    ruleSets: listStoredRuleSets(ctx.db),
    latestForPair: pair ? latestCompleteRunOfPair(ctx.db, request.leftSourceId!, request.rightSourceId!) : null,
  };
}

export function validateRules(_ctx: UseCaseContext, request: RequestOf<'rules:validate-rules'>): ResultOf<'rules:validate-rules'> {
  try {
    parseRuleSet(request.rules);
    return { ok: true, errors: [] };
  } catch (error) {
    if (error instanceof RuleSetError) return { ok: false, errors: error.problems };
    throw error;
  }
}

/** Runs the engine in its worker; the run, its results and its audit entry are persisted there. */
export async function startRun(ctx: UseCaseContext, request: RequestOf<'runs:start-run'>): Promise<ResultOf<'runs:start-run'>> {
  const left = requireSource(ctx, request.leftSourceId, 'left');
  const right = requireSource(ctx, request.rightSourceId, 'right');
  const rules = request.rules !== undefined ? parseRuleSet(request.rules) : ruleSetForKinds(left.kind, right.kind);
  const taskId = request.taskId ?? randomUUID();
  const describe = runProgressSteps(rules.passes.map((pass) => pass.name));
  const progress = Comlink.proxy<ProgressSink>((done, total, phase) => ctx.emit('recon:progress', { taskId, ...describe(done, total, phase) }));
  const outcome = await runEngineTask(ctx, taskId, (api, _rawProgress, cancel) =>
    api.runReconciliation(
      ctx.storeDir,
      {
        leftSourceId: request.leftSourceId,
        rightSourceId: request.rightSourceId,
        ...(request.rules !== undefined ? { rules: request.rules } : {}),
        actor: ctx.actor,
      },
      progress,
      cancel,
    ),
  ).catch((error: unknown) => {
    // A cancelled or failed run is still a new row in the runs list, shown with its status.
    ctx.emit('recon:workspace-changed', { reason: 'run stopped' });
    throw error;
  });
  ctx.emit('recon:workspace-changed', { reason: 'run completed' });
  return {
    runId: outcome.runId,
    fingerprint: outcome.fingerprint,
    // `matched` is the number of match groups (a 1:N payout counts once), as the CLI contract names it.
    counts: { matched: outcome.counts['matches'] ?? 0, ...outcome.counts },
    amountAtRiskMinor: outcome.amountAtRiskMinor,
    ambiguous: outcome.ambiguous,
    durationMs: outcome.durationMs,
    ...(outcome.impact
      ? {
          impact: {
            previousRunId: outcome.impact.previousRunId,
            gained: outcome.impact.matchesGained,
            lost: outcome.impact.matchesLost,
            changed: outcome.impact.matchesChanged,
          },
        }
      : {}),
  };
}

export async function exportRunResults(
  ctx: UseCaseContext,
  request: RequestOf<'runs:export-results'>,
): Promise<ResultOf<'runs:export-results'>> {
  const run = ctx.db.prepare('SELECT id, status FROM runs WHERE id = ?').get(request.runId) as { id: number; status: string } | undefined;
  if (!run) throw new UseCaseError('NOT_FOUND', `There is no run #${request.runId} in this workspace.`);
  if (run.status !== 'complete') throw new UseCaseError('CONFLICT', `Run #${run.id} is ${run.status}; only complete runs can be exported.`);
  checkExportPath(request.outPath, request.overwrite);
  const { rows } = await runEngineTask(ctx, request.taskId, (api) =>
    api.exportRunCsv(ctx.storeDir, request.runId, request.what, request.outPath),
  );
  ctx.db
    .transaction(() =>
      appendAudit(ctx.db, {
        actor: ctx.actor,
        kind: 'run.exported',
        data: { runId: request.runId, what: request.what, path: request.outPath, rows },
      }),
    )
    .immediate();
  return { path: request.outPath, rows };
}

export async function previewRunOnSample(
  ctx: UseCaseContext,
  request: RequestOf<'runs:preview-run'>,
): Promise<ResultOf<'runs:preview-run'>> {
  requireSource(ctx, request.leftSourceId, 'left');
  requireSource(ctx, request.rightSourceId, 'right');
  return ctx.engine.call((api) =>
    api.previewRun(ctx.storeDir, request.leftSourceId, request.rightSourceId, request.rules, request.sampleSize ?? 2000),
  );
}
