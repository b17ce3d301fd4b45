import type { BreakExplanation, DiffCandidate } from '../../../preload/contract';
import { getCitedRecords } from '../../db/queries/citedRecordsQueries';
import { parseExplanation, explanationText, scalarText, type JsonObject } from '../../db/queries/explanationJson';
import type { Db } from '../../db/openWorkspace';

const ID_KEYS = ['recordId', 'id', 'rightId', 'leftId', 'candidateId'];
const SCORE_KEYS = ['score', 'distance'];
const MAX_CANDIDATES = 10;

function candidateId(candidate: JsonObject): number | null {
  for (const key of ID_KEYS) {
    const value = candidate[key];
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  }
  return null;
}

function candidateDetail(candidate: JsonObject): string {
  return Object.entries(candidate)
    .filter(([key]) => !ID_KEYS.includes(key) && !SCORE_KEYS.includes(key))
    .map(([key, value]) => `${key}: ${scalarText(value)}`)
    .join(' · ');
}

/**
 * The engine's explanation made presentable: its text, its other scalar facts, and the nearest
 * candidates resolved to cited records when they name a record id.
 */
export function explainBreak(db: Db, explanationJson: string): BreakExplanation {
  const explanation = parseExplanation(explanationJson);
  const raw = Array.isArray(explanation['candidates']) ? (explanation['candidates'] as unknown[]).slice(0, MAX_CANDIDATES) : [];
  const objects = raw.map((c): JsonObject => (c && typeof c === 'object' && !Array.isArray(c) ? (c as JsonObject) : { value: c }));
  const ids = objects.map(candidateId);
  const records = new Map(getCitedRecords(db, ids.filter((id): id is number => id !== null)).map((r) => [r.id, r]));
  const candidates: DiffCandidate[] = objects.map((candidate, i) => {
    const id = ids[i] ?? null;
    const score = SCORE_KEYS.map((k) => candidate[k]).find((v): v is number => typeof v === 'number') ?? null;
    return { recordId: id, record: id !== null ? (records.get(id) ?? null) : null, score, detail: candidateDetail(candidate) };
  });
  const text = explanationText(explanation);
  const facts = Object.entries(explanation)
    .filter(([key, value]) => key !== 'candidates' && !(typeof value === 'string' && value === text))
    .map(([key, value]) => ({ key, value: scalarText(value) }));
  return { text, facts, candidates, rawJson: explanationJson };
}
