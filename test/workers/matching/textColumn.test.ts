import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeTextColumn, openTextColumn } from '../../../workers/matching/textColumn';

describe('text column codec', () => {
  it('round-trips nulls, empty strings, non-ASCII and astral characters', () => {
    const values = [null, '', 'T0001', 'Zürich €', '𝄞 clef', null, '', 'a;b,"c"\n'];
    expect(openTextColumn(encodeTextColumn(values), values.length).all()).toEqual(values);
  });

  it('round-trips any strings across block boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'binary' }), { nil: null }), { maxLength: 200 }), (values) => {
        expect(openTextColumn(encodeTextColumn(values), values.length).all()).toEqual(values);
      }),
    );
    const many = Array.from({ length: 140_000 }, (_, i) => (i % 7 === 0 ? null : `ref-${i}`));
    expect(openTextColumn(encodeTextColumn(many), many.length).all()).toEqual(many);
  });

  it('refuses bytes that do not hold the expected values', () => {
    const data = encodeTextColumn(['alpha', 'beta', 'gamma']);
    expect(() => openTextColumn(data, 4).all()).toThrow(/text column/);
    expect(() => openTextColumn(data.subarray(0, data.byteLength - 2), 3).all()).toThrow(/text column/);
    expect(() => openTextColumn(Buffer.alloc(2), 0).all()).toThrow(/too short/);
    const wrongEnd = Buffer.from(data);
    wrongEnd.writeInt32LE(999, 12 + 4);
    expect(() => openTextColumn(wrongEnd, 3).all()).toThrow(/outside its block/);
  });
});

describe('text column reader', () => {
  it('reads any value on its own, equal to the decoded column', () => {
    const values = Array.from({ length: 150_000 }, (_, i) => (i % 5 === 0 ? null : i % 11 === 0 ? '' : `cus-${i}-é`));
    const data = encodeTextColumn(values);
    const column = openTextColumn(data, values.length);
    const read = (i: number) => column.at(i);
    for (const i of [0, 1, 4, 5, 11, 65_535, 65_536, 65_537, 131_071, 131_072, 149_999]) expect(read(i)).toBe(values[i]);
    expect(column.all()).toEqual(values);
    expect(read(-1)).toBeNull();
    expect(read(150_000)).toBeNull();
  });

  it('copies a column sliced from a larger buffer out of it', () => {
    const data = encodeTextColumn(['alpha', null, 'beta']);
    const column = openTextColumn(data, 3);
    data.fill(0);
    expect([column.at(0), column.at(1), column.at(2)]).toEqual(['alpha', null, 'beta']);
    expect(column.all()).toEqual(['alpha', null, 'beta']);
  });
});
