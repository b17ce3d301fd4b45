import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { BREAK_CLASSES, TRIAGE_STATES, type TriageChange, type TriageState } from '../../../../preload/contract';

/** Assignee, class override (with its required reason), state and note in one action. */
export function TriageFormModal(props: { opened: boolean; targetLabel: string; onClose: () => void; onSubmit: (change: TriageChange) => void }) {
  const [state, setState] = useState<string | null>(null);
  const [assignee, setAssignee] = useState('');
  const [breakClass, setBreakClass] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const needsReason = breakClass !== null && reason.trim() === '';
  const submit = () => {
    const change: TriageChange = {};
    if (state) change.state = state as TriageState;
    if (assignee.trim()) change.assignee = assignee.trim() === '-' ? null : assignee.trim();
    if (breakClass) change.classOverride = { breakClass: breakClass === 'engine' ? null : (breakClass as (typeof BREAK_CLASSES)[number]), reason: reason.trim() };
    if (note.trim()) change.note = note.trim();
    props.onSubmit(change);
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Triage ${props.targetLabel}`}>
      <Stack gap="sm">
        <Select label="State" placeholder="unchanged" data={[...TRIAGE_STATES]} value={state} onChange={setState} clearable />
        <TextInput label="Assignee" description='"-" clears the assignee' value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)} />
        <Select label="Class override" placeholder="unchanged" data={[{ value: 'engine', label: "engine's class (clear override)" }, ...BREAK_CLASSES.map((c) => ({ value: c, label: c }))]} value={breakClass} onChange={setBreakClass} clearable />
        {breakClass && <TextInput label="Reason for the override" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={needsReason ? 'A class override needs a reason' : undefined} />}
        <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <Text size="xs" c="dimmed">
          Moves follow open → investigating → resolved | accepted; breaks that cannot make the move are skipped and counted.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={needsReason}>
            Apply
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
