import { Code, Table } from '@mantine/core';

export interface RejectedRowLine {
  line: number;
  column: string | null;
  reason: string;
  raw: string;
}

/** Rejected rows as a table (line, column, reason, the raw text cut at `rawChars`), stored or from a dry run alike. */
export function RejectedRowLines(props: { rows: readonly RejectedRowLine[]; label: string; rawChars: number; size: 'xs' | 'sm' }) {
  const { rows, label, rawChars, size } = props;
  return (
    <Table striped aria-label={label} fz={size}>
      <Table.Thead>
        <Table.Tr><Table.Th>Line</Table.Th><Table.Th>Column</Table.Th><Table.Th>Reason</Table.Th><Table.Th>Raw text</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, i) => (
          <Table.Tr key={`${row.line}-${i}`}>
            <Table.Td>{row.line}</Table.Td>
            <Table.Td>{row.column ?? '—'}</Table.Td>
            <Table.Td>{row.reason}</Table.Td>
            <Table.Td><Code>{row.raw.length > rawChars ? `${row.raw.slice(0, rawChars)}…` : row.raw}</Code></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
