import { Card, Select, Stack, Title } from '@mantine/core';
import { forwardRef } from 'react';
import { useReconQuery } from '../../api/useRecon';
import { RejectedRowsTable } from './RejectedRowsTable';

/** Pick a source and see its rejected rows; the rows are asked for only once there is a source. */
export const RejectedRowsPanel = forwardRef<HTMLDivElement, { sourceId: number | null; onSourceChange: (id: number | null) => void }>(
  function RejectedRowsPanel({ sourceId, onSourceChange }, ref) {
    const summary = useReconQuery('workspace:get-summary', { auditLimit: 0 });
    const sources = summary.data?.sources ?? [];
    const source = sources.find((s) => s.id === sourceId);
    return (
      <Card withBorder padding="lg" ref={ref}>
        <Stack gap="sm">
          <Title order={3}>Rejected rows</Title>
          <Select label="Source" placeholder={sources.length ? 'Pick a source' : 'No sources yet'} value={sourceId ? String(sourceId) : null}
            data={sources.map((s) => ({ value: String(s.id), label: `${s.name} (${s.rowsRejected} rejected of ${s.rowsTotal})` }))}
            onChange={(v) => onSourceChange(v ? Number(v) : null)} />
          {/* Keyed by source so paging and the export path start afresh for each one. */}
          {source && <RejectedRowsTable key={source.id} source={source} />}
        </Stack>
      </Card>
    );
  },
);
