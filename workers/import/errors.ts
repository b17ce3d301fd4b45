export type ImportErrorCode = 'INVALID_INPUT' | 'CONFLICT' | 'CANCELLED';

/** A question the user must answer before the import can proceed (e.g. day/month order). */
export interface ImportQuestion {
  key: string;
  choices: string[];
  prompt: string;
}

/** Errors thrown by the import pipeline; `code` lets main map them to `{code, message}` without parsing text. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly question?: ImportQuestion;
  constructor(code: ImportErrorCode, message: string, question?: ImportQuestion) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    if (question) this.question = question;
  }
}

/** INVALID_INPUT naming the file, the position and what was expected, as the issue requires. */
export function invalidInput(file: string, where: { line?: number; column?: number | string }, problem: string): ImportError {
  const parts = [file];
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.column !== undefined) parts.push(typeof where.column === 'number' ? `column ${where.column}` : `column "${where.column}"`);
  return new ImportError('INVALID_INPUT', `${parts.join(': ')}: ${problem}`);
}
