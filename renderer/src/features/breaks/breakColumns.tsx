import { Badge, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BreakRow } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';
import { formatMoney } from '../../components/money';

export interface BreakColumn {
  id: string;
  label: string;
  width: number;
  align?: 'right';
  render: (row: BreakRow) => ReactNode;
}

export const STATE_COLOR = { open: 'red', investigating: 'yellow', resolved: 'green', accepted: 'gray' } as const;
const RADIUS_COLOR = { low: 'gray', medium: 'orange', high: 'red' } as const;

/** Every column the breaks table can show; the column chooser toggles them by id. */
export const BREAK_COLUMNS: readonly BreakColumn[] = [
  { id: 'id', label: 'Break', width: 80, render: (r) => `#${r.id}` },
  {
    id: 'class',
    label: 'Class',
    width: 170,
    render: (r) =>
      r.classOverridden ? (
        <Tooltip label={`Engine said ${r.engineClass}; overridden`}>
          <Badge variant="outline">{r.breakClass} *</Badge>
        </Tooltip>
      ) : (
        <Badge variant="light">{r.breakClass}</Badge>
      ),
  },
  { id: 'state', label: 'Triage', width: 150, render: (r) => <Badge variant="dot" color={STATE_COLOR[r.triageState]}>{r.triageState}</Badge> },
  { id: 'amount', label: 'Amount at risk', width: 150, align: 'right', render: (r) => <Text size="sm" ff="monospace">{formatMoney(r.amountMinor, r.currency)}</Text> },
  { id: 'account', label: 'Account', width: 120, render: (r) => r.account ?? '—' },
  { id: 'customer', label: 'Customer', width: 120, render: (r) => r.customer ?? '—' },
  { id: 'time', label: 'Time (UTC)', width: 200, render: (r) => formatTimestamp(r.tsMs) },
  { id: 'radius', label: 'Blast radius', width: 110, render: (r) => <Badge size="sm" color={RADIUS_COLOR[r.blastRadius]} variant="light">{r.blastRadius}</Badge> },
  { id: 'assignee', label: 'Assignee', width: 110, render: (r) => r.assignee ?? '—' },
  { id: 'records', label: 'Records', width: 80, align: 'right', render: (r) => `${r.leftCount}:${r.rightCount}` },
  { id: 'summary', label: 'Explanation', width: 360, render: (r) => <Text size="sm" truncate="end">{r.summary}</Text> },
];

export const DEFAULT_COLUMNS = ['id', 'class', 'state', 'amount', 'account', 'customer', 'time', 'radius', 'summary'];

/** Which sort key a column header sorts by, when it sorts at all. */
export const SORT_BY_COLUMN: Record<string, 'id' | 'ts' | 'amount' | 'account' | 'customer'> = {
  id: 'id',
  amount: 'amount',
  account: 'account',
  customer: 'customer',
  time: 'ts',
};
