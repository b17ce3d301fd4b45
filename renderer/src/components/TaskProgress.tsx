import { Button, Group, Progress, Text } from '@mantine/core';
import type { ProgressEvent } from '../../../preload/contract';

/** A running task's progress with its cancel button; every long task shows one. */
export function TaskProgress({ event, onCancel }: { event: ProgressEvent | null; onCancel: () => void }) {
  const share = event?.total ? Math.min(100, (event.done / event.total) * 100) : null;
  return (
    <Group gap="sm" wrap="nowrap" aria-live="polite">
      <Progress value={share ?? 100} animated={share === null} style={{ flex: 1 }} aria-label="Task progress" />
      <Text size="xs" c="dimmed" miw={140}>
        {event ? `${event.phase} ${share !== null ? `${Math.floor(share)}%` : event.done.toLocaleString('en-US')}` : 'Starting…'}
      </Text>
      <Button size="xs" variant="default" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}
