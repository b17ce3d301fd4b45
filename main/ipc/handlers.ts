import type { MethodName, RequestOf, ResultOf } from '../../preload/contract';
import { cancelTask, listAuditEntries, verifyAuditChain } from '../usecases/auditUseCases';
import type { UseCaseContext } from '../usecases/context';
import { loadDemoWorkspace } from '../usecases/loadDemo';
import { getWorkspaceSummary } from '../usecases/workspaceSummary';

export type Handler<M extends MethodName> = (
  ctx: UseCaseContext,
  request: RequestOf<M>,
) => ResultOf<M> | Promise<ResultOf<M>>;

/** The implementation of every contract method; the type makes a missing one a compile error. */
export const HANDLERS: { [M in MethodName]: Handler<M> } = {
  'workspace:get-summary': getWorkspaceSummary,
  'workspace:load-demo': loadDemoWorkspace,
  'audit:list-entries': listAuditEntries,
  'audit:verify-chain': verifyAuditChain,
  'task:cancel-task': cancelTask,
};
