import type { Columns } from './mappingFile';
import { normalizeHeader } from './profiles';

/**
 * Candidate header names per field, best first. Fields are assigned in this order and a header is
 * used once, so in `txn_id,…,idempotency_key` txn_id becomes the external id and the key the reference.
 */
const CANDIDATES: ReadonlyArray<[keyof Columns, string[]]> = [
  ['externalId', ['id', 'txn_id', 'transaction_id', 'txnid', 'balance_transaction_id', 'psp_reference', 'ref', 'reference', 'entry_id', 'payment_id']],
  ['reference', ['idempotency_key', 'idempotency', 'reference', 'merchant_reference', 'reference_txn_id', 'end_to_end_id', 'external_reference', 'ref']],
  ['amount', ['amount', 'gross', 'net', 'value', 'amount_major', 'transaction_amount']],
  ['debit', ['debit', 'debit_amount', 'withdrawal', 'withdrawals', 'paid_out', 'money_out']],
  ['credit', ['credit', 'credit_amount', 'deposit', 'deposits', 'paid_in', 'money_in']],
  ['timestamp', ['created_at', 'created', 'created_utc', 'settled_at', 'timestamp', 'datetime', 'date_time', 'date', 'booking_date', 'transaction_date', 'posted_at', 'value_date', 'time']],
  ['account', ['account', 'account_id', 'acct', 'account_number', 'iban', 'merchant_account']],
  ['customer', ['customer', 'customer_id', 'client', 'client_id', 'user_id']],
  ['currency', ['currency', 'ccy', 'cur', 'currency_code']],
  ['status', ['status', 'state', 'type']],
  ['sequence', ['sequence', 'seq', 'sequence_number', 'seq_no']],
  ['fee', ['fee', 'fees', 'fee_amount', 'commission']],
  ['description', ['memo', 'description', 'desc', 'narrative', 'details', 'note', 'notes', 'text']],
];

/** Guesses a column mapping from header names alone. */
export function guessColumns(headers: readonly string[]): Columns {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const columns: Columns = {};
  for (const [field, names] of CANDIDATES) {
    for (const name of names) {
      const index = normalized.findIndex((h, i) => h === name && !used.has(i));
      if (index === -1) continue;
      if ((field === 'debit' || field === 'credit') && columns.amount !== undefined) break;
      used.add(index);
      columns[field] = headers[index]!;
      break;
    }
  }
  return columns;
}
