import type { AuditEntryView, ChainVerification } from '../domain';

export interface AuditMethods {
  /** One page of the audit log, newest first. */
  'audit:list-entries': {
    request: { offset: number; limit: number };
    result: { entries: AuditEntryView[]; total: number };
  };
  /** Re-verifies the whole hash chain and names the first bad entry. */
  'audit:verify-chain': {
    request: Record<string, never>;
    result: ChainVerification;
  };
}

export const AUDIT_METHODS = ['audit:list-entries', 'audit:verify-chain'] as const;
