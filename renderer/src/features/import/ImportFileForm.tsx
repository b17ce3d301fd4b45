import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { IMPORT_FORMATS, SOURCE_KINDS, type ImportFormat, type SourceKind } from '../../../../preload/contract';
import { call } from '../../api/reconClient';

export interface ImportFormValues {
  filePath: string;
  kind: SourceKind;
  /** Who set the kind: the default, the preview's suggestion from the file, or the user (whose choice stands). */
  kindFrom: 'default' | 'file' | 'user';
  name: string;
  format: ImportFormat;
  timezone: string;
}

export const EMPTY_IMPORT_FORM: ImportFormValues = { filePath: '', kind: 'ledger', kindFrom: 'default', name: '', format: 'auto', timezone: 'UTC' };

/** Which file, what it is, and how to read its clocks. */
export function ImportFileForm({ values, onChange, disabled }: { values: ImportFormValues; onChange: (v: ImportFormValues) => void; disabled: boolean }) {
  const set = (patch: Partial<ImportFormValues>) => onChange({ ...values, ...patch });
  const [browseError, setBrowseError] = useState<string | null>(null);
  const browse = async () => {
    setBrowseError(null);
    try {
      const picked = await call('import:choose-file', {});
      if (picked.filePath) set({ filePath: picked.filePath });
    } catch (e) {
      setBrowseError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <Group align="flex-start" wrap="nowrap">
        <TextInput
          label="File"
          placeholder="/path/to/export.csv (CSV, TSV, XLSX, camt.053/054, MT940/942, OFX/QFX, BAI2)"
          value={values.filePath}
          error={browseError}
          onChange={(e) => { setBrowseError(null); set({ filePath: e.currentTarget.value }); }}
          disabled={disabled}
          style={{ flex: 1 }}
          aria-label="File path"
        />
        <Button variant="default" onClick={browse} disabled={disabled} mt={25}>
          Browse…
        </Button>
      </Group>
      <Group grow>
        <Select label="Kind" data={SOURCE_KINDS.map((k) => ({ value: k, label: k }))} value={values.kind}
          onChange={(v) => v && set({ kind: v as SourceKind, kindFrom: 'user' })} disabled={disabled} allowDeselect={false}
          description={values.kindFrom === 'file' ? 'suggested by the file; change it if wrong' : undefined} />
        <TextInput label="Name" placeholder="defaults to the file name" value={values.name}
          onChange={(e) => set({ name: e.currentTarget.value })} disabled={disabled} />
        <Select label="Format" data={IMPORT_FORMATS.map((f) => ({ value: f, label: f === 'auto' ? 'detect' : f }))}
          value={values.format} onChange={(v) => v && set({ format: v as ImportFormat })} disabled={disabled} allowDeselect={false} />
        <TextInput label="Time zone of local times" value={values.timezone}
          onChange={(e) => set({ timezone: e.currentTarget.value })} disabled={disabled} />
      </Group>
    </>
  );
}
