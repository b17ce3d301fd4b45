import { Alert, Button, Group, List, Text } from '@mantine/core';
import type { ImportResult } from '../../../../preload/contract';
import { formatCount, formatTimestamp } from '../../components/formatters';

export function ImportResultCard({ result, onShowRejected }: { result: ImportResult; onShowRejected?: () => void }) {
  return (
    <Alert color={result.rowsRejected ? 'orange' : 'green'} title={`Imported "${result.name}" as source #${result.sourceId}`} role="status">
      <Text size="sm">
        {formatCount(result.rowsTotal)} rows: {formatCount(result.rowsImported)} imported, {formatCount(result.rowsRejected)} rejected. Data
        frontier {formatTimestamp(result.frontierMs)}.
      </Text>
      {result.warnings.length > 0 && (
        <List size="sm" mt="xs">
          {result.warnings.map((w) => <List.Item key={w}>{w}</List.Item>)}
        </List>
      )}
      {result.rowsRejected > 0 && onShowRejected && (
        <Group mt="xs">
          <Button size="xs" variant="light" onClick={onShowRejected}>See the rejected rows</Button>
        </Group>
      )}
    </Alert>
  );
}
