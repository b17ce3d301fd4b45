import { Button, Card, Code, Group, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call, ReconCallError } from '../../api/reconClient';
import { useReconQuery } from '../../api/useRecon';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SavePathField } from '../../components/SavePathField';

const PAGE = 50;

/** A source's rejected rows (line, column, reason, raw text), paged, and exportable to CSV. */
export function RejectedRowsPanel({ sourceId, onSourceChange }: { sourceId: number | null; onSourceChange: (id: number | null) => void }) {
  const summary = useReconQuery('workspace:get-summary', { auditLimit: 0 });
  const [page, setPage] = useState(1);
  const [outPath, setOutPath] = useState('');
  // Set when the save dialog picked the path: it has already asked before replacing a file.
  const [overwrite, setOverwrite] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const sources = summary.data?.sources ?? [];
  const rejected = useReconQuery('sources:list-rejected', { sourceId: sourceId ?? 0, offset: (page - 1) * PAGE, limit: PAGE });
  const source = sources.find((s) => s.id === sourceId);

  const exportCsv = async () => {
    setExportError(null);
    try {
      const result = await call('sources:export-rejected', { sourceId: sourceId!, outPath: outPath.trim(), overwrite });
      setExported(`${result.rows} rows written to ${result.path}`);
    } catch (e) {
      setExportError(e instanceof ReconCallError ? e.message : String(e));
    }
  };

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3}>Rejected rows</Title>
        <Select label="Source" placeholder={sources.length ? 'Pick a source' : 'No sources yet'} value={sourceId ? String(sourceId) : null}
          data={sources.map((s) => ({ value: String(s.id), label: `${s.name} (${s.rowsRejected} rejected of ${s.rowsTotal})` }))}
          onChange={(v) => { setPage(1); setExported(null); onSourceChange(v ? Number(v) : null); }} />
        {source && sourceId !== null && !rejected.error && (
          rejected.data?.total === 0 ? (
            <Text c="dimmed" size="sm">Every one of the {source.rowsTotal.toLocaleString('en-US')} rows of "{source.name}" was imported.</Text>
          ) : (
            <>
              <Table striped aria-label="Rejected rows" fz="sm">
                <Table.Thead>
                  <Table.Tr><Table.Th>Line</Table.Th><Table.Th>Column</Table.Th><Table.Th>Reason</Table.Th><Table.Th>Raw text</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(rejected.data?.rows ?? []).map((row, i) => (
                    <Table.Tr key={`${row.line}-${i}`}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>{row.column ?? '—'}</Table.Td>
                      <Table.Td>{row.reason}</Table.Td>
                      <Table.Td><Code>{row.raw.length > 160 ? `${row.raw.slice(0, 160)}…` : row.raw}</Code></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {(rejected.data?.total ?? 0) > PAGE && <Pagination total={Math.ceil((rejected.data?.total ?? 0) / PAGE)} value={page} onChange={setPage} />}
              <Group align="flex-end">
                <SavePathField label="Export to CSV file" title="Export the rejected rows" placeholder="/path/to/rejected.csv" value={outPath}
                  onChange={(path) => { setOverwrite(false); setOutPath(path); }} onPicked={() => setOverwrite(true)} />
                <Button variant="default" onClick={exportCsv} disabled={!outPath.trim()}>Export</Button>
              </Group>
              {exported && <Text size="sm" c="green" role="status">{exported}</Text>}
              {exportError && <ErrorNotice title="Export failed" message={exportError} />}
            </>
          )
        )}
        {rejected.error && sourceId !== null && <ErrorNotice title="Could not read the rejected rows" message={rejected.error} />}
      </Stack>
    </Card>
  );
}
