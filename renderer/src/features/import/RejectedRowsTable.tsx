import { Button, Group, Pagination, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call, ReconCallError } from '../../api/reconClient';
import { useReconQuery } from '../../api/useRecon';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SavePathField } from '../../components/SavePathField';
import { RejectedRowLines } from './RejectedRowLines';

const PAGE = 50;

/** One source's rejected rows (line, column, reason, raw text), paged, and exportable to CSV. Mounted only for a real source. */
export function RejectedRowsTable({ source }: { source: { id: number; name: string; rowsTotal: number } }) {
  const [page, setPage] = useState(1);
  const [outPath, setOutPath] = useState('');
  // Set when the save dialog picked the path: it has already asked before replacing a file.
  const [overwrite, setOverwrite] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const rejected = useReconQuery('sources:list-rejected', { sourceId: source.id, offset: (page - 1) * PAGE, limit: PAGE });

  const exportCsv = async () => {
    setExportError(null);
    setExported(null);
    try {
      const result = await call('sources:export-rejected', { sourceId: source.id, outPath: outPath.trim(), overwrite });
      setExported(`${result.rows} rows written to ${result.path}`);
    } catch (e) {
      setExportError(e instanceof ReconCallError ? e.message : String(e));
    }
  };

  if (rejected.error) return <ErrorNotice title="Could not read the rejected rows" message={rejected.error} />;
  if (rejected.data?.total === 0) {
    return <Text c="dimmed" size="sm">Every one of the {source.rowsTotal.toLocaleString('en-US')} rows of "{source.name}" was imported.</Text>;
  }
  return (
    <Stack gap="sm">
      <RejectedRowLines rows={rejected.data?.rows ?? []} label="Rejected rows" rawChars={160} size="sm" />
      {(rejected.data?.total ?? 0) > PAGE && <Pagination total={Math.ceil((rejected.data?.total ?? 0) / PAGE)} value={page} onChange={setPage} />}
      <Group align="flex-end">
        <SavePathField label="Export to CSV file" title="Export the rejected rows" placeholder="/path/to/rejected.csv" value={outPath}
          onChange={(path) => { setOverwrite(false); setOutPath(path); }} onPicked={() => setOverwrite(true)} />
        <Button variant="default" onClick={exportCsv} disabled={!outPath.trim()}>Export</Button>
      </Group>
      {exported && <Text size="sm" c="green" role="status">{exported}</Text>}
      {exportError && <ErrorNotice title="Export failed" message={exportError} />}
    </Stack>
  );
}
