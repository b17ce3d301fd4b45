import { AUDIT_METHODS, type AuditMethods } from './methods/auditMethods';
import { IMPORT_METHODS, type ImportMethods } from './methods/importMethods';
import { RUN_METHODS, type RunMethods } from './methods/runMethods';
import { BREAKS_METHODS, type BreaksMethods } from './methods/breaksMethods';
import { MATCHES_METHODS, type MatchesMethods } from './methods/matchesMethods';
import { RUNS_VIEW_METHODS, type RunsViewMethods } from './methods/runsViewMethods';
import { TASK_METHODS, type TaskMethods } from './methods/taskMethods';
import { TRIAGE_METHODS, type TriageMethods } from './methods/triageMethods';
import { WORKSPACE_METHODS, type WorkspaceMethods } from './methods/workspaceMethods';

/**
 * THE contract: every method the renderer may invoke, `domain:verb-noun` → request → result,
 * one file per domain under methods/. One request object in, one result out. main implements each
 * one; the registry test enforces it.
 */
export interface ReconMethods
  extends WorkspaceMethods,
    AuditMethods,
    TaskMethods,
    RunsViewMethods,
    BreaksMethods,
    TriageMethods,
    MatchesMethods,
    ImportMethods,
    RunMethods {}

export type MethodName = keyof ReconMethods;
export type RequestOf<M extends MethodName> = ReconMethods[M]['request'];
export type ResultOf<M extends MethodName> = ReconMethods[M]['result'];

/** Runtime list of the methods, kept in step with ReconMethods by the check below. */
export const METHOD_NAMES = [
  ...WORKSPACE_METHODS,
  ...AUDIT_METHODS,
  ...IMPORT_METHODS,
  ...RUN_METHODS,
  ...TASK_METHODS,
  ...RUNS_VIEW_METHODS,
  ...BREAKS_METHODS,
  ...TRIAGE_METHODS,
  ...MATCHES_METHODS,
] as const satisfies readonly MethodName[];

type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
// Fails to compile when a method is added to ReconMethods but not listed in its domain's constant.
export const METHOD_LIST_IS_COMPLETE: [Missing] extends [never] ? true : Missing = true;
