import { CsvParser } from './csvParser';

export interface EvidenceCollector {
  look(line: number, fields: readonly string[]): void;
  stillLooking(): boolean;
}

/**
 * Reads the file's data rows for evidence its head did not hold (day/month order, decimal separator),
 * for every collector at once, and stops reading as soon as none of them is still looking.
 */
export async function scanForEvidence(
  openText: () => AsyncIterable<string>, delimiter: string, headerLine: number, collectors: readonly EvidenceCollector[],
): Promise<void> {
  let looking = collectors.filter((c) => c.stillLooking());
  const parser = new CsvParser(delimiter, (fields, line) => {
    if (line <= headerLine) return;
    for (const c of looking) c.look(line, fields);
  }, () => {});
  for await (const text of openText()) {
    parser.push(text);
    looking = looking.filter((c) => c.stillLooking());
    if (looking.length === 0) return;
  }
  parser.end();
}
