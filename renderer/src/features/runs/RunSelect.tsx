import { Group, Select, Text } from '@mantine/core';
import type { RunSummary, SourceSummary } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';
import { RunStatusBadge } from './RunStatusBadge';
import { selectRun } from './selectedRun';

/**
 * The run the Runs and Breaks pages show: "#id left ↔ right · started", with its status (the closed
 * field names a run that is not complete, the list badges every run). Choosing one selects it everywhere.
 */
export function RunSelect(props: { runs: readonly RunSummary[]; sources: readonly SourceSummary[]; runId: number }) {
  const nameOf = (id: number) => props.sources.find((s) => s.id === id)?.name ?? `#${id}`;
  const statusOf = new Map(props.runs.map((run) => [String(run.id), run.status]));
  return (
    <Select
      label="Run"
      aria-label="Run"
      w={460}
      value={String(props.runId)}
      allowDeselect={false}
      onChange={(value) => value && selectRun(Number(value))}
      data={props.runs.map((run) => ({
        value: String(run.id),
        label: `#${run.id}${run.status === 'complete' ? '' : ` (${run.status})`} ${nameOf(run.leftSourceId)} ↔ ${nameOf(run.rightSourceId)} · ${formatTimestamp(run.startedAtMs)}`,
      }))}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <RunStatusBadge status={statusOf.get(option.value) ?? 'unknown'} size="xs" />
          <Text size="sm">{option.label.replace(/ \((cancelled|failed|running)\)/, '')}</Text>
        </Group>
      )}
    />
  );
}
