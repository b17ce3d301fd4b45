import { Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call, ReconCallError } from '../../api/reconClient';
import { useReconQuery } from '../../api/useRecon';
import { useTask } from '../../api/useTask';
import type { PageId } from '../../app/pages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SourceDrawer } from '../import/SourceDrawer';
import { TaskProgress } from '../../components/TaskProgress';
import { RecentAuditTable } from './RecentAuditTable';
import { RunsTable } from './RunsTable';
import { SourcesTable } from './SourcesTable';
import { WorkspaceEmptyState } from './WorkspaceEmptyState';

export function WorkspacePage({ onNavigate }: { onNavigate: (page: PageId) => void }) {
  const summary = useReconQuery('workspace:get-summary', { auditLimit: 8 });
  const demo = useTask();
  const [demoError, setDemoError] = useState<string | null>(null);
  const [openSource, setOpenSource] = useState<number | null>(null);

  const loadDemo = async () => {
    setDemoError(null);
    try {
      await demo.run('demo', (taskId) => call('workspace:load-demo', { taskId }));
    } catch (error) {
      setDemoError(error instanceof ReconCallError ? error.message : String(error));
    }
  };

  if (summary.loading && !summary.data) return <Loader aria-label="Loading workspace" />;
  if (summary.error) return <ErrorNotice title="Could not read the workspace" message={summary.error} />;
  const data = summary.data!;
  const empty = data.sources.length === 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={2}>Workspace</Title>
          <Text size="xs" c="dimmed" ff="monospace">
            {data.storePath}
          </Text>
        </div>
        {!empty && (
          <Button variant="light" onClick={() => onNavigate('import')}>
            Import a file
          </Button>
        )}
      </Group>
      {demoError && <ErrorNotice title="The demo could not be loaded" message={demoError} />}
      {demo.running && <TaskProgress event={demo.progress} onCancel={demo.cancel} />}
      {empty ? (
        <WorkspaceEmptyState loading={demo.running} onLoadDemo={loadDemo} onImport={() => onNavigate('import')} />
      ) : (
        <>
          <Card withBorder padding="md">
            <Title order={4} mb="sm">
              Sources
            </Title>
            <SourcesTable sources={data.sources} onOpen={setOpenSource} />
          </Card>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder padding="md">
              <Title order={4} mb="sm">
                Runs
              </Title>
              <RunsTable runs={data.runs} sources={data.sources} />
            </Card>
            <Card withBorder padding="md">
              <Group justify="space-between" mb="sm">
                <Title order={4}>Recent activity</Title>
                <Button size="xs" variant="subtle" onClick={() => onNavigate('audit')}>
                  Open audit log ({data.auditTotal})
                </Button>
              </Group>
              <RecentAuditTable entries={data.recentAudit} />
            </Card>
          </SimpleGrid>
        </>
      )}
      <SourceDrawer sourceId={openSource} onClose={() => setOpenSource(null)} />
    </Stack>
  );
}
