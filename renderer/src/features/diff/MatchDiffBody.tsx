import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { MatchDiff } from '../../../../preload/contract';
import type { PendingChange } from './pendingChange';
import { SideBySide } from './SideBySide';

/** One matched group: how it was made, both sides, and unmatch. */
export function MatchDiffBody({ diff, onPending }: { diff: MatchDiff; onPending: (p: PendingChange) => void }) {
  const m = diff.match;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge>{m.strategy}</Badge>
        {m.manual && <Badge color="grape">manual</Badge>}
        <Text>score {m.score}</Text>
        {m.note && <Text c="dimmed">“{m.note}”</Text>}
        <Button size="xs" variant="light" color="red" ml="auto" onClick={() => onPending({ kind: 'unmatch', matchId: m.id })}>
          Unmatch…
        </Button>
      </Group>
      <SideBySide diff={diff} />
    </Stack>
  );
}
