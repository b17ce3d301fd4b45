import { Text, Timeline } from '@mantine/core';
import type { TriageEventView } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';

export function TriageHistoryList({ events }: { events: TriageEventView[] }) {
  if (events.length === 0) return <Text size="sm" c="dimmed">No triage yet: this break is as the engine left it.</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2} aria-label="Triage history">
      {events.map((event) => (
        <Timeline.Item key={event.id} title={`${event.action}${event.fromState !== event.toState ? `: ${event.fromState ?? '—'} → ${event.toState ?? '—'}` : ''}`}>
          <Text size="xs" c="dimmed">
            {event.actor} · {formatTimestamp(event.tsMs)}
            {event.actionId !== null ? ` · action #${event.actionId}` : ''}
          </Text>
          {event.detail && <Text size="xs">{event.detail}</Text>}
          {event.note && <Text size="xs" fs="italic">“{event.note}”</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
