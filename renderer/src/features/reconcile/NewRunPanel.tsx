import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { RunPreview, RunResult, SourceSummary } from '../../../../preload/contract';
import { call, ReconCallError } from '../../api/reconClient';
import { useReconQuery } from '../../api/useRecon';
import { useTask } from '../../api/useTask';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TaskProgress } from '../../components/TaskProgress';
import { ImportWizard } from '../import/ImportWizard';
import { RuleSetEditor } from './RuleSetEditor';
import { RuleSetPicker } from './RuleSetPicker';
import { useRuleSetChoice } from './useRuleSetChoice';
import { useRuleSetDraft } from './useRuleSetDraft';

// Sources of the same file (imported again as a new source) read alike but for their number and import time.
const label = (s: SourceSummary) =>
  `${s.name} · ${s.kind} · ${s.rowsImported.toLocaleString('en-US')} rows · #${s.id}, imported ${new Date(s.createdAtMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** What a re-run starts from: the run's two sources and its rule set. */
export interface NewRunStart {
  leftSourceId: number;
  rightSourceId: number;
  ruleSetId: number;
}

/** Pick two sources and a rule set, adjust the rules, preview on a sample, then run with progress and cancel. */
export function NewRunPanel({ onRunComplete, start }: { onRunComplete: (runId: number) => void; start?: NewRunStart }) {
  const summary = useReconQuery('workspace:get-summary', { auditLimit: 0 });
  const sources = (summary.data?.sources ?? []).filter((s) => s.status === 'complete');
  const [leftId, setLeftId] = useState<string | null>(start ? String(start.leftSourceId) : null);
  const [rightId, setRightId] = useState<string | null>(start ? String(start.rightSourceId) : null);
  const left = sources.find((s) => String(s.id) === leftId) ?? null;
  const right = sources.find((s) => String(s.id) === rightId) ?? null;
  const draft = useRuleSetDraft();
  const ruleSet = useRuleSetChoice(left, right, draft, start?.ruleSetId);
  const [preview, setPreview] = useState<RunPreview | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const task = useTask();
  // An unanswered "replace your edited rules?" is answered before anything runs.
  const ready = left && right && left.id !== right.id && draft.valid && !ruleSet.pendingLabel;
  // Import on the spot: the wizard in a dialog; the new source fills the side it was opened for.
  const [importFor, setImportFor] = useState<'left' | 'right' | null>(null);
  const importDialog = (
    <Modal opened={importFor !== null} onClose={() => setImportFor(null)} size="xl" title={`Import the ${importFor ?? ''} source`}>
      {/* The source list refreshes itself: an import announces that the workspace changed. */}
      <ImportWizard dropped={null} onImported={(sourceId) => (importFor === 'right' ? setRightId : setLeftId)(String(sourceId))} />
    </Modal>
  );
  const importButtons = (
    <Group gap="xs">
      <Button size="xs" variant="light" onClick={() => setImportFor('left')}>Import the left source…</Button>
      <Button size="xs" variant="light" onClick={() => setImportFor('right')}>Import the right source…</Button>
    </Group>
  );

  const guard = async (fn: () => Promise<void>) => {
    setError(null);
    setCancelled(false);
    try {
      await fn();
    } catch (e) {
      // Cancelling is what the analyst asked for, not a failure to report.
      if (e instanceof ReconCallError && e.error.code === 'CANCELLED') setCancelled(true);
      else setError(e instanceof ReconCallError ? e.message : String(e));
    }
  };
  const runPreview = () =>
    guard(async () => {
      setPreview(await call('runs:preview-run', { leftSourceId: left!.id, rightSourceId: right!.id, rules: draft.parsed! }));
    });
  const runFull = () =>
    guard(async () => {
      const run = await task.run('run', (taskId) =>
        call('runs:start-run', { leftSourceId: left!.id, rightSourceId: right!.id, rules: draft.parsed!, taskId }),
      );
      setResult(run);
      onRunComplete(run.runId);
    });

  // One tree in both states, so the import dialog stays open (with its result) when the second source arrives.
  const tooFew = !!summary.data && sources.length < 2;
  const options = sources.map((s) => ({ value: String(s.id), label: label(s) }));
  return (
    <Stack gap="md">
        {importDialog}
        {tooFew ? (
          <Text c="dimmed">
            A run needs two imported sources ({sources.length} so far). Import them here, or load the demo from the Workspace page.
          </Text>
        ) : (
          <Group grow>
            <Select label="Left source" placeholder="e.g. the ledger" data={options} value={leftId} onChange={setLeftId} searchable />
            <Select label="Right source" placeholder="e.g. the processor file" data={options} value={rightId} onChange={setRightId} searchable />
          </Group>
        )}
        {importButtons}
        {!tooFew && <>
        {left && right && left.id === right.id && <Alert color="yellow">Pick two different sources.</Alert>}
        {left && right && left.id !== right.id && <RuleSetPicker choice={ruleSet} edited={draft.edited} />}
        {left && right && draft.text && (
          <RuleSetEditor text={draft.text} onTextChange={draft.setText} parsed={draft.parsed} errors={draft.errors} />
        )}
        {error && <ErrorNotice title="The reconciliation could not run" message={error} />}
        {cancelled && !task.running && (
          <Alert color="gray" title="Run cancelled" role="status">
            The run stopped before it finished and kept no results; it is listed as cancelled. Run it again when ready.
          </Alert>
        )}
        {preview && (
          <Alert color="blue" title={`Preview: ${(preview.matchRate * 100).toFixed(1)}% of a sample matched`} role="status">
            {preview.sampled.left.toLocaleString('en-US')} left and {preview.sampled.right.toLocaleString('en-US')} right records sampled;
            nothing was saved.
          </Alert>
        )}
        {task.running && <TaskProgress event={task.progress} onCancel={task.cancel} />}
        {result && !task.running && (
          <Alert color="green" title={`Run #${result.runId} complete`} role="status">
            {(result.counts['matches'] ?? 0).toLocaleString('en-US')} matches, {(result.counts['breaks'] ?? 0).toLocaleString('en-US')} breaks
            in {(result.durationMs / 1000).toFixed(1)} s.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" disabled={!ready || task.running} onClick={runPreview}>
            Preview on a sample
          </Button>
          <Button disabled={!ready || task.running} loading={task.running} onClick={runFull}>
            Run reconciliation
          </Button>
        </Group>
        </>}
    </Stack>
  );
}
