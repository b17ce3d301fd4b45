import type { ImportCheck, ImportPreview, ImportRequestOptions, ImportResult, RejectedRowView, SourceDetail } from '../importTypes';

export interface ImportMethods {
  /** Sniffs format, encoding and header, applies or guesses the mapping, and shows the first rows parsed and normalized. Writes nothing. */
  'import:preview-file': {
    request: Omit<ImportRequestOptions, 'name' | 'allowDuplicateFile'> & { rows?: number };
    result: ImportPreview;
  };
  /** Imports one file as a new source; progress on `recon:progress` under taskId; cancellable. */
  'import:import-file': {
    request: ImportRequestOptions & { taskId?: string };
    result: ImportResult;
  };
  /**
   * A dry run of the import over the whole file with the same settings: counts the rows it would import
   * and reject and returns the first rejections. Writes nothing; progress on `recon:progress` under
   * taskId; cancellable. Open questions (e.g. day/month order) must be answered in the mapping first.
   */
  'import:check-file': {
    request: Omit<ImportRequestOptions, 'name' | 'allowDuplicateFile'> & { taskId?: string };
    result: ImportCheck;
  };
  /** Opens the native file dialog; null when the user cancels. */
  'import:choose-file': {
    request: Record<string, never>;
    result: { filePath: string | null };
  };
  /** One source with the settings its file was read with, for the source page; NOT_FOUND when there is none. */
  'sources:get-source': {
    request: { sourceId: number };
    result: SourceDetail;
  };
  /** One page of a source's rejected rows, by line. */
  'sources:list-rejected': {
    request: { sourceId: number; offset: number; limit: number };
    result: { rows: RejectedRowView[]; total: number };
  };
  /** Writes a source's rejected rows to a CSV file (line, column, reason, raw); an existing file is replaced only with `overwrite`. */
  'sources:export-rejected': {
    request: { sourceId: number; outPath: string; overwrite?: boolean };
    result: { path: string; rows: number };
  };
}

export const IMPORT_METHODS = [
  'import:preview-file',
  'import:import-file',
  'import:check-file',
  'import:choose-file',
  'sources:get-source',
  'sources:list-rejected',
  'sources:export-rejected',
] as const;
