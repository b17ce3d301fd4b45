import { Card, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RunDashboard } from '../../../../preload/contract';
import { useReconQuery } from '../../api/useRecon';
import type { NewRunStart } from '../reconcile/NewRunPanel';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/formatters';
import { BreakdownTable } from './BreakdownTable';
import { BreaksOverTimeChart } from './BreaksOverTimeChart';
import { RunComparisonCard } from './RunComparisonCard';
import { RunDashboardHeader } from './RunDashboardHeader';
import { RunNotCompleteNotice } from './RunNotCompleteNotice';
import { SourceFrontierTable } from './SourceFrontierTable';
import { StatCard } from './StatCard';
import { TopList } from './TopList';

type Bucket = 'auto' | 'hour' | 'day';

export function RunDashboardView({ runId, exportDir, onOpenBreaks, onRerun }: {
  runId: number;
  exportDir: string;
  onOpenBreaks: (classes: string[]) => void;
  onRerun: (start: NewRunStart) => void;
}) {
  const [bucket, setBucket] = useState<Bucket>('auto');
  const query = useReconQuery('runs:get-dashboard', { runId, bucket, topN: 8 });
  if (query.loading && !query.data) return <Loader aria-label="Loading dashboard" />;
  if (query.error || !query.data) return <ErrorNotice title="Could not build the dashboard" message={`${query.error ?? 'No data'}. Pick another run or reload.`} />;
  const d = query.data;
  return (
    <Stack gap="md" aria-label="Run dashboard">
      <RunDashboardHeader d={d} exportDir={exportDir} onRerun={onRerun} />
      {d.status !== 'complete' ? (
        <RunNotCompleteNotice runId={runId} status={d.status} startedAtMs={d.startedAtMs} finishedAtMs={d.finishedAtMs} ending={d.ending} />
      ) : (
        <CompleteRunDashboard d={d} bucket={bucket} onBucket={setBucket} onOpenBreaks={onOpenBreaks} />
      )}
    </Stack>
  );
}

/** " · set aside: 3 excluded by status (left), 1 superseded pending (left)", or nothing. */
function setAsideText(s: RunDashboard['setAside']): string {
  const parts = [
    [s.excludedLeft, 'excluded by status (left)'], [s.excludedRight, 'excluded by status (right)'],
    [s.supersededLeft, 'pending superseded by its settled record (left)'], [s.supersededRight, 'pending superseded by its settled record (right)'],
  ].filter(([n]) => (n as number) > 0).map(([n, what]) => `${formatCount(n as number)} ${what as string}`);
  return parts.length ? ` · set aside: ${parts.join(', ')}` : '';
}

function CompleteRunDashboard({ d, bucket, onBucket, onOpenBreaks }: {
  d: RunDashboard;
  bucket: Bucket;
  onBucket: (bucket: Bucket) => void;
  onOpenBreaks: (classes: string[]) => void;
}) {
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard label="Matched" value={d.matchedPercent === null ? '—' : `${d.matchedPercent}%`} detail={`${formatCount(d.leftMatched)} of ${formatCount(d.leftRecords)} left · ${formatCount(d.rightMatched)} of ${formatCount(d.rightRecords)} right${setAsideText(d.setAside)}`} />
        <StatCard label="Breaks" value={formatCount(d.breakCount)} detail={`${formatCount(d.byState[0]?.count ?? 0)} still open`} />
        <StatCard label="Matches" value={formatCount(d.matchCount)} detail={`${formatCount(d.manualMatchCount)} made by hand`} />
        <StatCard label="High blast radius" value={formatCount(d.byBlastRadius.find((b) => b.key === 'high')?.count ?? 0)} detail="several accounts, both sources at fault" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            By class
          </Title>
          <BreakdownTable label="Breaks by class" rows={d.byClass} onOpen={(key) => onOpenBreaks([key])} />
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            By blast radius and triage state
          </Title>
          <BreakdownTable label="Breaks by blast radius" rows={d.byBlastRadius} />
          <BreakdownTable label="Breaks by triage state" rows={d.byState} />
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>Breaks over time</Title>
          <SegmentedControl size="xs" value={bucket} onChange={(v) => onBucket(v as Bucket)} data={[{ value: 'auto', label: 'Auto' }, { value: 'hour', label: 'By hour' }, { value: 'day', label: 'By day' }]} />
        </Group>
        <BreaksOverTimeChart buckets={d.overTime} bucket={d.bucket} />
        {d.breaksWithoutTime > 0 && (
          <Text size="xs" c="dimmed">
            {formatCount(d.breaksWithoutTime)} breaks have no timestamp and are not drawn.
          </Text>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            Top accounts
          </Title>
          <TopList label="Top accounts" rows={d.topAccounts} />
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            Top customers
          </Title>
          <TopList label="Top customers" rows={d.topCustomers} />
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            Data frontier and lag
          </Title>
          <SourceFrontierTable sources={d.sources} />
        </Card>
      </SimpleGrid>
      {d.comparison && <RunComparisonCard comparison={d.comparison} />}
    </>
  );
}
