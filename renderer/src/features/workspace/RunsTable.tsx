import { Table, Text } from '@mantine/core';
import type { RunSummary, SourceSummary } from '../../../../preload/contract';
import { formatCount, formatTimestamp } from '../../components/formatters';
import { RunStatusBadge } from '../runs/RunStatusBadge';

export function RunsTable({ runs, sources }: { runs: RunSummary[]; sources: SourceSummary[] }) {
  if (runs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No runs yet. Reconcile two sources from the Runs page to see matches and breaks here.
      </Text>
    );
  }
  const nameOf = (id: number) => sources.find((s) => s.id === id)?.name ?? `#${id}`;
  return (
    <Table striped aria-label="Runs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Run</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Left ↔ right</Table.Th>
          <Table.Th ta="right">Matched</Table.Th>
          <Table.Th>Started</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((run) => (
          <Table.Tr key={run.id}>
            <Table.Td>#{run.id}</Table.Td>
            <Table.Td>
              <RunStatusBadge status={run.status} size="xs" />
            </Table.Td>
            <Table.Td>
              {nameOf(run.leftSourceId)} ↔ {nameOf(run.rightSourceId)}
            </Table.Td>
            {/* A run without results has no match count; a 0 would read as "nothing matched". */}
            <Table.Td ta="right">{run.status === 'complete' ? formatCount(run.counts['matches'] ?? 0) : '—'}</Table.Td>
            <Table.Td>{formatTimestamp(run.startedAtMs)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
