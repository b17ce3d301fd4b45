import { Badge, Table, Text, Tooltip } from '@mantine/core';
import type { SourceSummary } from '../../../../preload/contract';
import { formatCount, formatTimestamp } from '../../components/formatters';

const KIND_COLOR = { ledger: 'blue', processor: 'grape', bank: 'teal' } as const;

export function SourcesTable({ sources }: { sources: SourceSummary[] }) {
  return (
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
        {sources.map((source) => (
          <Table.Tr key={source.id}>
            <Table.Td>
              <Tooltip label={`${source.fileName} · sha256 ${source.sha256.slice(0, 16)}…`}>
                <Text size="sm" fw={500}>
                  {source.name}
                </Text>
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
              <Badge variant="dot" color={source.status === 'complete' ? 'green' : source.status === 'importing' ? 'yellow' : 'red'}>
                {source.status}
              </Badge>
              {source.warnings.length > 0 && (
                <Tooltip label={source.warnings.join('\n')} multiline w={360}>
                  <Badge ml="xs" color="orange" variant="light">
                    {source.warnings.length} warning{source.warnings.length > 1 ? 's' : ''}
                  </Badge>
                </Tooltip>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
