import { Button, Card, Stack, Text, Title } from '@mantine/core';
import type { PageDef, PageId } from '../../app/pages';

/** What a feature page shows before its screen exists: what it will do and where to go meanwhile. */
export function UpcomingPage({ page, onNavigate }: { page: PageDef; onNavigate: (page: PageId) => void }) {
  return (
    <Card withBorder padding="xl">
      <Stack align="center" gap="sm" py="xl">
        <Title order={3}>{page.label}</Title>
        <Text c="dimmed" ta="center" maw={520}>
          {page.description}. This screen is not available in this build yet; the same work can be done with the
          <Text span ff="monospace"> recon </Text>
          command line meanwhile.
        </Text>
        <Button variant="default" onClick={() => onNavigate('workspace')}>
          Back to the workspace
        </Button>
      </Stack>
    </Card>
  );
}
