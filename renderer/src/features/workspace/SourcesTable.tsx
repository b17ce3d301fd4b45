import { Anchor, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { SourceSummary } from '../../../../preload/contract';
import { formatCount, formatTimestamp } from '../../components/formatters';

const KIND_COLOR = { ledger: 'blue', processor: 'grape', bank: 'teal' } as const;

/** Sources whose import did not complete hold no rows; they are history, not data to reconcile. */
const isAbandoned = (source: SourceSummary) => source.status === 'cancelled' || source.status === 'failed';

export function SourcesTable({ sources, onOpen }: { sources: SourceSummary[]; onOpen: (sourceId: number) => void }) {
  const [showAbandoned, setShowAbandoned] = useState(false);
  const abandoned = sources.filter(isAbandoned).length;
  const shown = showAbandoned ? sources : sources.filter((s) => !isAbandoned(s));
  return (
    <Stack gap="xs">
      <Table striped highlightOnHover aria-label="Sources">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Format</Table.Th>
            <Table.Th ta="right">Rows</Table.Th>
            <Table.Th ta="right">Imported</Table.Th>
            <Table.Th ta="right">Rejected</Table.Th>
            <Table.Th>Data frontier</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((source) => (
            <Table.Tr key={source.id} opacity={isAbandoned(source) ? 0.55 : undefined}>
              <Table.Td>
                <Tooltip label={`${source.fileName} · sha256 ${source.sha256.slice(0, 16)}… · open the source page`}>
                  <Anchor component="button" size="sm" fw={500} onClick={() => onOpen(source.id)}>
                    {source.name}
                  </Anchor>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={KIND_COLOR[source.kind]}>
                  {source.kind}
                </Badge>
              </Table.Td>
              <Table.Td>{source.format}</Table.Td>
              <Table.Td ta="right">{formatCount(source.rowsTotal)}</Table.Td>
              <Table.Td ta="right">{formatCount(source.rowsImported)}</Table.Td>
              <Table.Td ta="right" c={source.rowsRejected ? 'red' : undefined}>
                {formatCount(source.rowsRejected)}
              </Table.Td>
              <Table.Td>{formatTimestamp(source.frontierMs)}</Table.Td>
              <Table.Td>
                <Badge variant="dot" color={source.status === 'complete' ? 'green' : source.status === 'importing' ? 'yellow' : 'gray'}>
                  {source.status}
                </Badge>
                {source.warnings.length > 0 && (
                  <Badge ml="xs" color="orange" variant="light" component="button" style={{ cursor: 'pointer' }} onClick={() => onOpen(source.id)}
                    aria-label={`${source.warnings.length} warnings on ${source.name}: open the source page`}>
                    {source.warnings.length} warning{source.warnings.length > 1 ? 's' : ''}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {abandoned > 0 && (
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {abandoned} cancelled or failed import{abandoned > 1 ? 's' : ''} {showAbandoned ? 'shown greyed' : 'hidden'}; they hold no rows.
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => setShowAbandoned((v) => !v)}>
            {showAbandoned ? 'Hide them' : 'Show them'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
