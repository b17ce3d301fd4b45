import { Table, Text } from '@mantine/core';
import type { DiffField } from '../../../../preload/contract';
import { FIELD_LABEL, formatDelta, formatSide } from './diffFormat';

/** Left and right aligned field by field; differing fields are highlighted with their delta. */
export function FieldDiffTable(props: { fields: DiffField[]; leftLabel: string; rightLabel: string; leftCurrency: string | null; rightCurrency: string | null }) {
  return (
    <Table aria-label="Field by field" withColumnBorders>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>Field</Table.Th>
          <Table.Th>{props.leftLabel}</Table.Th>
          <Table.Th>{props.rightLabel}</Table.Th>
          <Table.Th w={140}>Δ right − left</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.fields.map((field) => {
          const highlight = field.differs ? { background: 'var(--mantine-color-red-light)' } : undefined;
          return (
            <Table.Tr key={field.field} data-differs={field.differs || undefined} style={highlight}>
              <Table.Td fw={600}>{FIELD_LABEL[field.field]}</Table.Td>
              <Table.Td ff="monospace">{formatSide(field, field.left, props.leftCurrency)}</Table.Td>
              <Table.Td ff="monospace">{formatSide(field, field.right, props.rightCurrency)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={field.differs ? 700 : 400} c={field.differs ? 'red' : 'dimmed'}>
                  {formatDelta(field, props.leftCurrency ?? props.rightCurrency)}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
