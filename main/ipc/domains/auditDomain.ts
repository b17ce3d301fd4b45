import { z } from 'zod';
import { listAuditEntries, verifyAuditChain } from '../../usecases/auditUseCases';
import { defineDomain } from './defineDomain';

export const auditDomain = defineDomain({
  'audit:list-entries': {
    schema: z.strictObject({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
    handler: listAuditEntries,
  },
  'audit:verify-chain': {
    schema: z.strictObject({}),
    handler: verifyAuditChain,
  },
});
