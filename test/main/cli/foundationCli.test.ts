import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspacePath } from '../../../main/db/openWorkspace';
import { useTempStores } from '../../helpers/tempStore';
import { recon } from './cliRunner';

const tempStore = useTempStores();

describe('recon CLI: foundation commands', () => {
  it('--help prints usage and exits 0; no arguments is a usage error', () => {
    const help = recon('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('recon audit verify --store DIR');
    expect(recon().status).toBe(2);
  });

  it('unknown commands and options are usage errors with a clear message', () => {
    const store = tempStore();
    const unknown = recon('frobnicate', '--store', store);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
    expect(recon('audit', 'verify', '--store', store, '--bogus').status).toBe(2);
    expect(recon('audit', 'verify').stderr).toMatch(/--store DIR is required/);
  });

  it('audit verify on a missing workspace says so instead of creating one', () => {
    const store = join(tempStore(), 'nowhere');
    const run = recon('audit', 'verify', '--store', store);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/No workspace at/);
  });

  it('demo then audit verify prints ok; one changed byte in a body names that seq', () => {
    const store = join(tempStore(), 'new-dir');
    const demo = recon('demo', '--store', store);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.json).toMatchObject({ ok: true });
    const verified = recon('audit', 'verify', '--store', store);
    expect(verified.status).toBe(0);
    const { entries } = verified.json as { ok: boolean; entries: number };
    expect(verified.json).toEqual({ ok: true, entries });
    expect(entries).toBeGreaterThan(3);

    const db = new Database(workspacePath(store));
    db.exec('DROP TRIGGER audit_log_no_update');
    const target = 2;
    const { body } = db.prepare('SELECT body FROM audit_log WHERE seq = ?').get(target) as { body: string };
    const at = body.indexOf('"actor":"') + 9;
    const tampered = body.slice(0, at) + String.fromCharCode(body.charCodeAt(at) ^ 1) + body.slice(at + 1);
    db.prepare('UPDATE audit_log SET body = ? WHERE seq = ?').run(tampered, target);
    db.close();

    const broken = recon('audit', 'verify', '--store', store);
    expect(broken.status).toBe(1);
    expect(broken.json).toMatchObject({ ok: false, first_bad_seq: target });
    expect((broken.json as { reason: string }).reason).toMatch(/entry_hash/);
  });
});
