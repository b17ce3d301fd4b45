import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeTextColumn, encodeTextColumn } from '../../../workers/matching/textColumn';

describe('text column codec', () => {
  it('round-trips nulls, empty strings, non-ASCII and astral characters', () => {
    const values = [null, '', 'T0001', 'Zürich €', '𝄞 clef', null, '', 'a;b,"c"\n'];
    expect(decodeTextColumn(encodeTextColumn(values), values.length)).toEqual(values);
  });

  it('round-trips any strings across block boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'binary' }), { nil: null }), { maxLength: 200 }), (values) => {
        expect(decodeTextColumn(encodeTextColumn(values), values.length)).toEqual(values);
      }),
    );
    const many = Array.from({ length: 140_000 }, (_, i) => (i % 7 === 0 ? null : `ref-${i}`));
    expect(decodeTextColumn(encodeTextColumn(many), many.length)).toEqual(many);
  });

  it('refuses bytes that do not hold the expected values', () => {
    const data = encodeTextColumn(['alpha', 'beta', 'gamma']);
    expect(() => decodeTextColumn(data, 4)).toThrow(/text column/);
    expect(() => decodeTextColumn(data.subarray(0, data.byteLength - 2), 3)).toThrow(/text column/);
    expect(() => decodeTextColumn(Buffer.alloc(2), 0)).toThrow(/too short/);
    const wrongEnd = Buffer.from(data);
    wrongEnd.writeInt32LE(999, 12 + 4);
    expect(() => decodeTextColumn(wrongEnd, 3)).toThrow(/outside its block/);
  });
});
