import { Button, Group, Select, TextInput } from '@mantine/core';
import { IMPORT_FORMATS, SOURCE_KINDS, type ImportFormat, type SourceKind } from '../../../../preload/contract';
import { call } from '../../api/reconClient';

export interface ImportFormValues {
  filePath: string;
  kind: SourceKind;
  name: string;
  format: ImportFormat;
  timezone: string;
}

export const EMPTY_IMPORT_FORM: ImportFormValues = { filePath: '', kind: 'ledger', name: '', format: 'auto', timezone: 'UTC' };

/** Which file, what it is, and how to read its clocks. */
export function ImportFileForm({ values, onChange, disabled }: { values: ImportFormValues; onChange: (v: ImportFormValues) => void; disabled: boolean }) {
  const set = (patch: Partial<ImportFormValues>) => onChange({ ...values, ...patch });
  const browse = async () => {
    const picked = await call('import:choose-file', {}).catch(() => ({ filePath: null }));
    if (picked.filePath) set({ filePath: picked.filePath });
  };
  return (
    <>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          label="File"
          placeholder="/path/to/export.csv (CSV, TSV, camt.053/054, MT940/942, OFX/QFX, BAI2)"
          value={values.filePath}
          onChange={(e) => set({ filePath: e.currentTarget.value })}
          disabled={disabled}
          style={{ flex: 1 }}
          aria-label="File path"
        />
        <Button variant="default" onClick={browse} disabled={disabled}>
          Browse…
        </Button>
      </Group>
      <Group grow>
        <Select label="Kind" data={SOURCE_KINDS.map((k) => ({ value: k, label: k }))} value={values.kind}
          onChange={(v) => v && set({ kind: v as SourceKind })} disabled={disabled} allowDeselect={false} />
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
