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
          <Table.Th w={170}>Δ right − left</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.fields.map((field) => {
          // A difference the run's rules tolerate (same status class, inside the time window) is shown, not alarmed.
          const alarming = field.differs && !field.tolerated;
          const highlight = alarming ? { background: 'var(--mantine-color-red-light)' } : undefined;
          return (
            <Table.Tr key={field.field} data-differs={alarming || undefined} data-tolerated={field.tolerated ? true : undefined} style={highlight}>
              <Table.Td fw={600}>{FIELD_LABEL[field.field]}</Table.Td>
              <Table.Td ff="monospace">{formatSide(field, field.left, props.leftCurrency)}</Table.Td>
              <Table.Td ff="monospace">{formatSide(field, field.right, props.rightCurrency)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={alarming ? 700 : 400} c={alarming ? 'red' : 'dimmed'}>
                  {formatDelta(field, props.leftCurrency ?? props.rightCurrency)}
                </Text>
                {field.tolerated && (
                  <Text size="xs" c="dimmed">
                    {field.tolerated}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
