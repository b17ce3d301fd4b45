import type { BreakExplanation, DiffCandidate } from '../../../preload/contract';
import { getCitedRecords } from '../../db/queries/citedRecordsQueries';
import { parseExplanation, explanationText, scalarText, type JsonObject } from '../../db/queries/explanationJson';
import { matchOfRecords } from '../../db/queries/matchesQueries';
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

/**
 * The engine's own words when it gave them (its candidate `text` and the text of each failed
 * criterion); otherwise every other field as key: value.
 */
function candidateDetail(candidate: JsonObject): string {
  const criteria = Array.isArray(candidate['criteria']) ? (candidate['criteria'] as unknown[]) : [];
  const failed = criteria
    .filter((c): c is JsonObject => !!c && typeof c === 'object' && (c as JsonObject)['ok'] === false)
    .map((c) => (typeof c['text'] === 'string' ? c['text'] : `${scalarText(c['name'])} failed`));
  if (typeof candidate['text'] === 'string') return [candidate['text'], ...failed].join(' · ');
  return Object.entries(candidate)
    .filter(([key]) => !ID_KEYS.includes(key) && !SCORE_KEYS.includes(key))
    .map(([key, value]) => `${key}: ${scalarText(value)}`)
    .join(' · ');
}

/** Flags the engine sets to true, as an analyst would say them. */
const FLAG_TEXT: Record<string, string> = {
  paired: 'Paired with a record on the other side',
  outsideWindow: 'Outside the time window',
  beyondFrontier: 'Beyond the other source’s last record: it may still arrive',
  ambiguous: 'Several equally good candidates tied',
  gap: 'Sequence numbers are missing',
};

const LABELS: Record<string, string> = {
  pass: 'Pass',
  failed: 'Failed',
  statusClasses: 'Status classes',
  hint: 'Hint',
  frontierMs: 'Other source’s last record',
  latestCounterpartMs: 'Latest counterpart time',
  side: 'Side',
  sequences: 'Sequences',
  times: 'Times',
  lastBefore: 'Last sequence before',
  firstAfter: 'First sequence after',
  missing: 'Missing sequence numbers',
  field: 'Repeated field',
  key: 'Repeated value',
  originalLine: 'Original line',
  unmatchedBy: 'Unmatched by',
  unmatchedAt: 'Unmatched at',
  reason: 'Reason',
  removedMatchId: 'Removed match',
  removedStrategy: 'Removed match strategy',
};

/** "timeDeltaMs" → "Time delta ms": a readable fallback for a fact no label names. */
function humanKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One fact as a line of text: a flag as a phrase, a pair of status classes by side, else "Label: value". */
function factSentence(key: string, value: unknown, shown: string): string {
  if (value === true && FLAG_TEXT[key]) return FLAG_TEXT[key];
  if (typeof value === 'boolean') return `${LABELS[key] ?? humanKey(key)}: ${value ? 'yes' : 'no'}`;
  if (key === 'group' && value && typeof value === 'object' && !Array.isArray(value)) {
    const { sumMinor, targetMinor, deltaMinor } = value as JsonObject;
    return `Group: sums to ${scalarText(sumMinor)} against ${scalarText(targetMinor)}, off by ${scalarText(deltaMinor)} (minor units)`;
  }
  if (key === 'statusClasses' && Array.isArray(value) && value.length === 2) return `Status classes: left ${scalarText(value[0])}, right ${scalarText(value[1])}`;
  if (Array.isArray(value) && !TIME_KEY.test(key)) return `${LABELS[key] ?? humanKey(key)}: ${value.map(scalarText).join(', ')}`;
  return `${LABELS[key] ?? humanKey(key)}: ${shown}`;
}

/** Epoch milliseconds from 1973 on: smaller numbers under a time-like key are durations, not instants. */
const EPOCH_MS_FLOOR = 1e11;
const TIME_KEY = /^(times?|ts)$|(At|Ms)$/;

/** As the renderer's formatTimestamp shows times (it cannot be shared across the process boundary). */
function instantText(value: unknown): string {
  return typeof value === 'number' && value >= EPOCH_MS_FLOOR ? new Date(value).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC') : scalarText(value);
}

/** A fact as an analyst reads it: instants as UTC times, a `failed` map as the names of what failed. */
function factText(key: string, value: unknown): string {
  if (key === 'failed' && value && typeof value === 'object' && !Array.isArray(value)) {
    const failed = Object.entries(value as JsonObject).filter(([, v]) => v === true).map(([k]) => k);
    return failed.length ? failed.join(', ') : 'nothing';
  }
  if (TIME_KEY.test(key)) {
    if (Array.isArray(value)) return value.map(instantText).join(', ');
    return instantText(value);
  }
  return scalarText(value);
}

/** Whether the engine said the candidate was already matched when it explained the break. */
function claimedByEngine(candidate: JsonObject): boolean {
  const criteria = Array.isArray(candidate['criteria']) ? (candidate['criteria'] as unknown[]) : [];
  return criteria.some((c) => !!c && typeof c === 'object' && (c as JsonObject)['name'] === 'claimed' && (c as JsonObject)['ok'] === false);
}

/**
 * The match holding each candidate now: manual matches made since the run (an index range), and the
 * engine's for candidates it marked claimed (a scan of the run's matches, so only when one is).
 */
function claimingMatches(db: Db, runId: number, objects: JsonObject[], ids: (number | null)[]): Map<number, number> {
  const owner = matchOfRecords(db, runId, ids.filter((id): id is number => id !== null), { manualOnly: true });
  const engineClaimed = ids.filter((id, i): id is number => id !== null && !owner.has(id) && claimedByEngine(objects[i]!));
  for (const [id, matchId] of matchOfRecords(db, runId, engineClaimed)) owner.set(id, matchId);
  return owner;
}

/**
 * The engine's explanation made presentable: its text, its other scalar facts, and the nearest
 * candidates resolved to cited records when they name a record id.
 */
export function explainBreak(db: Db, explanationJson: string, runId?: number): BreakExplanation {
  const explanation = parseExplanation(explanationJson);
  const raw = Array.isArray(explanation['candidates']) ? (explanation['candidates'] as unknown[]).slice(0, MAX_CANDIDATES) : [];
  const objects = raw.map((c): JsonObject => (c && typeof c === 'object' && !Array.isArray(c) ? (c as JsonObject) : { value: c }));
  const ids = objects.map(candidateId);
  const records = new Map(getCitedRecords(db, ids.filter((id): id is number => id !== null)).map((r) => [r.id, r]));
  const owner = runId === undefined ? new Map<number, number>() : claimingMatches(db, runId, objects, ids);
  const candidates: DiffCandidate[] = objects.map((candidate, i) => {
    const id = ids[i] ?? null;
    const score = SCORE_KEYS.map((k) => candidate[k]).find((v): v is number => typeof v === 'number') ?? null;
    return { recordId: id, record: id !== null ? (records.get(id) ?? null) : null, score, detail: candidateDetail(candidate), claimedByMatchId: id !== null ? (owner.get(id) ?? null) : null };
  });
  const text = explanationText(explanation);
  // The engine nests its facts under `facts`; top-level extras are shown alongside.
  const nested = explanation['facts'] && typeof explanation['facts'] === 'object' && !Array.isArray(explanation['facts']) ? (explanation['facts'] as JsonObject) : {};
  const facts = [...Object.entries(explanation), ...Object.entries(nested)]
    .filter(([key, value]) => key !== 'candidates' && key !== 'facts' && !(typeof value === 'string' && value === text))
    .map(([key, value]) => {
      const shown = factText(key, value);
      return { key, value: shown, text: factSentence(key, value, shown) };
    });
  return { text, facts, candidates, rawJson: explanationJson };
}
