import { AUDIT_METHODS, type AuditMethods } from './methods/auditMethods';
import { TASK_METHODS, type TaskMethods } from './methods/taskMethods';
import { WORKSPACE_METHODS, type WorkspaceMethods } from './methods/workspaceMethods';

/**
 * THE contract: every method the renderer may invoke, `domain:verb-noun` → request → result,
 * one file per domain under methods/. One request object in, one result out. main implements each
 * one; the registry test enforces it.
 */
export interface ReconMethods extends WorkspaceMethods, AuditMethods, TaskMethods {}

export type MethodName = keyof ReconMethods;
export type RequestOf<M extends MethodName> = ReconMethods[M]['request'];
export type ResultOf<M extends MethodName> = ReconMethods[M]['result'];

/** Runtime list of the methods, kept in step with ReconMethods by the check below. */
export const METHOD_NAMES = [...WORKSPACE_METHODS, ...AUDIT_METHODS, ...TASK_METHODS] as const satisfies readonly MethodName[];

type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
// Fails to compile when a method is added to ReconMethods but not listed in its domain's constant.
export const METHOD_LIST_IS_COMPLETE: [Missing] extends [never] ? true : Missing = true;
