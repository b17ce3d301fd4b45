/**
 * Strings → dense integer codes, an open-addressing hash table over typed arrays. A million short
 * keys intern several times faster than through a Map<string, …> (no per-entry objects, no rehash of
 * entries, a cheap FNV-1a over the UTF-16 code units), and later steps key on the codes.
 */
export class KeyTable {
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  readonly keys: string[] = [];

  constructor(expected: number) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.hashes = new Int32Array(Math.max(16, expected));
  }

  get size(): number {
    return this.keys.length;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h | 0;
  }

  /** The key's code, or -1 when it was never interned. */
  get(s: string): number {
    const h = KeyTable.hash(s);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const code = this.slots[slot]!;
      if (code === -1) return -1;
      if (this.hashes[code] === h && this.keys[code] === s) return code;
    }
  }

  /** The key's code, adding it when new. */
  intern(s: string): number {
    const h = KeyTable.hash(s);
    let slot = h & this.mask;
    for (; ; slot = (slot + 1) & this.mask) {
      const code = this.slots[slot]!;
      if (code === -1) break;
      if (this.hashes[code] === h && this.keys[code] === s) return code;
    }
    const code = this.keys.length;
    this.keys.push(s);
    if (code >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[code] = h;
    this.slots[slot] = code;
    if (this.keys.length * 2 > this.slots.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let code = 0; code < this.keys.length; code += 1) {
      let slot = this.hashes[code]! & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = code;
    }
  }
}
