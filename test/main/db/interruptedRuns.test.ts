import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { closeInterruptedRuns } from '../../../workers/matching/runOwner';
import { tempStore } from '../../workers/import/helpers';

describe('runs left "running" by a process that ended', () => {
  it('are closed as failed with an audited reason; runs of live processes and of other machines are left alone', () => {
    const { db } = tempStore();
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    db.prepare(`INSERT INTO rule_sets (name, version, body_json, created_at) VALUES ('r', 1, '{}', 0)`).run();
    db.prepare(`INSERT INTO sources (name, kind, format, file_name, sha256, byte_size, status, created_at)
                VALUES ('s', 'ledger', 'csv', 's', 'x', 1, 'complete', 0)`).run();
    const insert = db.prepare(`INSERT INTO runs (rule_set_id, left_source_id, right_source_id, status, engine_version, started_at, owner)
                               VALUES (1, 1, 1, 'running', 'x', 0, ?)`);
    const crashed = Number(insert.run(`${hostname()}:${ended}`).lastInsertRowid);
    const mine = Number(insert.run(`${hostname()}:${process.pid}`).lastInsertRowid);
    const elsewhere = Number(insert.run('another-machine:1').lastInsertRowid);
    const older = Number(insert.run(null).lastInsertRowid);

    expect(closeInterruptedRuns(db, 'ana')).toEqual([crashed, older]);
    const status = (id: number) => db.prepare('SELECT status FROM runs WHERE id = ?').pluck().get(id);
    expect([status(crashed), status(mine), status(elsewhere), status(older)]).toEqual(['failed', 'running', 'running', 'failed']);
    const audit = db.prepare(`SELECT actor, body FROM audit_log WHERE kind = 'run.failed' ORDER BY seq`).all() as { actor: string; body: string }[];
    expect(audit.map((a) => [a.actor, JSON.parse(a.body).data.runId])).toEqual([['ana', crashed], ['ana', older]]);
    expect(JSON.parse(audit[0]!.body).data.reason).toMatch(/^interrupted: the process running it \(.*:\d+\) ended before it finished/);
    expect(closeInterruptedRuns(db, 'ana')).toEqual([]);
    db.close();
  });
});
