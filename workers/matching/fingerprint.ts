import { createHash, type Hash } from 'node:crypto';
import type { EngineInput } from './engineInput';

/**
 * Run fingerprints hash record content and line numbers (the citations), never database ids,
 * so the same files give the same fingerprint whatever order or chunks they were imported in.
 */

const CHUNK = 65_536;

function updateNumbers(hash: Hash, values: Float64Array): void {
  hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

function updateStrings(hash: Hash, values: readonly (string | null)[]): void {
  for (let i = 0; i < values.length; i += CHUNK) {
    const part = values.slice(i, i + CHUNK);
    for (let j = 0; j < part.length; j += 1) if (part[j] === null) part[j] = '\u0000';
    hash.update(part.join('\u001f'), 'utf8');
    hash.update('\u001e');
  }
}

/** SHA-256 over one side's columns in canonical order. */
export function digestInput(input: EngineInput): string {
  const hash = createHash('sha256');
  hash.update(`records:${input.ids.length};frontier:${input.frontierMs ?? ''}\n`);
  updateNumbers(hash, input.lines);
  updateNumbers(hash, input.amountMinor);
  updateNumbers(hash, input.feeMinor);
  updateNumbers(hash, input.tsMs);
  updateNumbers(hash, input.sequence);
  for (const column of [input.externalId, input.reference, input.account, input.customer, input.currency, input.status]) {
    updateStrings(hash, column);
  }
  return hash.digest('hex');
}

/** JSON with object keys sorted, so equal values always serialize equally. */
export function stableJson(value: unknown, skipKeys: ReadonlySet<string> = new Set()): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v, skipKeys)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([k, v]) => v !== undefined && !skipKeys.has(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v, skipKeys)}`).join(',')}}`;
}

export { updateNumbers };
