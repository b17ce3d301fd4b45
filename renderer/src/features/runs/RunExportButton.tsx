import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/reconClient';
import { formatCount } from '../../components/formatters';
import { SavePathField } from '../../components/SavePathField';

type What = 'matches' | 'breaks';

const COLUMNS: Record<What, string> = {
  matches: 'left_ids, right_ids, strategy, amount_delta_minor, time_delta_ms',
  breaks: 'class, left_ids, right_ids, amount_minor, currency, blast_radius, explanation',
};

/**
 * Writes a complete run's matches or breaks to CSV, the same file `recon export --what …` writes
 * (one use case for both), to a path typed or picked with the save dialog.
 */
export function RunExportButton({ runId, exportDir, disabledReason }: { runId: number; exportDir: string; disabledReason: string | null }) {
  const [open, setOpen] = useState(false);
  const [what, setWhat] = useState<What>('matches');
  const defaultPath = (w: What) => `${exportDir}/run-${runId}-${w}.csv`;
  const [path, setPath] = useState(defaultPath('matches'));
  const [overwrite, setOverwrite] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = (next: What) => {
    // Keep a path the analyst typed; only follow the proposal while it is still the proposal.
    if (path === defaultPath(what)) setPath(defaultPath(next));
    setWhat(next);
    setResult(null);
  };
  const run = async () => {
    setResult(null);
    setBusy(true);
    try {
      const done = await call('runs:export-results', { runId, what, outPath: path.trim(), overwrite });
      setResult({ ok: true, text: `Wrote ${formatCount(done.rows)} ${what} of run #${runId} to ${done.path}.` });
    } catch (error) {
      setResult({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="default" disabled={disabledReason !== null} title={disabledReason ?? undefined}
        onClick={() => { setWhat('matches'); setPath(defaultPath('matches')); setOverwrite(false); setResult(null); setOpen(true); }}>
        Export results…
      </Button>
      <Modal opened={open} onClose={() => !busy && setOpen(false)} title={`Export run #${runId} as CSV`}>
        <Stack gap="sm">
          <SegmentedControl aria-label="What to export" value={what} onChange={(v) => choose(v as What)}
            data={[{ value: 'matches', label: 'Matches' }, { value: 'breaks', label: 'Breaks' }]} />
          <Text size="xs" c="dimmed">
            Columns: {COLUMNS[what]}. Ids are the records' own ids joined by ";" (#LINE when a record has none), as <code>recon export</code> writes them.
          </Text>
          <SavePathField label="File" title={`Export run #${runId} ${what}`} value={path} onChange={(p) => { setPath(p); setResult(null); }}
            onPicked={() => setOverwrite(true)} />
          <Checkbox label="Replace the file if it exists" checked={overwrite} onChange={(e) => setOverwrite(e.currentTarget.checked)} />
          {result && (
            <Alert color={result.ok ? 'green' : 'red'} role={result.ok ? 'status' : 'alert'} title={result.ok ? 'Exported' : 'Not exported'}>
              {result.text}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" disabled={busy} onClick={() => setOpen(false)}>
              Close
            </Button>
            <Button loading={busy} disabled={!path.trim()} onClick={() => void run()}>
              Export {what}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
