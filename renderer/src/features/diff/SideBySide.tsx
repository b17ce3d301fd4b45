import { SimpleGrid } from '@mantine/core';
import type { CitedRecord, RecordsDiff } from '../../../../preload/contract';
import { CitedRecordsList } from './CitedRecordsList';
import { FieldDiffTable } from './FieldDiffTable';

/**
 * Both sides field by field, then the raw rows each side came from. With `original` (a duplicate
 * break) the table compares that record with the duplicates, and the original's row is cited too.
 */
export function SideBySide({ diff, original = null }: { diff: RecordsDiff; original?: CitedRecord | null }) {
  const duplicates = diff.left.length ? diff.left : diff.right;
  const count = (n: number) => (n > 1 ? ` (${n} records)` : '');
  return (
    <>
      {original ? (
        <FieldDiffTable
          fields={diff.fields}
          leftLabel={`Original: ${original.fileName}:${original.line}`}
          rightLabel={`Duplicate${count(duplicates.length)}`}
          leftCurrency={original.currency}
          rightCurrency={duplicates[0]?.currency ?? null}
        />
      ) : (
        <FieldDiffTable
          fields={diff.fields}
          leftLabel={`Left: ${diff.leftSourceName}${count(diff.left.length)}`}
          rightLabel={`Right: ${diff.rightSourceName}${count(diff.right.length)}`}
          leftCurrency={diff.left[0]?.currency ?? null}
          rightCurrency={diff.right[0]?.currency ?? null}
        />
      )}
      <SimpleGrid cols={2}>
        <CitedRecordsList side={`Left: ${diff.leftSourceName}`} records={diff.left} />
        <CitedRecordsList side={`Right: ${diff.rightSourceName}`} records={diff.right} />
      </SimpleGrid>
      {original && <CitedRecordsList side={`Original (${original.sourceName})`} records={[original]} />}
    </>
  );
}
