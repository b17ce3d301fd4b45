import { describe, expect, it } from 'vitest';
import { appendAudit, auditedTransaction, entryHash, GENESIS_HASH, verifyChain } from '../../../main/audit/auditLog';
import { canonicalJson } from '../../../main/audit/canonicalJson';
import { openWorkspace } from '../../../main/db/openWorkspace';
import { useTempStores } from '../../helpers/tempStore';

const tempStore = useTempStores();

function storeWithEntries(n: number) {
  const db = openWorkspace(tempStore());
  for (let i = 0; i < n; i += 1) appendAudit(db, { actor: 'tester', kind: 'test.event', data: { i, note: `entry ${i}` } });
  return db;
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], é: 2, A: { z: 1, y: 2 } })).toBe(
      '{"A":{"y":2,"z":1},"a":[true,null,"x"],"b":1,"é":2}',
    );
  });
  it('writes numbers in shortest ECMAScript form and refuses non-finite ones', () => {
    expect(canonicalJson([1e21, 0.1, -0, 100])).toBe('[1e+21,0.1,0,100]');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('audit log', () => {
  it('chains entries densely from seq 0', () => {
    const db = storeWithEntries(3);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as { seq: number; prev_hash: string; entry_hash: string; body: string }[];
    expect(rows.map((r) => r.seq)).toEqual([0, 1, 2]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.entry_hash);
    expect(rows[2]!.entry_hash).toBe(entryHash(rows[1]!.entry_hash, rows[2]!.body));
    expect(verifyChain(db)).toEqual({ ok: true, entries: 3 });
    db.close();
  });

  it('triggers abort UPDATE and DELETE', () => {
    const db = storeWithEntries(2);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    db.close();
  });

  it('names the first tampered entry when one byte of a body changes', () => {
    const db = storeWithEntries(5);
    db.exec('DROP TRIGGER audit_log_no_update');
    const body = (db.prepare('SELECT body FROM audit_log WHERE seq = 3').get() as { body: string }).body;
    db.prepare('UPDATE audit_log SET body = ? WHERE seq = 3').run(body.replace('entry 3', 'entry 9'));
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBadSeq: 3 });
    db.close();
  });

  it('detects a deleted entry and a re-linked chain', () => {
    const db = storeWithEntries(4);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBadSeq: 2 });
    db.close();
  });

  it('writes the entry in the same transaction as the change it records', () => {
    const db = openWorkspace(tempStore());
    expect(() =>
      auditedTransaction(
        db,
        () => {
          db.prepare("INSERT INTO rule_sets (name, version, body_json, created_at) VALUES ('r', 1, '{}', 0)").run();
          throw new Error('change failed half-way');
        },
        () => ({ actor: 't', kind: 'rules.saved', data: {} }),
      ),
    ).toThrow('change failed half-way');
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM rule_sets').get()).toEqual({ n: 0 });
    db.close();
  });
});
