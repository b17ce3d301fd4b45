import { Badge, Checkbox, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useReconQuery } from '../../api/useRecon';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatTimestamp } from '../../components/formatters';
import { formatDuration, formatMoney, formatSignedMoney } from '../../components/money';

const PAGE = 50;

/** Matched groups of a run, manual ones first; a row opens the same side-by-side diff as a break. */
export function MatchesPanel({ runId, onOpen }: { runId: number; onOpen: (matchId: number) => void }) {
  const [page, setPage] = useState(1);
  const [manualOnly, setManualOnly] = useState(false);
  const query = useReconQuery('matches:query-matches', { runId, offset: (page - 1) * PAGE, limit: PAGE, manualOnly });
  if (query.error) return <ErrorNotice title="Could not list the matches" message={`${query.error} Pick the run again or reload.`} />;
  const total = query.data?.total ?? 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {formatCount(total)} matched group(s). Click one to see it side by side.
        </Text>
        <Checkbox label="Manual only" checked={manualOnly} onChange={(e) => { setManualOnly(e.currentTarget.checked); setPage(1); }} />
      </Group>
      {total === 0 && !query.loading ? (
        <Text c="dimmed">No matches in this run{manualOnly ? ' made by hand' : ''}. Open a break and use “Match with this” on a candidate to match by hand.</Text>
      ) : (
        <Table highlightOnHover aria-label="Matches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Match</Table.Th>
              <Table.Th>Strategy</Table.Th>
              <Table.Th>Records</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th ta="right">Δ amount</Table.Th>
              <Table.Th ta="right">Δ time</Table.Th>
              <Table.Th>Time (UTC)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(query.data?.rows ?? []).map((m) => (
              <Table.Tr key={m.id} onClick={() => onOpen(m.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>#{m.id}</Table.Td>
                <Table.Td>
                  {m.strategy} {m.manual && <Badge size="xs" color="grape">manual</Badge>}
                </Table.Td>
                <Table.Td>
                  {m.leftIds.length}:{m.rightIds.length}
                </Table.Td>
                <Table.Td>{m.account ?? '—'}</Table.Td>
                <Table.Td ta="right">{m.amountMinor === null ? '—' : formatMoney(m.amountMinor, m.currency)}</Table.Td>
                <Table.Td ta="right">{m.amountDeltaMinor ? formatSignedMoney(m.amountDeltaMinor, m.currency) : '='}</Table.Td>
                <Table.Td ta="right">{m.timeDeltaMs === null ? '—' : formatDuration(m.timeDeltaMs)}</Table.Td>
                <Table.Td>{formatTimestamp(m.tsMs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} />}
    </Stack>
  );
}
