import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

/** Asks for the reason every manual match and unmatch must carry. */
export function ReasonPrompt(props: { opened: boolean; title: string; description: string; confirmLabel: string; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title}>
      <Stack gap="sm">
        <Text size="sm">{props.description}</Text>
        <TextInput label="Reason" required data-autofocus value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button disabled={!reason.trim()} onClick={() => props.onConfirm(reason.trim())}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
