/**
 * Status normalization. Sources spell the same outcome many ways; matching compares classes:
 * ok (the money moved), failed (it did not / was undone), pending (not yet), other (unknown:
 * compatible with anything, so an unusual spelling never creates a false status_mismatch).
 */
export const STATUS_OTHER = 0;
export const STATUS_OK = 1;
export const STATUS_FAILED = 2;
export const STATUS_PENDING = 3;
export const STATUS_CLASS_NAMES = ['other', 'ok', 'failed', 'pending'] as const;
export type StatusClassName = (typeof STATUS_CLASS_NAMES)[number];

export const DEFAULT_STATUS_CLASSES: Record<'ok' | 'failed' | 'pending', string[]> = {
  ok: ['succeeded', 'success', 'successful', 'posted', 'settled', 'paid', 'complete', 'completed', 'captured',
    'cleared', 'booked', 'approved', 'done', 'refunded', 'ok'],
  failed: ['failed', 'failure', 'declined', 'reversed', 'reversal', 'rejected', 'error', 'errored', 'void', 'voided',
    'cancelled', 'canceled', 'returned', 'refused', 'expired', 'charged_back', 'chargeback'],
  pending: ['pending', 'processing', 'authorized', 'authorised', 'initiated', 'in_transit', 'created', 'submitted',
    'queued', 'scheduled'],
};

export function statusClassifier(classes: Record<'ok' | 'failed' | 'pending', string[]> = DEFAULT_STATUS_CLASSES) {
  const table = new Map<string, number>();
  for (const s of classes.ok) table.set(s.toLowerCase(), STATUS_OK);
  for (const s of classes.failed) table.set(s.toLowerCase(), STATUS_FAILED);
  for (const s of classes.pending) table.set(s.toLowerCase(), STATUS_PENDING);
  const cache = new Map<string, number>();
  return (raw: string | null): number => {
    if (raw === null) return STATUS_OTHER;
    let code = cache.get(raw);
    if (code === undefined) {
      const key = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
      code = table.get(key) ?? STATUS_OTHER;
      cache.set(raw, code);
    }
    return code;
  };
}

/** Two statuses agree unless both are known and differ. */
export function statusCompatible(a: number, b: number): boolean {
  return a === STATUS_OTHER || b === STATUS_OTHER || a === b;
}
