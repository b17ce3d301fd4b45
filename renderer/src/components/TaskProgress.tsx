import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { ProgressEvent } from '../../../preload/contract';

/** What to say about one progress event: "Step k of n · phase 68%", never a bare count of 0. */
function describe(event: ProgressEvent, share: number | null): string {
  const step = event.step ? `Step ${event.step.index} of ${event.step.count} · ` : '';
  const amount = share !== null ? ` ${Math.floor(share)}%` : event.done > 0 ? ` ${event.done.toLocaleString('en-US')}` : '';
  return `${step}${event.phase}${amount}`;
}

/**
 * A running task's progress with its cancel button; every long task shows one. A task of several steps
 * gets an overall bar (done steps plus the current step's share) that only moves forward.
 */
export function TaskProgress({ event, onCancel }: { event: ProgressEvent | null; onCancel: () => void }) {
  const share = event?.total ? Math.min(100, (event.done / event.total) * 100) : null;
  const overall = event?.step ? ((event.step.index - 1 + (share ?? 0) / 100) / event.step.count) * 100 : null;
  const bar = overall ?? share;
  return (
    <Group gap="sm" wrap="nowrap" aria-live="polite">
      <Stack gap={4} style={{ flex: 1 }}>
        <Progress value={bar ?? 100} animated={bar === null || (overall !== null && share === null)} aria-label="Task progress" />
        {event?.step && share !== null && <Progress size="xs" value={share} aria-label="Step progress" />}
      </Stack>
      <Text size="xs" c="dimmed" miw={220}>
        {event ? describe(event, share) : 'Starting…'}
      </Text>
      <Button size="xs" variant="default" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}
