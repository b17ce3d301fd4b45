import { Group, Text } from '@mantine/core';
import type { RunDashboard } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';
import { RunExportButton } from './RunExportButton';
import { RunStatusBadge } from './RunStatusBadge';

/** The run's status, rules and start, with what can be done with the run as a whole. */
export function RunDashboardHeader({ d, exportDir }: { d: RunDashboard; exportDir: string }) {
  return (
    <Group justify="space-between">
      <Group gap="xs">
        <RunStatusBadge status={d.status} />
        <Text size="sm">rules {d.ruleSetName}</Text>
        <Text size="sm" c="dimmed">
          started {formatTimestamp(d.startedAtMs)}
          {d.fingerprint ? ` · fingerprint ${d.fingerprint.slice(0, 12)}…` : ''}
        </Text>
      </Group>
      <Group gap="xs">
        <RunExportButton runId={d.runId} exportDir={exportDir}
          disabledReason={d.status === 'complete' ? null : `Run #${d.runId} is ${d.status}: it has no results to export.`} />
      </Group>
    </Group>
  );
}
