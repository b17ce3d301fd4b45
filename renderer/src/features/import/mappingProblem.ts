/** A preview error caused by the mapping the user edited, told against the field it concerns. */
export interface MappingProblem {
  /** The mapping field at fault ("externalId"), when the message names one. */
  field: string | null;
  message: string;
}

const NAMES_FIELD = /(?:mapping "([^"]+)"|"([^"]+)" is mapped to)/;

/**
 * Whether an importer error is about the mapping rather than the file. Only then is it shown beside the
 * mapping editor (which stays open so it can be fixed); anything else is a problem of the file itself.
 */
export function mappingProblemOf(message: string): MappingProblem | null {
  if (!/mapping|is mapped to/i.test(message)) return null;
  const named = NAMES_FIELD.exec(message);
  const field = named ? (named[1] ?? named[2] ?? null) : null;
  // "ledger.csv: line 1: mapping "x" names…": the file and header line are known to the user here.
  const detail = message.replace(/^[^:]+: line \d+: /, '');
  return { field, message: detail.replace(/^mapping "/, 'Field "') };
}
