import { Alert, Button, Card, Code, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { ChainVerification } from '../../../../preload/contract';
import { call, ReconCallError } from '../../api/reconClient';
import { useReconQuery } from '../../api/useRecon';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatTimestamp } from '../../components/formatters';
import { auditDetail } from './auditDetail';

const PAGE_SIZE = 50;

export function AuditPage() {
  const [page, setPage] = useState(1);
  const entries = useReconQuery('audit:list-entries', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const [verification, setVerification] = useState<ChainVerification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  // One entry's detail open at a time: click or Enter on a row shows what it did, to what, and why.
  const [opened, setOpened] = useState<number | null>(null);
  const toggle = (seq: number) => setOpened((current) => (current === seq ? null : seq));

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
                <Fragment key={entry.seq}>
                  <Table.Tr
                    tabIndex={0}
                    aria-expanded={opened === entry.seq}
                    style={{ cursor: 'pointer' }}
                    onClick={() => toggle(entry.seq)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        toggle(entry.seq);
                      }
                    }}
                  >
                    <Table.Td>#{entry.seq}</Table.Td>
                    <Table.Td>{formatTimestamp(entry.tsMs)}</Table.Td>
                    <Table.Td>{entry.actor}</Table.Td>
                    <Table.Td>{entry.kind}</Table.Td>
                    <Table.Td>
                      <Code>{entry.entryHash.slice(0, 16)}…</Code>
                    </Table.Td>
                  </Table.Tr>
                  {opened === entry.seq && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Code block aria-label={`Audit entry #${entry.seq} detail`}>{auditDetail(entry.body)}</Code>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {total > PAGE_SIZE && <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />}
    </Stack>
  );
}
