import type { DiffField, DiffFieldName } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';
import { formatDuration, formatMoney, formatSignedMoney } from '../../components/money';

export const FIELD_LABEL: Record<DiffFieldName, string> = {
  externalId: 'External id',
  reference: 'Reference',
  account: 'Account',
  customer: 'Customer',
  amountMinor: 'Amount',
  feeMinor: 'Fee',
  currency: 'Currency',
  tsMs: 'Time (UTC)',
  status: 'Status',
  sequence: 'Sequence',
  description: 'Description',
};

/** One side's value for display; money uses that side's currency when there is exactly one. */
export function formatSide(field: DiffField, value: string | number | null, currency: string | null): string {
  if (value === null) return '—';
  if (typeof value === 'number' && (field.field === 'amountMinor' || field.field === 'feeMinor')) return formatMoney(value, currency);
  if (typeof value === 'number' && field.field === 'tsMs') return formatTimestamp(value);
  return String(value);
}

export function formatDelta(field: DiffField, currency: string | null): string {
  if (field.deltaMinor !== undefined) return field.deltaMinor === 0 ? '=' : formatSignedMoney(field.deltaMinor, currency);
  if (field.deltaMs !== undefined) return field.deltaMs === 0 ? '=' : formatDuration(field.deltaMs);
  return field.differs && !field.tolerated ? '≠' : '';
}
