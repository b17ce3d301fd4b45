import type { MethodName } from '../../preload/contract';
import { auditDomain } from './domains/auditDomain';
import { triageDomain } from './domains/triageDomain';
import { runsViewDomain } from './domains/runsViewDomain';
import { matchesDomain } from './domains/matchesDomain';
import { breaksDomain } from './domains/breaksDomain';
import type { DomainImpl } from './domains/defineDomain';
import { taskDomain } from './domains/taskDomain';
import { workspaceDomain } from './domains/workspaceDomain';

export type { Handler, MethodImpl } from './domains/defineDomain';

/** The implementation of every contract method; the type makes a missing one a compile error. */
export const METHODS: DomainImpl<MethodName> = {
  ...workspaceDomain,
  ...auditDomain,
  ...taskDomain,
  ...breaksDomain,
  ...matchesDomain,
  ...runsViewDomain,
  ...triageDomain,
};
