import { Alert, Button, Card, Code, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChainVerification } from '../../../../preload/contract';
import { call, ReconCallError } from '../../api/reconClient';
import { useReconQuery } from '../../api/useRecon';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatTimestamp } from '../../components/formatters';

const PAGE_SIZE = 50;

export function AuditPage() {
  const [page, setPage] = useState(1);
  const entries = useReconQuery('audit:list-entries', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const [verification, setVerification] = useState<ChainVerification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerification(await call('audit:verify-chain', {}));
      entries.reload();
    } catch (error) {
      setVerifyError(error instanceof ReconCallError ? error.message : String(error));
    } finally {
      setVerifying(false);
    }
  };

  const total = entries.data?.total ?? 0;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={2}>Audit log</Title>
          <Text size="sm" c="dimmed">
            Append-only and hash-chained: each entry commits the hash of the one before it.
          </Text>
        </div>
        <Button onClick={verify} loading={verifying}>
          Verify chain
        </Button>
      </Group>
      {verification?.ok && (
        <Alert color="green" title="Chain verified" role="status">
          All {verification.entries} entries link and hash correctly.
        </Alert>
      )}
      {verification && !verification.ok && (
        <Alert color="red" title={`Chain broken at entry #${verification.firstBadSeq}`} role="alert">
          {verification.reason}
        </Alert>
      )}
      {verifyError && <ErrorNotice title="Verification could not run" message={verifyError} />}
      {entries.error && <ErrorNotice title="Could not read the audit log" message={entries.error} />}
      <Card withBorder padding={0}>
        {total === 0 && !entries.loading ? (
          <Text p="md" c="dimmed">
            No entries yet. Every import, run, triage action and export will be recorded here.
          </Text>
        ) : (
          <Table striped aria-label="Audit entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Seq</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Entry hash</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(entries.data?.entries ?? []).map((entry) => (
                <Table.Tr key={entry.seq} title={entry.body}>
                  <Table.Td>#{entry.seq}</Table.Td>
                  <Table.Td>{formatTimestamp(entry.tsMs)}</Table.Td>
                  <Table.Td>{entry.actor}</Table.Td>
                  <Table.Td>{entry.kind}</Table.Td>
                  <Table.Td>
                    <Code>{entry.entryHash.slice(0, 16)}…</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {total > PAGE_SIZE && <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />}
    </Stack>
  );
}
