import { useCallback, useState } from 'react';
import type { ImportPreview, ImportResult, MappingFile } from '../../../../preload/contract';
import { call, ReconCallError } from '../../api/reconClient';
import { useTask } from '../../api/useTask';
import { parseJsonObject } from '../../components/parseJsonObject';
import { EMPTY_IMPORT_FORM, type ImportFormValues } from './ImportFileForm';
import { duplicateRefusalOf, type DuplicateRefusal } from './duplicateRefusal';
import { mappingProblemOf, type MappingProblem } from './mappingProblem';

function parseMapping(text: string): { mapping: MappingFile | undefined; error: string | null } {
  if (!text.trim()) return { mapping: undefined, error: null };
  const { value, error } = parseJsonObject(text, 'mapping');
  return { mapping: value ?? undefined, error };
}

/** The file (and how it was read) that the mapping in the editor was guessed for. */
interface MappingOrigin {
  filePath: string;
  format: string;
  header: string[];
  guessText: string;
  /** The form's time zone when the guess was made: the guess copied it into the mapping. */
  timezone: string;
}

/** Why an Import click added no source. */
export type ImportRefusal = { kind: 'cancelled' } | { kind: 'failed'; message: string } | { kind: 'duplicate'; duplicate: DuplicateRefusal };

const messageOf = (e: unknown) => (e instanceof ReconCallError ? e.message : String(e));

/** The wizard's state: file settings → preview with the effective mapping → import with progress. */
export function useImportWizard(onImported?: (sourceId: number) => void) {
  const [form, setForm] = useState<ImportFormValues>(EMPTY_IMPORT_FORM);
  const [mappingText, setMappingText] = useState('');
  const [origin, setOrigin] = useState<MappingOrigin | null>(null);
  const [mappingProblem, setMappingProblem] = useState<MappingProblem | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  /** What became of the last Import click, shown beside the button; keyed to the settings it was for. */
  const [outcome, setOutcome] = useState<{ key: string; refusal: ImportRefusal | null } | null>(null);
  const task = useTask();
  const parsedMapping = parseMapping(mappingText);

  const timezone = form.timezone.trim() || 'UTC';
  // The mapping's time zone wins over the form's; one the guess merely copied from the form follows the
  // form, or changing "Time zone of local times" after a preview would silently do nothing.
  const followFormTimezone = (mapping: MappingFile): MappingFile =>
    origin && !mapping['profile'] && mapping['timezone'] === origin.timezone ? { ...mapping, timezone } : mapping;
  const request = (mapping: MappingFile | undefined) => ({
    filePath: form.filePath.trim(),
    kind: form.kind,
    format: form.format,
    timezone,
    ...(mapping ? { mapping: followFormTimezone(mapping) } : {}),
  });

  /**
   * The mapping in the editor belongs to one file: previewing another file guesses afresh, and the
   * user's edits carry over only when the new file has the very same header.
   */
  const runPreview = async () => {
    setError(null);
    setResult(null);
    setMappingProblem(null);
    const filePath = form.filePath.trim();
    const sameFile = origin !== null && origin.filePath === filePath && origin.format === form.format;
    if (sameFile && parsedMapping.error) return;
    setPreviewing(true);
    // Whether the failing call (if any) carried the user's mapping: then the mapping is what is wrong.
    let mappingSent = sameFile;
    try {
      if (sameFile) {
        setPreview(await call('import:preview-file', request(parsedMapping.mapping)));
        return;
      }
      const guessed = await call('import:preview-file', request(undefined));
      const guessText = JSON.stringify(guessed.mapping, null, 2);
      const edited = origin !== null && mappingText.trim() !== origin.guessText.trim() && parsedMapping.mapping !== undefined;
      const sameHeader = origin !== null && guessed.header.length > 0 && guessed.header.join('\u0000') === origin.header.join('\u0000');
      setOrigin({ filePath, format: form.format, header: guessed.header, guessText, timezone });
      // A processor export left on the default "ledger" would be reconciled on the wrong side.
      setForm((f) => (f.kindFrom === 'user' ? f : { ...f, kind: guessed.suggestedKind, kindFrom: 'file' }));
      setPreview(guessed);
      if (edited && sameHeader) {
        mappingSent = true;
        setPreview(await call('import:preview-file', request(parsedMapping.mapping)));
      } else {
        setMappingText(guessText);
      }
    } catch (e) {
      const problem = mappingSent ? mappingProblemOf(messageOf(e)) : null;
      if (problem) {
        // The last good preview stays, and so does the editor, so the field can be fixed in place.
        setMappingProblem(problem);
      } else {
        if (!mappingSent) {
          setPreview(null);
          setOrigin(null);
          setMappingText('');
        }
        setError(messageOf(e));
      }
    } finally {
      setPreviewing(false);
    }
  };

  /** Back to what the guess made of this file, dropping the edits. */
  const useGuessedMapping = () => {
    if (!origin) return;
    setMappingText(origin.guessText);
    setMappingProblem(null);
  };

  const editMapping = (text: string) => {
    setMappingText(text);
    setMappingProblem(null);
  };

  const answer = (key: string, choice: string) => {
    const base = parsedMapping.mapping ?? preview?.mapping ?? {};
    setMappingText(JSON.stringify({ ...base, [key]: choice }, null, 2));
    setPreview((p) => (p ? { ...p, questions: p.questions.filter((q) => q.key !== key) } : p));
  };

  const importRequest = () => ({ ...request(parsedMapping.mapping), ...(form.name.trim() ? { name: form.name.trim() } : {}) });
  const importKey = JSON.stringify(importRequest());

  /** Imports with the previewed settings; `asNewSource` is the user's explicit yes to a file already imported. */
  const runImport = async (asNewSource = false) => {
    const key = importKey;
    setOutcome(null);
    setResult(null);
    try {
      const imported = await task.run('import', (taskId) =>
        call('import:import-file', { ...importRequest(), ...(asNewSource ? { allowDuplicateFile: true } : {}), taskId }),
      );
      setResult(imported);
      setOutcome({ key, refusal: null });
      onImported?.(imported.sourceId);
    } catch (e) {
      const failure = e instanceof ReconCallError ? e.error : null;
      const duplicate = failure ? duplicateRefusalOf(failure) : null;
      if (duplicate) setOutcome({ key, refusal: { kind: 'duplicate', duplicate } });
      else if (failure?.code === 'CANCELLED') setOutcome({ key, refusal: { kind: 'cancelled' } });
      else setOutcome({ key, refusal: { kind: 'failed', message: messageOf(e) } });
    }
  };

  const clear = (nextForm: ImportFormValues) => {
    setForm(nextForm);
    setMappingText('');
    setOrigin(null);
    setMappingProblem(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setOutcome(null);
  };

  /** A fresh wizard on a file dropped on the window (its preview is one click away). */
  const startWith = useCallback((filePath: string) => clear({ ...EMPTY_IMPORT_FORM, filePath }), []);

  const reset = () => clear(EMPTY_IMPORT_FORM);

  // Imported once with these settings: a second click would only be refused as a duplicate.
  const alreadyImported = outcome !== null && outcome.refusal === null && outcome.key === importKey;

  return {
    form, setForm, mappingText, setMappingText: editMapping, mappingError: parsedMapping.error ?? mappingProblem?.message ?? null,
    mappingProblem, mappingEdited: origin !== null && mappingText.trim() !== origin.guessText.trim(), useGuessedMapping,
    checkRequest: request(parsedMapping.mapping),
    preview, result, error, previewing, task, runPreview, runImport, answer, reset, startWith,
    // Once the settings change, why the last click failed no longer describes the next one.
    refusal: outcome?.key === importKey ? outcome.refusal : null,
    alreadyImported,
    canImport: preview !== null && preview.questions.length === 0 && !parsedMapping.error && !mappingProblem && !task.running && !alreadyImported,
  };
}
