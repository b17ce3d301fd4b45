import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BreakFilter, BreakSort } from '../../../../preload/contract';
import { call } from '../../api/reconClient';
import { SavePathField } from '../../components/SavePathField';

/** Exports the current filter and sort to a CSV file, proposed beside the workspace, typed or picked with the save dialog. */
export function ExportCsvButton(props: { filter: BreakFilter; sort: BreakSort; defaultPath: string }) {
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState(props.defaultPath);
  const [busy, setBusy] = useState(false);
  const [overwrite, setOverwrite] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      const done = await call('breaks:export-csv', { filter: props.filter, sort: props.sort, outputPath: path, overwrite });
      setResult({ ok: true, text: `Wrote ${done.rows} breaks to ${done.path} (sha256 ${done.sha256.slice(0, 16)}…)` });
    } catch (error) {
      setResult({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="default" onClick={() => { setPath(props.defaultPath); setResult(null); setOpen(true); }}>
        Export CSV
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Export the filtered breaks as CSV">
        <Stack gap="sm">
          <SavePathField label="File" title="Export the filtered breaks" value={path} onChange={setPath} onPicked={() => setOverwrite(true)} />
          <Checkbox label="Replace the file if it exists" checked={overwrite} onChange={(e) => setOverwrite(e.currentTarget.checked)} />
          {result && (
            <Text size="sm" c={result.ok ? 'green' : 'red'} role={result.ok ? 'status' : 'alert'}>
              {result.text}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Close
            </Button>
            <Button loading={busy} onClick={() => void run()}>
              Export
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
