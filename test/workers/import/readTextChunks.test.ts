import { describe, expect, it } from 'vitest';
import { READ_CHUNK, readTextChunks } from '../../../workers/import/scanFile';
import { writeTemp } from './helpers';

async function decodeAll(path: string, encoding: string, skipBytes = 0): Promise<string> {
  let text = '';
  for await (const chunk of readTextChunks(path, encoding, skipBytes)) text += chunk;
  return text;
}

const ascii = (length: number): string => 'a,b,c\n'.repeat(Math.ceil(length / 6)).slice(0, length);

describe('readTextChunks', () => {
  it('keeps a UTF-8 character split across read chunks whole, in ASCII chunks before and after it', async () => {
    // "€" is 3 bytes; it starts 1 byte before the chunk boundary, so the first chunk ends inside it.
    const text = `${ascii(READ_CHUNK - 1)}€${ascii(READ_CHUNK)}é${ascii(100)}`;
    const path = writeTemp('split.csv', Buffer.from(text, 'utf8'));
    expect(await decodeAll(path, 'utf-8')).toBe(text);
  });

  it('reads a chunk of pure ASCII after one that ended inside a character through the decoder', async () => {
    // The 4-byte emoji ends exactly 2 bytes into the second chunk; everything after it is ASCII.
    const text = `${ascii(READ_CHUNK - 2)}😀${ascii(READ_CHUNK * 2)}`;
    const path = writeTemp('emoji.csv', Buffer.from(text, 'utf8'));
    expect(await decodeAll(path, 'utf-8')).toBe(text);
  });

  it('decodes a character cut off at a chunk end and followed by ASCII as the whole-file decoder does (U+FFFD)', async () => {
    const bytes = Buffer.concat([Buffer.from(ascii(READ_CHUNK - 1)), Buffer.from([0xe2]), Buffer.from(ascii(1000))]);
    const path = writeTemp('truncated.csv', bytes);
    const whole = new TextDecoder('utf-8').decode(bytes);
    expect(whole).toContain('\ufffd');
    expect(await decodeAll(path, 'utf-8')).toBe(whole);
  });

  it('decodes Windows-1252 bytes above 0x7F in any chunk, and skips a BOM by byte count', async () => {
    const body = `${ascii(READ_CHUNK)}caf\xe9 \x80 100${ascii(50)}`;
    const path = writeTemp('latin.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'latin1')]));
    expect(await decodeAll(path, 'windows-1252', 3)).toBe(body.replace('\x80', '€'));
  });

  it('never takes the ASCII shortcut for UTF-16, whose ASCII-looking bytes mean other characters', async () => {
    const text = `${ascii(READ_CHUNK)}ü`;
    const path = writeTemp('utf16.csv', Buffer.from(text, 'utf16le'));
    expect(await decodeAll(path, 'utf-16le')).toBe(text);
  });
});
