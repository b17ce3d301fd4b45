import { Table, Text } from '@mantine/core';
import type { CitedRecord } from '../../../../preload/contract';
import { formatTimestamp } from '../../components/formatters';
import { formatDuration, formatMoney, formatSignedMoney } from '../../components/money';
import { matchPreview } from './matchPreview';

function RecordLines({ records }: { records: readonly CitedRecord[] }) {
  return (
    <>
      {records.map((r) => (
        <Text key={r.id} size="sm" ff="monospace">
          {r.externalId ?? r.reference ?? `#${r.id}`} · {formatMoney(r.amountMinor, r.currency)} · {formatTimestamp(r.tsMs)} · {r.status ?? 'no status'} · {r.fileName}:{r.line}
        </Text>
      ))}
    </>
  );
}

/** Both sides of a manual match about to be made, with the amount and time it would paper over. */
export function MatchPreviewTable({ left, right, leftLabel, rightLabel }: { left: readonly CitedRecord[]; right: readonly CitedRecord[]; leftLabel: string; rightLabel: string }) {
  const preview = matchPreview(left, right);
  const amount =
    preview.amountDeltaMinor === null
      ? `different currencies (${preview.currencies.join(', ')})`
      : preview.amountDeltaMinor === 0
        ? 'none'
        : formatSignedMoney(preview.amountDeltaMinor, preview.currency);
  const amountDiffers = preview.amountDeltaMinor !== 0;
  return (
    <Table aria-label="Match preview" withColumnBorders>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={110}>Left: {leftLabel}</Table.Th>
          <Table.Td>
            <RecordLines records={left} />
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Right: {rightLabel}</Table.Th>
          <Table.Td>
            <RecordLines records={right} />
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Δ amount</Table.Th>
          <Table.Td>
            <Text size="sm" fw={amountDiffers ? 700 : 400} c={amountDiffers ? 'red' : undefined} data-testid="preview-amount-delta">
              {amount}
            </Text>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Δ time</Table.Th>
          <Table.Td>
            <Text size="sm">{preview.timeDeltaMs === null ? 'unknown (a side has no time)' : preview.timeDeltaMs === 0 ? 'none' : formatDuration(preview.timeDeltaMs)}</Text>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
