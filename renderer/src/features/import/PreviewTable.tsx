import { Badge, ScrollArea, Table, Text } from '@mantine/core';
import type { ImportPreview } from '../../../../preload/contract';

/** The first rows exactly as parsed, each with what normalization made of it. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const outcome = new Map(preview.normalized.map((n) => [n.line, n]));
  return (
    <ScrollArea type="auto" mah={360}>
      <Table striped withTableBorder aria-label="Preview rows" fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            {preview.header.map((h, i) => <Table.Th key={`${h}-${i}`}>{h}</Table.Th>)}
            <Table.Th>Normalized</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => {
            const result = outcome.get(row.line);
            return (
              <Table.Tr key={row.line}>
                <Table.Td c="dimmed">{row.line}</Table.Td>
                {row.cells.map((cell, i) => <Table.Td key={i} ff="monospace">{cell}</Table.Td>)}
                <Table.Td>
                  {result ? (
                    <Text size="xs" c={result.ok ? undefined : 'red'}>
                      <Badge size="xs" color={result.ok ? 'green' : 'red'} mr={6}>{result.ok ? 'ok' : 'rejected'}</Badge>
                      {result.summary}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
