import { Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useReconQuery } from '../../api/useRecon';
import type { PageId } from '../../app/pages';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NewRunPanel, type NewRunStart } from '../reconcile/NewRunPanel';
import { RunDashboardView } from './RunDashboardView';
import { RunSelect } from './RunSelect';
import { selectRun, useSelectedRun } from './selectedRun';

export function RunsPage({ onNavigate }: { onNavigate: (page: PageId) => void }) {
  const summary = useReconQuery('workspace:get-summary', { auditLimit: 0 });
  const selected = useSelectedRun();
  // A fresh panel per opening (the key), so a re-run always starts from the run it came from.
  const [newRun, setNewRun] = useState<{ key: number; start?: NewRunStart } | null>(null);
  const openNewRun = (start?: NewRunStart) => setNewRun({ key: Date.now(), ...(start ? { start } : {}) });
  const panel = newRun && (
    <Card withBorder aria-label="New reconciliation">
      <Group justify="space-between" mb="xs">
        <Title order={4}>New reconciliation</Title>
        <Button size="xs" variant="subtle" onClick={() => setNewRun(null)}>
          Close
        </Button>
      </Group>
      <NewRunPanel
        key={newRun.key}
        {...(newRun.start ? { start: newRun.start } : {})}
        onRunComplete={(runId) => {
          setNewRun(null);
          selectRun(runId);
        }}
      />
    </Card>
  );
  if (summary.loading && !summary.data) return <Loader aria-label="Loading runs" />;
  if (summary.error) return <ErrorNotice title="Could not read the runs" message={`${summary.error} Reopen the workspace or check the store folder.`} />;
  const runs = summary.data?.runs ?? [];
  if (runs.length === 0) {
    const canRun = (summary.data?.sources.length ?? 0) >= 2;
    return (
      <Stack gap="md">
        {panel || (
          <EmptyState
            title="No runs yet"
            message={
              canRun
                ? 'A run reconciles two imported sources and finds every break. Start one: pick the two sources and the rules.'
                : 'A run reconciles two imported sources and finds every break. Start one and import a ledger and a processor or bank file on the way (or load the demo from the Workspace page).'
            }
            actionLabel="Start a reconciliation"
            onAction={() => openNewRun()}
          />
        )}
      </Stack>
    );
  }
  const runId = selected.runId !== null && runs.some((r) => r.id === selected.runId) ? selected.runId : runs[0]!.id;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Run dashboard</Title>
          <Text size="sm" c="dimmed">
            Matched share, breaks by class and blast radius, when they happened and where.
          </Text>
        </div>
        <Group align="flex-end" gap="xs">
          <Button variant="light" onClick={() => openNewRun()} disabled={newRun !== null}>
            New run
          </Button>
          <RunSelect runs={runs} sources={summary.data?.sources ?? []} runId={runId} />
        </Group>
      </Group>
      {panel}
      <RunDashboardView
        runId={runId}
        exportDir={(summary.data?.storePath ?? '').replace(/[\\/][^\\/]*$/, '')}
        onRerun={openNewRun}
        onOpenBreaks={(classes) => {
          selectRun(runId, classes);
          onNavigate('breaks');
        }}
      />
    </Stack>
  );
}
