import type { SourceKind } from '../../preload/contract';

const BANK_FORMATS = new Set(['camt053', 'camt054', 'mt940', 'ofx', 'bai2']);
const PROCESSOR_PROFILES = new Set(['stripe-balance', 'stripe-balance-api', 'paypal-activity', 'adyen-settlement-details']);

/**
 * A default for the wizard's Kind, so a processor export is not filed as a ledger because nobody
 * changed the first choice. Only a suggestion: the user's own choice always wins. A fee per row or a
 * settlement time is what processors report and internal ledgers do not.
 */
export function suggestKind(format: string, settings: Record<string, unknown>): SourceKind {
  if (BANK_FORMATS.has(format)) return 'bank';
  const profile = settings['profile'];
  if (typeof profile === 'string') return PROCESSOR_PROFILES.has(profile) ? 'processor' : 'ledger';
  const columns = settings['columns'];
  const mapped = columns && typeof columns === 'object' ? Object.entries(columns as Record<string, unknown>) : [];
  const settles = mapped.some(([field, column]) => field === 'timestamp' && typeof column === 'string' && /settle|payout|paid_out/i.test(column));
  return mapped.some(([field]) => field === 'fee') || settles ? 'processor' : 'ledger';
}
