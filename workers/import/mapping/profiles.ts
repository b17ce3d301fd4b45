import type { Columns, Mapping } from './mappingFile';

export interface Profile {
  name: string;
  description: string;
  /** Headers (normalized) that must all be present for auto-selection. */
  signature: string[];
  mapping: Partial<Omit<Mapping, 'columns'>> & { columns: Columns };
}

/** Built-in profiles; auto-selected when every signature header is present. */
export const PROFILES: readonly Profile[] = [
  {
    name: 'stripe-balance',
    description: 'Stripe balance transactions / "Balance change from activity" report (gross amount, fee separate)',
    signature: ['balance_transaction_id', 'gross', 'fee', 'net', 'currency'],
    mapping: {
      timezone: 'UTC',
      columns: {
        externalId: 'balance_transaction_id', amount: 'gross', fee: 'fee', currency: 'currency',
        timestamp: 'created_utc', status: 'reporting_category', description: 'description',
      },
    },
  },
  {
    name: 'stripe-balance-api',
    description: 'Stripe balance transactions export from the dashboard (id, amount, fee, net, created)',
    signature: ['id', 'amount', 'fee', 'net', 'currency', 'created_utc', 'reporting_category'],
    mapping: {
      timezone: 'UTC',
      columns: {
        externalId: 'id', reference: 'source', amount: 'amount', fee: 'fee', currency: 'currency',
        timestamp: 'created_utc', status: 'reporting_category', description: 'description',
      },
    },
  },
  {
    name: 'paypal-activity',
    description: 'PayPal activity download (Date, Time, TimeZone, Gross, Fee, Transaction ID, Reference Txn ID)',
    signature: ['date', 'time', 'timezone', 'gross', 'fee', 'transaction_id'],
    mapping: {
      dateOrder: 'mdy',
      columns: {
        externalId: 'Transaction ID', reference: 'Reference Txn ID', customer: 'From Email Address', amount: 'Gross',
        fee: 'Fee', currency: 'Currency', timestamp: ['Date', 'Time'], timezone: 'TimeZone', status: 'Status',
        description: 'Type',
      },
    },
  },
  {
    name: 'adyen-settlement-details',
    description: 'Adyen Settlement details report (net debit/credit columns in the net currency)',
    signature: ['psp_reference', 'merchant_reference', 'net_currency', 'net_debit_nc', 'net_credit_nc'],
    mapping: {
      columns: {
        externalId: 'Psp Reference', reference: 'Merchant Reference', account: 'Merchant Account',
        debit: 'Net Debit (NC)', credit: 'Net Credit (NC)', fee: 'Commission (NC)', currency: 'Net Currency',
        timestamp: 'Creation Date', timezone: 'TimeZone', status: 'Type', description: 'Payment Method',
      },
    },
  },
  {
    name: 'generic-ledger',
    description: 'Internal ledger export (txn_id, account_id, customer_id, amount, currency, created_at, status, idempotency_key, sequence, memo)',
    signature: ['txn_id', 'account_id', 'amount', 'currency', 'created_at'],
    mapping: {
      columns: {
        externalId: 'txn_id', reference: 'idempotency_key', account: 'account_id', customer: 'customer_id',
        amount: 'amount', currency: 'currency', timestamp: 'created_at', status: 'status', sequence: 'sequence',
        description: 'memo',
      },
    },
  },
];

export function findProfile(name: string): Profile | undefined {
  return PROFILES.find((p) => p.name === name);
}

/** Lower case, non-alphanumerics to single underscores: "Net Debit (NC)" → "net_debit_nc". */
export function normalizeHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

export function matchProfile(headers: readonly string[]): Profile | undefined {
  const present = new Set(headers.map(normalizeHeader));
  return PROFILES.find((p) => p.signature.every((h) => present.has(h)));
}
