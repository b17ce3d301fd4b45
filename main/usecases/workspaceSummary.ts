import type { RequestOf, ResultOf } from '../../preload/contract';
import { countAudit, listAudit } from '../audit/auditLog';
import { workspacePath } from '../db/openWorkspace';
import { listRuns } from '../db/queries/runsQueries';
import { listSources } from '../db/queries/sourcesQueries';
import type { UseCaseContext } from './context';

export function getWorkspaceSummary(
  ctx: UseCaseContext,
  request: RequestOf<'workspace:get-summary'>,
): ResultOf<'workspace:get-summary'> {
  return {
    storePath: workspacePath(ctx.storeDir),
    sources: listSources(ctx.db),
    runs: listRuns(ctx.db),
    recentAudit: listAudit(ctx.db, 0, request.auditLimit ?? 10),
    auditTotal: countAudit(ctx.db),
  };
}
