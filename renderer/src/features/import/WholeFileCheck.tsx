import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportCheck, RequestOf } from '../../../../preload/contract';
import { call, ReconCallError } from '../../api/reconClient';
import { useTask } from '../../api/useTask';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/formatters';
import { TaskProgress } from '../../components/TaskProgress';
import { RejectedRowLines } from './RejectedRowLines';

type CheckRequest = Omit<RequestOf<'import:check-file'>, 'taskId'>;

/**
 * The validation summary before commit: the preview's rows are only a sample, so the user can run the
 * whole file through the import without storing anything and see how many rows it would reject, and why.
 */
export function WholeFileCheck(props: { sample: { rows: number; ok: number }; request: CheckRequest; blockedBy: string | null }) {
  const { sample, request, blockedBy } = props;
  const key = JSON.stringify(request);
  const task = useTask();
  const [outcome, setOutcome] = useState<{ key: string; check?: ImportCheck; error?: string; cancelled?: boolean } | null>(null);
  const current = outcome?.key === key ? outcome : null;

  const runCheck = async () => {
    setOutcome(null);
    try {
      const check = await task.run('check', (taskId) => call('import:check-file', { ...request, taskId }));
      setOutcome({ key, check });
    } catch (e) {
      if (e instanceof ReconCallError && e.error.code === 'CANCELLED') setOutcome({ key, cancelled: true });
      else setOutcome({ key, error: e instanceof Error ? e.message : String(e) });
    }
  };

  const rejectedInSample = sample.rows - sample.ok;
  return (
    <Stack gap="xs" aria-label="Validation summary">
      <Text size="sm" fw={500}>
        In the first {sample.rows} rows: {sample.ok} normalize cleanly
        {rejectedInSample ? `, ${rejectedInSample} would be rejected with the reason shown` : ''}. The rest of the file is not checked yet.
      </Text>
      <Group gap="sm">
        <Button size="xs" variant="light" onClick={runCheck} disabled={task.running || blockedBy !== null}>Check the whole file</Button>
        <Text size="xs" c="dimmed">{blockedBy ?? 'Reads every row as the import would, and stores nothing.'}</Text>
      </Group>
      {task.running && <TaskProgress event={task.progress} onCancel={task.cancel} />}
      {current?.cancelled && <Text size="sm" c="dimmed" role="status">Check cancelled.</Text>}
      {current?.error && <ErrorNotice title="The whole file could not be checked" message={current.error} />}
      {current?.check && <CheckResult check={current.check} />}
    </Stack>
  );
}

function CheckResult({ check }: { check: ImportCheck }) {
  return (
    <Stack gap={4} role="status" aria-label="Whole-file check">
      <Text size="sm">
        Whole file: {formatCount(check.rowsTotal)} rows; {formatCount(check.rowsWouldImport)} would be imported, {formatCount(check.rowsWouldReject)} would be rejected.
      </Text>
      {check.firstRejections.length > 0 && (
        <>
          <Text size="xs" c="dimmed">
            {check.rowsWouldReject > check.firstRejections.length ? `The first ${check.firstRejections.length} rejections:` : 'The rejections:'}
          </Text>
          <RejectedRowLines rows={check.firstRejections} label="Rows that would be rejected" rawChars={120} size="xs" />
        </>
      )}
    </Stack>
  );
}
