import { describe, expect, it } from 'vitest';
import { importFile } from '../../../workers/import/importFile';
import { runReconciliation } from '../../../workers/matching/runStore';
import { tempStore, writeTemp } from '../import/helpers';

describe('a currency the mapping declares (not ISO 4217)', () => {
  it('explanations show its amounts with the declared exponent, after a snapshot as before it', async () => {
    const { db } = tempStore();
    const mapping = { currencyExponents: { BTC: 8 } };
    const ledger = writeTemp('ledger.csv', 'txn_id,account_id,customer_id,amount,currency,created_at,status,idempotency_key,sequence,memo\nb1,a1,c,0.5,BTC,2026-03-02T10:00:00Z,posted,i1,1,\n');
    const processor = writeTemp('processor.csv', 'ref,account,amount,currency,settled_at,fee,status,description\nb1,a1,0.49,BTC,2026-03-02T11:00:00Z,0,succeeded,\n');
    const left = await importFile(db, { filePath: ledger, kind: 'ledger', actor: 't', mapping });
    const right = await importFile(db, { filePath: processor, kind: 'processor', actor: 't', mapping });
    for (let run = 0; run < 2; run += 1) {
      const outcome = runReconciliation(db, { leftSourceId: left.sourceId, rightSourceId: right.sourceId, actor: 't' });
      expect(outcome.counts['amount_mismatch']).toBe(1);
      const json = db.prepare('SELECT explanation_json FROM breaks WHERE run_id = ?').pluck().get(outcome.runId) as string;
      expect(json).toContain('0.50000000 BTC');
      expect(json).toContain('amount −0.01000000');
    }
    db.close();
  });
});
