import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/** Asks for the reason every manual match and unmatch must carry, below what is about to happen. */
export function ReasonPrompt(props: { opened: boolean; title: string; description: string; children?: ReactNode; confirmLabel: string; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title} size="lg">
      <Stack gap="sm">
        <Text size="sm">{props.description}</Text>
        {props.children}
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
