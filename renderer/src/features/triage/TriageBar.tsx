import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
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
  /** How many breaks the whole filter matches (at least); null while counting. */
  matchingCount: number | null;
  onDone: () => void;
  /** Registers the bar's quick actions for the page's keyboard shortcuts. */
  bindKeys?: (keys: { investigate: () => void; undo: () => void }) => void;
}

const CONFIRM_ABOVE = 1000;

/** Bulk triage on the selection or on the whole filter, and undo of the last action. */
function describe(change: TriageChange): string {
  const parts = [change.state && `state → ${change.state}`, change.assignee !== undefined && `assignee → ${change.assignee ?? 'nobody'}`, change.classOverride && `class → ${change.classOverride.breakClass ?? "engine's"}`, change.note && 'note'];
  return parts.filter(Boolean).join(', ');
}

export function TriageBar(props: TriageBarProps) {
  const triage = useTriageActions(props.runId);
  const [scope, setScope] = useState<'selection' | 'filter'>('selection');
  const [formOpen, setFormOpen] = useState(false);
  const effectiveScope = props.selectedIds.length === 0 ? 'filter' : scope;
  const target: TriageTarget = effectiveScope === 'selection' ? { breakIds: props.selectedIds } : { filter: props.filter };
  const label = effectiveScope === 'selection' ? `${formatCount(props.selectedIds.length)} selected` : `all ${props.matchingLabel} matching`;

  const [confirming, setConfirming] = useState<TriageChange | null>(null);
  const apply = async (change: TriageChange) => {
    if (await triage.apply(target, change)) props.onDone();
  };
  // A whole-filter action over many breaks is one click from changing a million rows: ask first.
  const run = async (change: TriageChange) => {
    if (effectiveScope === 'filter' && (props.matchingCount ?? Infinity) > CONFIRM_ABOVE) setConfirming(change);
    else await apply(change);
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
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title="Apply to the whole filter?">
        <Stack gap="sm">
          <Text size="sm">
            This applies “{confirming ? describe(confirming) : ''}” to {label} breaks as one action. You can undo it afterwards.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                const change = confirming;
                setConfirming(null);
                if (change) void apply(change);
              }}
            >
              Apply to {props.matchingLabel}
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
