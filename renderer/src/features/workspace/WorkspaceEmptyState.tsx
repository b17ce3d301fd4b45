import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';

export function WorkspaceEmptyState(props: { loading: boolean; onLoadDemo: () => void; onImport: () => void }) {
  return (
    <Card withBorder padding="xl">
      <Stack align="center" gap="sm" py="xl">
        <Title order={3}>This workspace is empty</Title>
        <Text c="dimmed" ta="center" maw={560}>
          Import a ledger, a processor settlement file or a bank statement to start reconciling. Or load the demo: a small
          ledger, processor and bank file set with a known break of every class, so you can explore right away.
        </Text>
        <Group mt="md">
          <Button onClick={props.onLoadDemo} loading={props.loading}>
            Load demo workspace
          </Button>
          <Button variant="default" onClick={props.onImport} disabled={props.loading}>
            Import a file
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
