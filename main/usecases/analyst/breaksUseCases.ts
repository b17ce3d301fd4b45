import type { RequestOf, ResultOf } from '../../../preload/contract';
import { ensureRunSearchIndex } from './searchIndex';
import { countBreaks, queryBreakPage } from '../../db/queries/breaksQueries';
import type { UseCaseContext } from '../context';
import { requireRun } from './requireRun';

const DEFAULT_COUNT_CAP = 100_000;

export async function queryBreaks(ctx: UseCaseContext, request: RequestOf<'breaks:query-breaks'>): Promise<ResultOf<'breaks:query-breaks'>> {
  requireRun(ctx.db, request.filter.runId);
  if (request.filter.text) await ensureRunSearchIndex(ctx, request.filter.runId);
  return { rows: queryBreakPage(ctx.db, request.filter, request.sort, request.offset, request.limit), offset: request.offset };
}

export async function countBreaksUseCase(
  ctx: UseCaseContext,
  request: RequestOf<'breaks:count-breaks'>,
): Promise<ResultOf<'breaks:count-breaks'>> {
  requireRun(ctx.db, request.filter.runId);
  if (request.filter.text) await ensureRunSearchIndex(ctx, request.filter.runId);
  return countBreaks(ctx.db, request.filter, request.cap ?? DEFAULT_COUNT_CAP);
}
