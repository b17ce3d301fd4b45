import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BreakFilter, TriageChange, TriageTarget } from '../../../../preload/contract';
import { formatCount } from '../../components/formatters';
import { describeFilter } from './describeFilter';
import { TriageFormModal } from './TriageFormModal';
import { useTriageActions } from './useTriageActions';

export interface TriageBarProps {
  runId: number;
  filter: BreakFilter;
  selectedIds: number[];
  /** The break under the table's cursor: what a selection-scoped action touches when nothing is selected. */
  cursorId: number | null;
  matchingLabel: string;
  onDone: () => void;
  /** Registers the bar's quick actions for the page's keyboard shortcuts. */
  bindKeys?: (keys: { investigate: () => void; undo: () => void }) => void;
}

function describe(change: TriageChange): string {
  const parts = [change.state && `state → ${change.state}`, change.assignee !== undefined && `assignee → ${change.assignee ?? 'nobody'}`, change.classOverride && `class → ${change.classOverride.breakClass ?? "engine's"}`, change.note && 'note'];
  return parts.filter(Boolean).join(', ');
}

/**
 * Bulk triage on the selection (the cursor row when nothing is selected) or on the whole filter, and
 * undo of the last action. The scope is only ever changed by the user, and a whole-filter action
 * always asks first, naming the count and the filter: one key press must not change every break.
 */
export function TriageBar(props: TriageBarProps) {
  const triage = useTriageActions(props.runId);
  const [scope, setScope] = useState<'selection' | 'filter'>('selection');
  const [formOpen, setFormOpen] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<TriageChange | null>(null);
  const selected = props.selectedIds.length;
  const selectionIds = selected ? props.selectedIds : props.cursorId !== null ? [props.cursorId] : [];
  const selectionLabel = selected ? `${formatCount(selected)} selected` : props.cursorId !== null ? `break #${props.cursorId} (cursor row)` : 'nothing';
  const label = scope === 'selection' ? selectionLabel : `all ${props.matchingLabel} matching`;

  const apply = async (target: TriageTarget, change: TriageChange) => {
    if (await triage.apply(target, change)) props.onDone();
  };
  const run = async (change: TriageChange) => {
    setHint(null);
    if (scope === 'filter') setConfirming(change);
    else if (selectionIds.length) await apply({ breakIds: selectionIds }, change);
    else setHint('Nothing selected and no row under the cursor: select breaks (x or the checkboxes), or choose “Whole filter”.');
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
          aria-label="Triage scope"
          value={scope}
          onChange={(v) => setScope(v as typeof scope)}
          data={[
            { value: 'selection', label: selected ? `Selection (${formatCount(selected)})` : 'Cursor row' },
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
      {hint && (
        <Alert color="yellow" withCloseButton onClose={() => setHint(null)} role="status" mt="xs">
          {hint}
        </Alert>
      )}
      {triage.message && (
        <Alert color={triage.message.ok ? 'green' : 'red'} withCloseButton onClose={triage.clearMessage} role={triage.message.ok ? 'status' : 'alert'} mt="xs">
          {triage.message.text}
        </Alert>
      )}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title="Apply to the whole filter?">
        <Stack gap="sm">
          <Text size="sm">
            This applies “{confirming ? describe(confirming) : ''}” to all {props.matchingLabel} breaks matching the filter, as one action. You can undo it afterwards.
          </Text>
          <Text size="sm" fw={600} data-testid="confirm-filter">
            Filter: {describeFilter(props.filter)}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                const change = confirming;
                setConfirming(null);
                if (change) void apply({ filter: props.filter }, change);
              }}
            >
              Apply to {props.matchingLabel} breaks
            </Button>
          </Group>
        </Stack>
      </Modal>
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
