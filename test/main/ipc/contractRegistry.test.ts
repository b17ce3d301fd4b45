import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../main/ipc/handlers';
import { METHOD_NAMES } from '../../../preload/contract';

describe('contract registry', () => {
  it('every contract method has a handler and a request schema, and nothing else does', () => {
    expect(Object.keys(METHODS).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) {
      expect(typeof METHODS[method].handler, method).toBe('function');
      expect(typeof METHODS[method].schema.safeParse, method).toBe('function');
    }
  });

  it('method names follow domain:verb-noun and are unique', () => {
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
    for (const method of METHOD_NAMES) expect(method).toMatch(/^[a-z]+:[a-z]+-[a-z-]+$/);
  });

  it('every schema rejects unknown fields and non-object requests', () => {
    for (const method of METHOD_NAMES) {
      expect(METHODS[method].schema.safeParse({ unexpectedField: 1 }).success, method).toBe(false);
      expect(METHODS[method].schema.safeParse('a string').success, method).toBe(false);
    }
  });
});
