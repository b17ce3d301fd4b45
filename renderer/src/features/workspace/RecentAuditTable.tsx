import { Table, Text } from '@mantine/core';
import type { AuditEntryView } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';

export function RecentAuditTable({ entries }: { entries: AuditEntryView[] }) {
  if (entries.length === 0) return <Text size="sm" c="dimmed">Nothing has happened in this workspace yet.</Text>;
  return (
    <Table aria-label="Recent activity">
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.seq}>
            <Table.Td c="dimmed">#{entry.seq}</Table.Td>
            <Table.Td>{entry.kind}</Table.Td>
            <Table.Td>{entry.actor}</Table.Td>
            <Table.Td c="dimmed">{formatTimestamp(entry.tsMs)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
