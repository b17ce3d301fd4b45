import { Card, Group, Table, Text, Title } from '@mantine/core';
import type { RunComparison } from '../../../../preload/contract';
import { formatCount } from '../../components/formatters';

function signed(n: number): string {
  return `${n > 0 ? '+' : ''}${formatCount(n)}`;
}

// More breaks is worse, fewer is better; unchanged stays quiet.
const deltaColor = (delta: number) => (delta > 0 ? 'red' : delta < 0 ? 'green' : 'dimmed');

/** What changed against the previous run of the same two sources: matches, then breaks per class. */
export function RunComparisonCard({ comparison }: { comparison: RunComparison }) {
  const total = comparison.breaksCurrent - comparison.breaksPrevious;
  const classes = comparison.classDelta.filter((c) => c.current || c.previous);
  const m = comparison.matches;
  return (
    <Card withBorder aria-label="Impact against the previous run">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Impact against run #{comparison.previousRunId}</Title>
        <Text fw={600} c={deltaColor(total)}>
          {signed(total)} breaks
        </Text>
      </Group>
      {m && (
        <Text size="sm" mb="xs" aria-label="Match impact">
          Matches gained {formatCount(m.gained)} · lost {formatCount(m.lost)} · changed {formatCount(m.changed)}
        </Text>
      )}
      {classes.length === 0 ? (
        <Text size="sm" c="dimmed">Neither run has breaks.</Text>
      ) : (
        <>
          {/* "By class" counts the class after analysts' overrides; this compares what the engine found. */}
          <Text size="xs" c="dimmed" mb={4}>Classes as the engine found them, before any class override.</Text>
          <Table aria-label="Breaks per class against the previous run" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Class</Table.Th>
                <Table.Th ta="right">This run</Table.Th>
                <Table.Th ta="right">Run #{comparison.previousRunId}</Table.Th>
                <Table.Th ta="right">Δ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {classes.map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Td>{c.key}</Table.Td>
                  <Table.Td ta="right">{formatCount(c.current)}</Table.Td>
                  <Table.Td ta="right">{formatCount(c.previous)}</Table.Td>
                  <Table.Td ta="right" c={deltaColor(c.current - c.previous)}>
                    {signed(c.current - c.previous)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
