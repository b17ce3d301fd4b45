import type { ReconError } from '../../../../preload/contract';

/** The import's refusal of a file whose bytes are already a source. */
export interface DuplicateRefusal {
  sourceId: number;
  sourceName: string;
}

/**
 * Reads the refusal out of the import's one CONFLICT ("… already imported as source #3 "name" …"), so the
 * wizard can name the source, link to it and offer to import the file as a new source anyway.
 */
export function duplicateRefusalOf(error: ReconError): DuplicateRefusal | null {
  if (error.code !== 'CONFLICT') return null;
  // The name is quoted as is (it may hold quotes itself): it ends where the SHA-256 note begins.
  const found = /source #(\d+) "(.*?)"(?= \(same SHA-256|$)/.exec(error.message);
  return found ? { sourceId: Number(found[1]), sourceName: found[2]! } : null;
}
