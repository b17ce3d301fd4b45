import { Card, Group, Table, Text, Title } from '@mantine/core';
import type { RunComparison } from '../../../../preload/contract';
import { formatCount } from '../../components/formatters';

function signed(n: number): string {
  return `${n > 0 ? '+' : ''}${formatCount(n)}`;
}

export function RunComparisonCard({ comparison }: { comparison: RunComparison }) {
  const total = comparison.breaksCurrent - comparison.breaksPrevious;
  return (
    <Card withBorder aria-label="Impact against the previous run">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Impact against run #{comparison.previousRunId}</Title>
        <Text fw={600} c={total > 0 ? 'red' : 'green'}>
          {signed(total)} breaks
        </Text>
      </Group>
      <Table>
        <Table.Tbody>
          {comparison.classDelta
            .filter((c) => c.current || c.previous)
            .map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>{c.key}</Table.Td>
                <Table.Td ta="right">{formatCount(c.previous)} → {formatCount(c.current)}</Table.Td>
                <Table.Td ta="right" c={c.current > c.previous ? 'red' : c.current < c.previous ? 'green' : 'dimmed'}>
                  {signed(c.current - c.previous)}
                </Table.Td>
              </Table.Tr>
            ))}
          {comparison.engineImpact.map((fact) => (
            <Table.Tr key={fact.key}>
              <Table.Td c="dimmed">{fact.key}</Table.Td>
              <Table.Td colSpan={2} ta="right">
                {fact.value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
