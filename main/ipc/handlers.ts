import type { MethodName } from '../../preload/contract';
import { auditDomain } from './domains/auditDomain';
import { breaksDomain } from './domains/breaksDomain';
import type { DomainImpl } from './domains/defineDomain';
import { matchesDomain } from './domains/matchesDomain';
import { runsViewDomain } from './domains/runsViewDomain';
import { importDomain } from './domains/importDomain';
import { runDomain } from './domains/runDomain';
import { taskDomain } from './domains/taskDomain';
import { triageDomain } from './domains/triageDomain';
import { workspaceDomain } from './domains/workspaceDomain';

export type { Handler, MethodImpl } from './domains/defineDomain';

/** The implementation of every contract method; the type makes a missing one a compile error. */
export const METHODS: DomainImpl<MethodName> = {
  ...workspaceDomain,
  ...auditDomain,
  ...taskDomain,
  ...runsViewDomain,
  ...breaksDomain,
  ...triageDomain,
  ...matchesDomain,
  ...importDomain,
  ...runDomain,
};
