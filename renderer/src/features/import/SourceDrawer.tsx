import { Badge, Code, Drawer, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { SourceDetail } from '../../../../preload/contract';
import { useReconQuery } from '../../api/useRecon';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatTimestamp } from '../../components/formatters';
import { describeSettings } from './describeSettings';
import { RejectedRowsTable } from './RejectedRowsTable';

/** The source page, as a drawer over whichever page opened it: what the file was, how it was read, what was kept. */
export function SourceDrawer({ sourceId, onClose }: { sourceId: number | null; onClose: () => void }) {
  return (
    <Drawer opened={sourceId !== null} onClose={onClose} position="right" size="xl" title={<Title order={3}>Source #{sourceId}</Title>}>
      {sourceId !== null && <SourcePage key={sourceId} sourceId={sourceId} />}
    </Drawer>
  );
}

function SourcePage({ sourceId }: { sourceId: number }) {
  const detail = useReconQuery('sources:get-source', { sourceId });
  if (detail.error) return <ErrorNotice title="Could not read the source" message={detail.error} />;
  if (!detail.data) return <Loader aria-label="Loading source" />;
  return <SourceDetails source={detail.data} />;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function SourceDetails({ source }: { source: SourceDetail }) {
  const settings = describeSettings({ ...source.settings, timezone: source.settings['timezone'] ?? source.timezone });
  return (
    <Stack gap="md" aria-label="Source page">
      <Group gap="xs">
        <Title order={4}>{source.name}</Title>
        <Badge variant="light">{source.kind}</Badge>
        <Badge variant="dot" color={source.status === 'complete' ? 'green' : 'gray'}>{source.status}</Badge>
      </Group>
      <SimpleGrid cols={3}>
        <Fact label="Rows">{formatCount(source.rowsTotal)}</Fact>
        <Fact label="Imported">{formatCount(source.rowsImported)}</Fact>
        <Fact label="Rejected">{formatCount(source.rowsRejected)}</Fact>
        <Fact label="Data frontier">{formatTimestamp(source.frontierMs)}</Fact>
        <Fact label="Format">{source.format}{source.encoding ? ` · ${source.encoding}` : ''}</Fact>
        <Fact label="File">{source.fileName} · {formatCount(source.byteSize)} bytes</Fact>
      </SimpleGrid>
      <Fact label="SHA-256"><Code>{source.sha256}</Code></Fact>
      <div>
        <Title order={5} mb={4}>Warnings</Title>
        {source.warnings.length === 0 ? (
          <Text size="sm" c="dimmed">None.</Text>
        ) : (
          <List size="sm" spacing={4} aria-label="Source warnings">
            {source.warnings.map((w, i) => <List.Item key={i}>{w}</List.Item>)}
          </List>
        )}
      </div>
      <div>
        <Title order={5} mb={4}>How the file was read</Title>
        <Table fz="sm" aria-label="Source settings" withRowBorders={false}>
          <Table.Tbody>
            {[...settings.lines, ...settings.columns.map((c) => ({ label: `column for ${c.label}`, value: c.value }))].map((line) => (
              <Table.Tr key={line.label}><Table.Td c="dimmed" w={200}>{line.label}</Table.Td><Table.Td ff="monospace">{line.value}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <div>
        <Title order={5} mb={4}>Rejected rows</Title>
        <RejectedRowsTable source={source} />
      </div>
    </Stack>
  );
}
