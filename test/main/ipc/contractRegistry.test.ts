import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../../main/ipc/handlers';
import { REQUEST_SCHEMAS } from '../../../main/ipc/requestSchemas';
import { METHOD_NAMES } from '../../../preload/contract';

describe('contract registry', () => {
  it('every contract method has a handler and a request schema, and nothing else does', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) expect(typeof HANDLERS[method]).toBe('function');
  });

  it('method names follow domain:verb-noun', () => {
    for (const method of METHOD_NAMES) expect(method).toMatch(/^[a-z]+:[a-z]+-[a-z-]+$/);
  });

  it('every schema rejects unknown fields and wrong types', () => {
    for (const method of METHOD_NAMES) {
      expect(REQUEST_SCHEMAS[method].safeParse({ unexpectedField: 1 }).success, method).toBe(false);
      expect(REQUEST_SCHEMAS[method].safeParse('a string').success, method).toBe(false);
    }
  });
});
