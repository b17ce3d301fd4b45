import { Card, Text } from '@mantine/core';

export function StatCard({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <Card withBorder padding="md" aria-label={label}>
      <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Card>
  );
}
