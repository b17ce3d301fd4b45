import { useCallback, useState } from 'react';
import type { ImportPreview, ImportResult, MappingFile } from '../../../../preload/contract';
import { call, ReconCallError } from '../../api/reconClient';
import { useTask } from '../../api/useTask';
import { parseJsonObject } from '../../components/parseJsonObject';
import { EMPTY_IMPORT_FORM, type ImportFormValues } from './ImportFileForm';

function parseMapping(text: string): { mapping: MappingFile | undefined; error: string | null } {
  if (!text.trim()) return { mapping: undefined, error: null };
  const { value, error } = parseJsonObject(text, 'mapping');
  return { mapping: value ?? undefined, error };
}

/** The wizard's state: file settings → preview with the effective mapping → import with progress. */
export function useImportWizard(onImported?: (sourceId: number) => void) {
  const [form, setForm] = useState<ImportFormValues>(EMPTY_IMPORT_FORM);
  const [mappingText, setMappingText] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const task = useTask();
  const parsedMapping = parseMapping(mappingText);

  const request = () => ({
    filePath: form.filePath.trim(),
    kind: form.kind,
    format: form.format,
    timezone: form.timezone.trim() || 'UTC',
    ...(parsedMapping.mapping ? { mapping: parsedMapping.mapping } : {}),
  });

  const runPreview = async () => {
    setError(null);
    setResult(null);
    if (parsedMapping.error) return setError(parsedMapping.error);
    setPreviewing(true);
    try {
      const next = await call('import:preview-file', request());
      setPreview(next);
      if (!mappingText.trim()) setMappingText(JSON.stringify(next.mapping, null, 2));
    } catch (e) {
      setPreview(null);
      setError(e instanceof ReconCallError ? e.message : String(e));
    } finally {
      setPreviewing(false);
    }
  };

  const answer = (key: string, choice: string) => {
    const base = parsedMapping.mapping ?? preview?.mapping ?? {};
    setMappingText(JSON.stringify({ ...base, [key]: choice }, null, 2));
    setPreview((p) => (p ? { ...p, questions: p.questions.filter((q) => q.key !== key) } : p));
  };

  const runImport = async () => {
    setError(null);
    try {
      const imported = await task.run('import', (taskId) =>
        call('import:import-file', { ...request(), ...(form.name.trim() ? { name: form.name.trim() } : {}), taskId }),
      );
      setResult(imported);
      onImported?.(imported.sourceId);
    } catch (e) {
      setError(e instanceof ReconCallError ? e.message : String(e));
    }
  };

  /** A fresh wizard on a file dropped on the window (its preview is one click away). */
  const startWith = useCallback((filePath: string) => {
    setForm({ ...EMPTY_IMPORT_FORM, filePath });
    setMappingText('');
    setPreview(null);
    setResult(null);
    setError(null);
  }, []);

  const reset = () => {
    setForm(EMPTY_IMPORT_FORM);
    setMappingText('');
    setPreview(null);
    setResult(null);
    setError(null);
  };

  return {
    form, setForm, mappingText, setMappingText, mappingError: parsedMapping.error, preview, result, error,
    previewing, task, runPreview, runImport, answer, reset, startWith,
    canImport: preview !== null && preview.questions.length === 0 && !parsedMapping.error && !task.running,
  };
}
