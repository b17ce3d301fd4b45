import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, parseRuleSet, RuleSetError, ruleSetForKinds } from '../../../workers/matching/ruleSet';

const minimal = {
  name: 'custom',
  version: 2,
  passes: [{ strategy: 'exact_key', name: 'k', leftKey: 'externalId', rightKey: 'reference', time: { minDeltaMs: 0, maxDeltaMs: 10 } }],
};

function problems(json: unknown): string[] {
  try {
    parseRuleSet(json);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    return (error as RuleSetError).problems;
  }
  throw new Error('expected the rule set to be rejected');
}

describe('rule sets', () => {
  it('fills defaults for a minimal rule set', () => {
    const rules = parseRuleSet(minimal);
    expect(rules.constraints).toEqual({ sameAccount: true, sameCurrency: true });
    expect(rules.keyNormalization).toEqual({ trim: true, case: 'preserve', stripPrefixes: [] });
    expect(rules.passes[0]).toMatchObject({ amount: { absoluteMinor: 0, relative: 0, leftBasis: 'gross', rightBasis: 'gross' } });
  });

  it('accepts JSON text and the defaults re-parse to themselves', () => {
    expect(parseRuleSet(JSON.stringify(minimal)).name).toBe('custom');
    for (const rules of Object.values(DEFAULT_RULES)) expect(parseRuleSet(JSON.parse(JSON.stringify(rules)))).toEqual(rules);
  });

  it('names the path and what was expected', () => {
    const bad = { ...minimal, passes: [{ ...minimal.passes[0], time: { minDeltaMs: '0', maxDeltaMs: 10 } }] };
    expect(problems(bad).join('\n')).toMatch(/rules\.passes\[0\]\.time\.minDeltaMs: .*number/);
  });

  it('rejects unknown keys (typos), inverted windows, unknown strategies, duplicate pass names, bad JSON', () => {
    expect(problems({ ...minimal, constraint: {} }).join()).toMatch(/constraint/);
    // QA (qa3a #1): amounts of two currencies were summed and compared as raw minor units.
    expect(problems({ ...minimal, constraints: { sameCurrency: false } })).toEqual([
      'rules.constraints.sameCurrency: must be true: amounts in different currencies are never compared (there are no exchange rates), so a key pair in two currencies is a currency_mismatch break',
    ]);
    const inverted = { ...minimal, passes: [{ ...minimal.passes[0], time: { minDeltaMs: 5, maxDeltaMs: 1 } }] };
    expect(problems(inverted).join()).toMatch(/rules\.passes\[0\]\.time: minDeltaMs must be ≤ maxDeltaMs/);
    expect(problems({ ...minimal, passes: [{ strategy: 'fuzzy', name: 'x' }] }).join()).toMatch(/rules\.passes\[0\]\.strategy/);
    expect(problems({ ...minimal, passes: [minimal.passes[0], minimal.passes[0]] }).join()).toMatch(/duplicate pass name/);
    expect(problems('{nope').join()).toMatch(/not valid JSON/);
    expect(problems({ ...minimal, passes: [] }).join()).toMatch(/rules\.passes: at least one pass/);
  });

  it('picks defaults by source kinds', () => {
    expect(ruleSetForKinds('ledger', 'processor').name).toBe('ledger-processor');
    expect(ruleSetForKinds('processor', 'bank').name).toBe('processor-bank');
    expect(ruleSetForKinds('ledger', 'bank').name).toBe('generic-bank');
    expect(ruleSetForKinds('ledger', 'bank').duplicates).toEqual({ left: ['externalId'], right: [] });
    expect(ruleSetForKinds('ledger', 'ledger').name).toBe('generic');
    // QA (qa3a #7): 28 lines of a real MT940 statement sharing its owner reference were one duplicate break.
    expect(ruleSetForKinds('processor', 'bank').duplicates.right).toEqual([]);
  });
});
