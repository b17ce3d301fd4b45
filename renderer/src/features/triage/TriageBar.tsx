import { Alert, Button, Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import type { BreakFilter, TriageChange, TriageTarget } from '../../../../preload/contract';
import { formatCount } from '../../components/formatters';
import { TriageFormModal } from './TriageFormModal';
import { useTriageActions } from './useTriageActions';

export interface TriageBarProps {
  runId: number;
  filter: BreakFilter;
  selectedIds: number[];
  matchingLabel: string;
  onDone: () => void;
  /** Registers the bar's quick actions for the page's keyboard shortcuts. */
  bindKeys?: (keys: { investigate: () => void; undo: () => void }) => void;
}

/** Bulk triage on the selection or on the whole filter, and undo of the last action. */
export function TriageBar(props: TriageBarProps) {
  const triage = useTriageActions(props.runId);
  const [scope, setScope] = useState<'selection' | 'filter'>('selection');
  const [formOpen, setFormOpen] = useState(false);
  const effectiveScope = props.selectedIds.length === 0 ? 'filter' : scope;
  const target: TriageTarget = effectiveScope === 'selection' ? { breakIds: props.selectedIds } : { filter: props.filter };
  const label = effectiveScope === 'selection' ? `${formatCount(props.selectedIds.length)} selected` : `all ${props.matchingLabel} matching`;

  const run = async (change: TriageChange) => {
    if (await triage.apply(target, change)) props.onDone();
  };
  props.bindKeys?.({ investigate: () => void run({ state: 'investigating' }), undo: () => void triage.undo() });

  return (
    <>
      <Group gap="xs" aria-label="Triage actions">
        <Text size="sm" fw={600}>
          Triage
        </Text>
        <SegmentedControl
          size="xs"
          value={effectiveScope}
          onChange={(v) => setScope(v as typeof scope)}
          data={[
            { value: 'selection', label: `Selection (${formatCount(props.selectedIds.length)})`, disabled: props.selectedIds.length === 0 },
            { value: 'filter', label: `Whole filter (${props.matchingLabel})` },
          ]}
        />
        <Button size="xs" variant="light" color="yellow" loading={triage.busy} onClick={() => run({ state: 'investigating' })}>
          Investigate
        </Button>
        <Button size="xs" variant="light" color="green" loading={triage.busy} onClick={() => run({ state: 'resolved' })}>
          Resolve
        </Button>
        <Button size="xs" variant="light" color="gray" loading={triage.busy} onClick={() => run({ state: 'accepted' })}>
          Accept
        </Button>
        <Button size="xs" variant="light" color="red" loading={triage.busy} onClick={() => run({ state: 'open' })}>
          Reopen
        </Button>
        <Button size="xs" variant="default" onClick={() => setFormOpen(true)}>
          Assign, reclassify, note…
        </Button>
        <Button size="xs" variant="subtle" disabled={!triage.undoable} loading={triage.busy} onClick={() => void triage.undo()} title={triage.undoable ? `Undo #${triage.undoable.id}: ${triage.undoable.summary}` : 'Nothing to undo'}>
          Undo{triage.undoable ? ` "${triage.undoable.summary}"` : ''}
        </Button>
      </Group>
      {triage.message && (
        <Alert color={triage.message.ok ? 'green' : 'red'} withCloseButton onClose={triage.clearMessage} role={triage.message.ok ? 'status' : 'alert'} mt="xs">
          {triage.message.text}
        </Alert>
      )}
      <TriageFormModal
        key={String(formOpen)}
        opened={formOpen}
        targetLabel={label}
        onClose={() => setFormOpen(false)}
        onSubmit={(change) => {
          setFormOpen(false);
          void run(change);
        }}
      />
    </>
  );
}
