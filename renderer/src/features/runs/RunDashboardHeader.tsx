import { Button, Group, Text } from '@mantine/core';
import type { RunDashboard } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';
import type { NewRunStart } from '../reconcile/NewRunPanel';
import { RunExportButton } from './RunExportButton';
import { RunStatusBadge } from './RunStatusBadge';

/** The run's status, rules and start, with what can be done with the run as a whole. */
export function RunDashboardHeader({ d, exportDir, onRerun }: { d: RunDashboard; exportDir: string; onRerun: (start: NewRunStart) => void }) {
  return (
    <Group justify="space-between">
      <Group gap="xs">
        <RunStatusBadge status={d.status} />
        <Text size="sm">rules {d.ruleSetName}@{d.ruleSetVersion}</Text>
        <Text size="sm" c="dimmed">
          started {formatTimestamp(d.startedAtMs)}
          {d.fingerprint ? ` · fingerprint ${d.fingerprint.slice(0, 12)}…` : ''}
        </Text>
      </Group>
      <Group gap="xs">
        <Button size="xs" variant="default" title="A new run of the same two sources, starting from this run's rule set"
          onClick={() => onRerun({ leftSourceId: d.leftSourceId, rightSourceId: d.rightSourceId, ruleSetId: d.ruleSetId })}>
          Re-run with these rules…
        </Button>
        <RunExportButton runId={d.runId} exportDir={exportDir}
          disabledReason={d.status === 'complete' ? null : `Run #${d.runId} is ${d.status}: it has no results to export.`} />
      </Group>
    </Group>
  );
}
