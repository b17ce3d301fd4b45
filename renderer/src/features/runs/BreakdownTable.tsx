import { Anchor, Table } from '@mantine/core';
import type { BreakdownRow } from '../../../../preload/contract';
import { formatCount } from '../../components/formatters';
import { formatMoneyList } from '../../components/money';

/** Counts and money at risk (per currency) per key; a key with onOpen links to its breaks. */
export function BreakdownTable({ label, rows, onOpen }: { label: string; rows: BreakdownRow[]; onOpen?: (key: string) => void }) {
  return (
    <Table aria-label={label} mb="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{label.replace('Breaks by ', '')}</Table.Th>
          <Table.Th ta="right">Breaks</Table.Th>
          <Table.Th ta="right">Money at risk</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} c={row.count === 0 ? 'dimmed' : undefined}>
            <Table.Td>
              {onOpen && row.count > 0 ? (
                <Anchor component="button" size="sm" onClick={() => onOpen(row.key)}>
                  {row.key}
                </Anchor>
              ) : (
                row.key
              )}
            </Table.Td>
            <Table.Td ta="right">{formatCount(row.count)}</Table.Td>
            <Table.Td ta="right">{formatMoneyList(row.money)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
