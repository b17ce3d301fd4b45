import { Table, Text } from '@mantine/core';
import type { BreakdownRow } from '../../../../preload/contract';
import { formatCount } from '../../components/formatters';
import { formatMoneyList } from '../../components/money';

export function TopList({ label, rows }: { label: string; rows: BreakdownRow[] }) {
  if (rows.length === 0) return <Text size="sm" c="dimmed">No breaks carry this field.</Text>;
  return (
    <Table aria-label={label}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td ff="monospace">{row.key}</Table.Td>
            <Table.Td ta="right">{formatCount(row.count)}</Table.Td>
            <Table.Td ta="right">
              <Text size="xs">{formatMoneyList(row.money)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
