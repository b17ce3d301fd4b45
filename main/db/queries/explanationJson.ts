import type { BreakClass } from '../../../preload/contract';

/**
 * The engine owns the shape of breaks.explanation_json; the analyst views only rely on it being a
 * JSON object that may carry a human `text` / `summary` and a `candidates` array. Everything here
 * reads defensively so a new engine field, or a missing one, never breaks a screen.
 */
export type JsonObject = Record<string, unknown>;

export function parseExplanation(json: string): JsonObject {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? expandStoredSummary(value as JsonObject) : { value };
  } catch {
    return { text: json };
  }
}

/**
 * The closing clause of a summary naming a break's nearest candidates, best first (each as its
 * record, then its failed criteria): " Nearest: a. Next: b. Then: c."
 */
export function nearestClause(candidateLines: readonly string[]): string {
  const labels = ['Nearest', 'Next', 'Then'];
  return candidateLines.map((line, k) => ` ${labels[k] ?? 'Then'}: ${line}.`).join('');
}

/**
 * The engine stores a summary whose closing "Nearest: …" clause would only repeat the candidates from
 * k on without that clause, flagged `summaryNearest: k`; this puts the clause back (each candidate's
 * text, then its failed criteria's words joined by "; ") and drops the flag, so readers see the
 * engine's full summary. Explanations stored before the flag existed carry the clause already and pass
 * through unchanged.
 */
export function expandStoredSummary(explanation: JsonObject): JsonObject {
  const k = explanation['summaryNearest'];
  if (k === undefined) return explanation;
  delete explanation['summaryNearest'];
  const candidates = explanation['candidates'];
  if (typeof explanation['summary'] !== 'string' || typeof k !== 'number' || !Array.isArray(candidates)) return explanation;
  const lines: string[] = [];
  for (const candidate of candidates.slice(k) as unknown[]) {
    if (!candidate || typeof candidate !== 'object') return explanation;
    const { text, criteria } = candidate as { text?: unknown; criteria?: unknown };
    if (typeof text !== 'string') return explanation;
    let failed = '';
    if (Array.isArray(criteria)) {
      for (const c of criteria as { ok?: unknown; text?: unknown }[]) {
        if (c && c.ok === false) failed += failed ? `; ${String(c.text)}` : String(c.text);
      }
    }
    lines.push(`${text}: ${failed || 'all criteria met'}`);
  }
  if (lines.length) explanation['summary'] = `${explanation['summary']}${nearestClause(lines)}`;
  return explanation;
}

const FALLBACK: Record<BreakClass, string> = {
  missing_left: 'No counterpart on the left side',
  missing_right: 'No counterpart on the right side',
  duplicate: 'The same event appears more than once on one side',
  delay: 'Counterpart outside the time window or beyond the other source’s frontier',
  out_of_order: 'Sequence and time disagree within the account',
  amount_mismatch: 'Matched by key but the amounts differ beyond tolerance',
  currency_mismatch: 'Matched by key but the currencies differ',
  status_mismatch: 'Matched by key but the statuses disagree',
};

export function explanationText(explanation: JsonObject): string | null {
  for (const key of ['text', 'summary', 'message', 'reason']) {
    const value = explanation[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

export function summaryOf(json: string, breakClass: BreakClass): string {
  return explanationText(parseExplanation(json)) ?? FALLBACK[breakClass] ?? breakClass;
}

/** A scalar as text for display; objects become compact JSON. */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
