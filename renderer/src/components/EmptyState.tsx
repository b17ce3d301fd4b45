import { Button, Card, Stack, Text, Title } from '@mantine/core';

/** An empty or failed screen that says what to do next, with the action to do it. */
export function EmptyState(props: { title: string; message: string; actionLabel?: string; onAction?: () => void }) {
  return (
    <Card withBorder padding="xl">
      <Stack align="center" gap="sm" py="lg">
        <Title order={3}>{props.title}</Title>
        <Text c="dimmed" ta="center" maw={560}>
          {props.message}
        </Text>
        {props.actionLabel && props.onAction && (
          <Button variant="light" onClick={props.onAction}>
            {props.actionLabel}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
