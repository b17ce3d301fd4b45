import { Code, Stack, Text } from '@mantine/core';
import type { CitedRecord } from '../../../../preload/contract';

/** The raw source rows behind one side, each cited by file name and line number. */
export function CitedRecordsList({ side, records }: { side: string; records: CitedRecord[] }) {
  return (
    <Stack gap={4} aria-label={`${side} raw rows`}>
      <Text size="sm" fw={600}>
        {side}
      </Text>
      {records.length === 0 ? (
        <Text size="sm" c="dimmed">
          No record on this side.
        </Text>
      ) : (
        records.map((record) => (
          <div key={record.id}>
            <Text size="xs" c="dimmed">
              {record.fileName}:{record.line} ({record.sourceName}, record #{record.id})
            </Text>
            <Code block>{record.raw}</Code>
          </div>
        ))
      )}
    </Stack>
  );
}
