import { SimpleGrid } from '@mantine/core';
import type { RecordsDiff } from '../../../../preload/contract';
import { CitedRecordsList } from './CitedRecordsList';
import { FieldDiffTable } from './FieldDiffTable';

/** Both sides field by field, then the raw rows each side came from. */
export function SideBySide({ diff }: { diff: RecordsDiff }) {
  return (
    <>
      <FieldDiffTable
        fields={diff.fields}
        leftLabel={`Left: ${diff.leftSourceName}${diff.left.length > 1 ? ` (${diff.left.length} records)` : ''}`}
        rightLabel={`Right: ${diff.rightSourceName}${diff.right.length > 1 ? ` (${diff.right.length} records)` : ''}`}
        leftCurrency={diff.left[0]?.currency ?? null}
        rightCurrency={diff.right[0]?.currency ?? null}
      />
      <SimpleGrid cols={2}>
        <CitedRecordsList side={`Left: ${diff.leftSourceName}`} records={diff.left} />
        <CitedRecordsList side={`Right: ${diff.rightSourceName}`} records={diff.right} />
      </SimpleGrid>
    </>
  );
}
