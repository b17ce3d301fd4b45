import { currencyExponent } from '../../workers/shared/currency';
import type { StoredRecord } from '../../workers/shared/record';

/** Builds a record for hand-written engine cases: everything optional except what the case is about. */
export function rec(id: number, fields: Partial<StoredRecord> = {}): StoredRecord {
  return {
    id, sourceId: 1, line: id + 1, externalId: null, reference: null, account: 'acct_1', customer: null,
    amountMinor: 1000, currency: 'USD', tsMs: Date.UTC(2026, 0, 1), status: 'posted', sequence: null, feeMinor: null,
    description: null, raw: '', ...fields,
  };
}

function toMinor(text: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const negative = text.startsWith('-');
  const [major, minor = ''] = text.replace('-', '').split('.');
  const value = Number(major) * 10 ** exponent + Number((minor + '0'.repeat(exponent)).slice(0, exponent) || 0);
  return negative ? -value : value;
}

/**
 * A minimal mapper for the three demo CSV shapes (no quoted fields), standing in for the importer so
 * engine tests do not depend on it. Header is line 1.
 */
export function recordsFromCsv(text: string, kind: 'ledger' | 'processor' | 'bank', idBase: number): StoredRecord[] {
  const lines = text.trimEnd().split('\n');
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line, index) => {
    const cells = Object.fromEntries(line.split(',').map((v, i) => [header[i]!, v])) as Record<string, string>;
    const currency = cells.currency!;
    const base = { line: index + 2, id: idBase + index + 1, sourceId: idBase, raw: line, currency, customer: null, reference: null,
      sequence: null, feeMinor: null, status: null, description: null } as const;
    if (kind === 'ledger') {
      return { ...base, externalId: cells.txn_id || null, reference: cells.idempotency_key || null, account: cells.account_id || null,
        customer: cells.customer_id || null, amountMinor: toMinor(cells.amount!, currency), tsMs: Date.parse(cells.created_at!),
        status: cells.status || null, sequence: cells.sequence ? Number(cells.sequence) : null, description: cells.memo || null };
    }
    if (kind === 'processor') {
      return { ...base, externalId: cells.ref || null, account: cells.account || null, amountMinor: toMinor(cells.amount!, currency),
        tsMs: Date.parse(cells.settled_at!), feeMinor: cells.fee ? toMinor(cells.fee, currency) : null, status: cells.status || null,
        description: cells.description || null };
    }
    return { ...base, externalId: cells.reference || null, account: cells.account || null, amountMinor: toMinor(cells.amount!, currency),
      tsMs: Date.parse(cells.date!), description: cells.description || null };
  });
}
