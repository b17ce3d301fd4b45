import { parseJsonObject } from '../../components/parseJsonObject';

/**
 * Reads and edits the few rule-set settings the form shows, on the JSON the engine validates.
 * Anything the form does not know stays exactly as it was in the JSON.
 */
const HOUR_MS = 3_600_000;

export interface PassSettings {
  name: string;
  strategy: string;
  windowBeforeHours: number;
  windowAfterHours: number;
  amountToleranceMinor: number;
}

export interface CommonSettings {
  sameAccount: boolean;
  sameCurrency: boolean;
  passes: PassSettings[];
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

export function readCommonSettings(rules: unknown): CommonSettings {
  const root = asObject(rules);
  const constraints = asObject(root['constraints']);
  const passes = Array.isArray(root['passes']) ? root['passes'] : [];
  return {
    sameAccount: constraints['sameAccount'] !== false,
    sameCurrency: constraints['sameCurrency'] !== false,
    passes: passes.map((p) => {
      const pass = asObject(p);
      const time = asObject(pass['time']);
      const amount = asObject(pass['amount']);
      return {
        name: String(pass['name'] ?? ''),
        strategy: String(pass['strategy'] ?? ''),
        windowBeforeHours: -Number(time['minDeltaMs'] ?? 0) / HOUR_MS,
        windowAfterHours: Number(time['maxDeltaMs'] ?? 0) / HOUR_MS,
        amountToleranceMinor: Number(amount['absoluteMinor'] ?? 0),
      };
    }),
  };
}

export function applyCommonSettings(rules: unknown, settings: CommonSettings): Json {
  const root = structuredClone(asObject(rules));
  root['constraints'] = { ...asObject(root['constraints']), sameAccount: settings.sameAccount, sameCurrency: settings.sameCurrency };
  const passes = Array.isArray(root['passes']) ? (root['passes'] as unknown[]) : [];
  root['passes'] = passes.map((p, i) => {
    const edit = settings.passes[i];
    const pass = asObject(p);
    if (!edit) return pass;
    return {
      ...pass,
      time: {
        ...asObject(pass['time']),
        minDeltaMs: Math.round(-edit.windowBeforeHours * HOUR_MS),
        maxDeltaMs: Math.round(edit.windowAfterHours * HOUR_MS),
      },
      amount: { ...asObject(pass['amount']), absoluteMinor: Math.max(0, Math.round(edit.amountToleranceMinor)) },
    };
  });
  return root;
}

/** Parses the JSON editor's text; a syntax error is reported with its message, never thrown. */
export function parseRulesText(text: string): { rules: Json | null; error: string | null } {
  const { value, error } = parseJsonObject(text, 'rule set');
  return { rules: value, error };
}
