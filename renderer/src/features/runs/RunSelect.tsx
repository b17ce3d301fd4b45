import { Select } from '@mantine/core';
import type { RunSummary, SourceSummary } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';
import { selectRun } from './selectedRun';

/** The run the Runs and Breaks pages show: "#id left ↔ right · started". Choosing one selects it everywhere. */
export function RunSelect(props: { runs: readonly RunSummary[]; sources: readonly SourceSummary[]; runId: number }) {
  const nameOf = (id: number) => props.sources.find((s) => s.id === id)?.name ?? `#${id}`;
  return (
    <Select
      label="Run"
      aria-label="Run"
      w={420}
      value={String(props.runId)}
      allowDeselect={false}
      onChange={(value) => value && selectRun(Number(value))}
      data={props.runs.map((run) => ({
        value: String(run.id),
        label: `#${run.id} ${nameOf(run.leftSourceId)} ↔ ${nameOf(run.rightSourceId)} · ${formatTimestamp(run.startedAtMs)}`,
      }))}
    />
  );
}
