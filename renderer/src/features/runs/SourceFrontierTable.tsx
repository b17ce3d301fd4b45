import { Table } from '@mantine/core';
import type { SourceFrontier } from '../../../../preload/contract';
import { formatCount, formatTimestamp } from '../../components/formatters';
import { formatDuration } from '../../components/money';

export function SourceFrontierTable({ sources }: { sources: SourceFrontier[] }) {
  return (
    <Table aria-label="Source frontiers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Source</Table.Th>
          <Table.Th>Frontier</Table.Th>
          <Table.Th>Lag</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sources.map((s) => (
          <Table.Tr key={s.side}>
            <Table.Td title={s.fileName}>
              {s.side}: {s.name} ({formatCount(s.recordCount)})
            </Table.Td>
            <Table.Td>{formatTimestamp(s.frontierMs)}</Table.Td>
            <Table.Td c={s.lagMs ? 'orange' : undefined}>{s.lagMs === null ? '—' : s.lagMs === 0 ? 'newest' : `${formatDuration(s.lagMs).slice(1)} behind`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
