import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempStores } from '../../helpers/tempStore';
import { recon } from './cliRunner';

const tempStore = useTempStores();

const LEDGER = [
  'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo',
  'T1,acct_1,cus_1,10.00,USD,2026-03-01T10:00:00Z,posted,k1,1,first',
  'T2,acct_1,cus_2,20.50,USD,2026-03-01T11:00:00Z,posted,k2,2,second',
  'T3,acct_2,cus_3,7.25,EUR,2026-03-01T12:00:00Z,posted,k3,1,never settled',
  ',acct_2,cus_4,3.00,EUR,2026-03-01T13:00:00Z,posted,k4,2,no id; settles key-less',
  // Both files run two days on, so the breaks above are missing, not pending beyond a data frontier.
  'T5,acct_1,cus_5,1.00,USD,2026-03-03T13:00:00Z,posted,k5,3,later',
].join('\n');

const PROCESSOR = [
  'ref,account,amount,currency,settled_at,fee,status,description',
  'T1,acct_1,10.00,USD,2026-03-01T12:00:00Z,0.59,succeeded,ok',
  'T2,acct_1,20.50,USD,2026-03-01T12:30:00Z,0.89,failed,declined late',
  ',acct_2,3.00,EUR,2026-03-01T15:00:00Z,0.10,succeeded,no ref',
  'P9,acct_3,99.99,USD,2026-03-01T16:00:00Z,3.20,succeeded,unknown',
  'T5,acct_1,1.00,USD,2026-03-03T14:00:00Z,0.33,succeeded,later',
].join('\n');

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split(','));
}

describe('recon CLI: import → run → export on the two named CSV shapes, no mapping or rules files', () => {
  it('reconciles and exports with external ids and #LINE citations', () => {
    const store = tempStore();
    writeFileSync(join(store, 'ledger.csv'), LEDGER);
    writeFileSync(join(store, 'processor.csv'), PROCESSOR);

    const left = recon('import', join(store, 'ledger.csv'), '--store', store, '--kind', 'ledger', '--name', 'L');
    expect(left.status, left.stderr).toBe(0);
    expect(left.json).toMatchObject({ name: 'L', format: 'csv', rows_total: 5, rows_imported: 5, rows_rejected: 0, frontier: '2026-03-03T13:00:00.000Z' });
    expect((left.json as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    const right = recon('import', join(store, 'processor.csv'), '--store', store, '--kind', 'processor');
    expect(right.status, right.stderr).toBe(0);
    expect(right.json).toMatchObject({ name: 'processor.csv', rows_imported: 5 });

    const again = recon('import', join(store, 'ledger.csv'), '--store', store);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already imported/);

    const sources = recon('sources', '--store', store);
    expect((sources.json as { sources: unknown[] }).sources).toHaveLength(2);

    const run = recon('run', '--store', store, '--left', 'L', '--right', 'processor.csv');
    expect(run.status, run.stderr).toBe(0);
    const result = run.json as { run_id: number; fingerprint: string; counts: Record<string, number>; amount_at_risk_minor: Record<string, number> };
    expect(result.counts).toMatchObject({ matched: 3, status_mismatch: 1, missing_right: 1, missing_left: 1, delay: 0 });
    expect(result.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(result.amount_at_risk_minor['USD']).toBeGreaterThan(0);

    const rerun = recon('run', '--store', store, '--left', '1', '--right', '2');
    expect((rerun.json as { fingerprint: string }).fingerprint).toBe(result.fingerprint);

    const matchesCsv = join(store, 'matches.csv');
    expect(recon('export', '--store', store, '--run', String(result.run_id), '--what', 'matches', '--out', matchesCsv).status).toBe(0);
    const matches = csvRows(matchesCsv);
    expect(matches[0]).toEqual(['left_ids', 'right_ids', 'strategy', 'amount_delta_minor', 'time_delta_ms']);
    expect(matches.slice(1).map((r) => `${r[0]}>${r[1]}`).sort()).toEqual(['#5>#4', 'T1>T1', 'T5>T5']);

    const breaksCsv = join(store, 'breaks.csv');
    expect(recon('export', '--store', store, '--run', String(result.run_id), '--what', 'breaks', '--out', breaksCsv).status).toBe(0);
    const text = readFileSync(breaksCsv, 'utf8');
    expect(text.split('\n')[0]).toBe('class,left_ids,right_ids,amount_minor,currency,blast_radius,explanation');
    expect(text).toMatch(/^status_mismatch,T2,T2,2050,USD,/m);
    expect(text).toMatch(/^missing_right,T3,,725,EUR,/m);
    expect(text).toMatch(/^missing_left,,P9,9999,USD,/m);

    expect(recon('audit', 'verify', '--store', store).json).toMatchObject({ ok: true });
  });

  it('bad input exits non-zero with a clear message', () => {
    const store = tempStore();
    writeFileSync(join(store, 'ledger.csv'), LEDGER);
    expect(recon('import', join(store, 'missing.csv'), '--store', store).stderr).toMatch(/missing\.csv/);
    expect(recon('import', join(store, 'ledger.csv'), '--store', store, '--kind', 'nonsense').status).toBe(2);
    const xlsx = recon('import', join(store, 'ledger.csv'), '--store', store, '--format', 'xlsx');
    expect(xlsx.status).toBe(1);
    expect(xlsx.stderr).toMatch(/ledger\.csv: line 1: not an Excel workbook/);
    writeFileSync(join(store, 'map.json'), '{"columns": {"amount": "nope"}}');
    const badMapping = recon('import', join(store, 'ledger.csv'), '--store', store, '--mapping', join(store, 'map.json'));
    expect(badMapping.status).toBe(1);
    expect(badMapping.stderr).toMatch(/nope/);
    expect(recon('import', join(store, 'ledger.csv'), '--store', store).status).toBe(0);
    writeFileSync(join(store, 'rules.json'), '{"name": "x", "version": 1, "passes": []}');
    const badRules = recon('run', '--store', store, '--left', '1', '--right', '1', '--rules', join(store, 'rules.json'));
    expect(badRules.status).toBe(1);
    expect(badRules.stderr).toMatch(/passes/);
    // qa3a #10: an unreadable rules file is bad input (exit 1, JSON on stdout), like a missing import file.
    const noRules = recon('run', '--store', store, '--left', '1', '--right', '1', '--rules', join(store, 'absent.json'));
    expect(noRules.status).toBe(1);
    expect(JSON.parse(noRules.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/absent\.json: cannot read the rule set \(no such file\)/) } });
    writeFileSync(join(store, 'processor.csv'), 'ref,account,amount,currency,settled_at\nP1,A1,1.00,USD,2026-01-31T12:00:00Z\n');
    expect(recon('import', join(store, 'processor.csv'), '--store', store, '--kind', 'processor').status).toBe(0);
    writeFileSync(join(store, 'kinds.json'), JSON.stringify({ name: 'x', version: 1, leftKind: 'bank', rightKind: 'ledger', passes: [
      { strategy: 'exact_key', name: 'a', leftKey: 'externalId', rightKey: 'externalId', time: { minDeltaMs: 0, maxDeltaMs: 5 } }] }));
    const kinds = recon('run', '--store', store, '--left', 'ledger', '--right', 'processor', '--rules', join(store, 'kinds.json'));
    expect(kinds.status).toBe(1);
    expect(kinds.stderr).toMatch(/rule set "x" is for bank ↔ ledger sources, but the left source #1 "ledger\.csv" is a ledger source/);
    expect(recon('run', '--store', store, '--left', '1', '--right', 'nope').stderr).toMatch(/no source with that id or name/);
    const self = recon('run', '--store', store, '--left', '1', '--right', 'ledger');
    expect(self.status).toBe(1);
    expect(self.stderr).toMatch(/left and right are the same source \(#1 "ledger\.csv"\)/);
    expect(recon('export', '--store', store, '--run', '99', '--what', 'breaks', '--out', join(store, 'x.csv')).stderr).toMatch(/no run #99/);
  });
});
