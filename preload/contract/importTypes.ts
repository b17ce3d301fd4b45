import type { SourceKind, SourceSummary } from './domain';

export type ImportFormat = 'auto' | 'csv' | 'camt053' | 'camt054' | 'mt940' | 'ofx' | 'bai2' | 'xlsx';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['auto', 'csv', 'camt053', 'camt054', 'mt940', 'ofx', 'bai2', 'xlsx'];

/** A column mapping as documented in README ("Mapping files"); validated by main before use. */
export type MappingFile = Record<string, unknown>;

export interface ImportRequestOptions {
  filePath: string;
  kind: SourceKind;
  name?: string;
  format?: ImportFormat;
  mapping?: MappingFile;
  /** IANA zone for timestamps without an offset, e.g. "Europe/Berlin"; default UTC. */
  timezone?: string;
  /** Import a file whose bytes were imported before, as a new source. */
  allowDuplicateFile?: boolean;
}

export interface ImportResult {
  sourceId: number;
  name: string;
  format: string;
  sha256: string;
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  frontierMs: number | null;
  warnings: string[];
}

export interface ImportQuestion {
  key: string;
  choices: string[];
  prompt: string;
}

export interface ImportPreview {
  format: string;
  encoding: string;
  delimiter: string | null;
  header: string[];
  /** The mapping that will be used: the given one, or the guess from the header. */
  mapping: MappingFile;
  /** First rows as parsed, raw cell text. */
  rows: { line: number; cells: string[] }[];
  /** The same rows normalized (or the reason each was rejected). */
  normalized: { line: number; ok: boolean; summary: string }[];
  /** Things the user must decide before importing (e.g. day/month order): set `mapping[key]` to one of the choices. */
  questions: ImportQuestion[];
  warnings: string[];
  /** What the file looks like it is (bank formats are bank; a processor profile or a fee column, processor); the user decides. */
  suggestedKind: SourceKind;
}

/** What the import would make of every row of a file (a dry run: nothing is stored). */
export interface ImportCheck {
  rowsTotal: number;
  rowsWouldImport: number;
  rowsWouldReject: number;
  /** The first rejections in file order (raw text cut at 500 characters); the import keeps them all. */
  firstRejections: RejectedRowView[];
  warnings: string[];
}

export interface RejectedRowView {
  line: number;
  column: string | null;
  raw: string;
  reason: string;
}

/** Everything about one source, for its page: the summary plus how its file was read. */
export interface SourceDetail extends SourceSummary {
  byteSize: number;
  /** How the bytes were decoded (e.g. "utf-8", "windows-1252"); null for formats that declare their own. */
  encoding: string | null;
  /** IANA zone used for timestamps without an offset. */
  timezone: string;
  /** The effective settings the file was read with (mapping, delimiter, decimal separator, date order…), as stored. */
  settings: Record<string, unknown>;
  completedAtMs: number | null;
}
