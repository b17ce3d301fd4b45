import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { PageDef, PageId } from '../../app/pages';

/** What to use until a screen exists; only things this build really does. */
const MEANWHILE: Partial<Record<PageId, string>> = {
  repairs:
    'Meanwhile, work the breaks on the Breaks page: open a break side by side, match records by hand where the engine missed them, ' +
    'assign, note and mark breaks investigating, resolved or accepted (each change is audited and the last one can be undone), ' +
    'and export the breaks as CSV for whoever corrects the system of record.',
  balances:
    "Meanwhile, to check one customer: on the Breaks page, type the customer's id in the Customer filter to see every break of " +
    'that customer in the selected run, with amounts and both sides side by side. The run dashboard lists the customers with the most breaks.',
};

/** What a feature page shows before its screen exists: that it is not built yet, and what to use instead. */
export function UpcomingPage({ page, onNavigate }: { page: PageDef; onNavigate: (page: PageId) => void }) {
  const meanwhile = MEANWHILE[page.id];
  return (
    <Card withBorder padding="xl">
      <Stack align="center" gap="sm" py="xl">
        <Title order={3}>{page.label}</Title>
        <Text c="dimmed" ta="center" maw={560}>
          {page.description}: this screen is not built yet, in the app or the command line.
        </Text>
        {meanwhile && (
          <Text ta="center" maw={560} size="sm">
            {meanwhile}
          </Text>
        )}
        <Group gap="xs">
          {meanwhile && <Button onClick={() => onNavigate('breaks')}>Open the Breaks page</Button>}
          <Button variant="default" onClick={() => onNavigate('workspace')}>
            Back to the workspace
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
