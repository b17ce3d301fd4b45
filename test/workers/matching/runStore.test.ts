import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../main/audit/auditLog';
import { openDatabaseFile, openWorkspace, type Db } from '../../../main/db/openWorkspace';
import { seedSource } from '../../../workers/matching/bench/seedStore';
import { BREAKS_CSV_HEADER, exportRunCsv, MATCHES_CSV_HEADER } from '../../../workers/matching/exportCsv';
import { DEFAULT_RULES } from '../../../workers/matching/ruleSet';
import { runReconciliation } from '../../../workers/matching/runStore';
import { readMatchList, shouldDeferBreakIndexes } from '../../../workers/matching/persistRun';
import { explainBreak } from '../../../main/usecases/analyst/explainBreak';
import { generateDataset, shuffled } from '../../generators/reconData';
import { rec } from '../../generators/records';
import { inputFromRecords } from '../../../workers/matching/engineInput';
import { reconcile } from '../../../workers/matching/reconcile';
import { explanationJson } from '../../../workers/matching/explain';
import { parseExplanation } from '../../../main/db/queries/explanationJson';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recon-match-'));
  db = openWorkspace(dir);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const data = generateDataset({ seed: 21, rows: 3_000 });

function seedPair(order?: number): { left: number; right: number } {
  const left = order === undefined ? data.left : shuffled(data.left, order);
  const right = order === undefined ? data.right : shuffled(data.right, order + 1);
  return {
    left: seedSource(db, { name: 'ledger', kind: 'ledger' }, left),
    right: seedSource(db, { name: 'processor', kind: 'processor' }, right),
  };
}

describe('runReconciliation', () => {
  it('persists matches, breaks, counts, the rule set and an audit entry', () => {
    const { left, right } = seedPair();
    const progress: string[] = [];
    const outcome = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 'tester' }, {
      onProgress: (_d, _t, phase) => progress.push(phase),
    });
    expect(outcome.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.impact).toBeNull();
    expect(progress).toEqual(expect.arrayContaining(['load', 'pass:exact-key', 'persist']));
    const run = db.prepare('SELECT * FROM runs WHERE id = ?').get(outcome.runId) as Record<string, unknown>;
    expect(run).toMatchObject({ status: 'complete', fingerprint: outcome.fingerprint, left_source_id: left, right_source_id: right });
    expect(JSON.parse(run.counts_json as string)).toEqual(outcome.counts);
    const matchRows = (db.prepare('SELECT COUNT(*) AS n FROM matches WHERE run_id = ?').get(outcome.runId) as { n: number }).n;
    expect(matchRows).toBe(outcome.counts.matches);
    const breakRows = db.prepare('SELECT class, explanation_json FROM breaks WHERE run_id = ?').all(outcome.runId) as { class: string; explanation_json: string }[];
    expect(breakRows.length).toBe(outcome.counts.breaks);
    expect(JSON.parse(breakRows[0]!.explanation_json).summary).toEqual(expect.any(String));
    const audit = db.prepare(`SELECT body FROM audit_log WHERE kind = 'run.completed'`).all() as { body: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.body).data).toMatchObject({ runId: outcome.runId, fingerprint: outcome.fingerprint });
    expect(verifyChain(db).ok).toBe(true);
    const ruleSet = db.prepare('SELECT name, version FROM rule_sets').all();
    expect(ruleSet).toEqual([{ name: 'ledger-processor', version: 1 }]);
  });

  it('stores explanations compactly, in the shape the analyst view reads', () => {
    const { left, right } = seedPair();
    const outcome = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    const row = db.prepare(`SELECT explanation_json FROM breaks WHERE run_id = ? AND class = 'missing_right' LIMIT 1`).pluck().get(outcome.runId) as string;
    const stored = JSON.parse(row) as { summary: string; candidates: { id: number; text: string; criteria: { ok: boolean; text?: string }[] }[] };
    expect(stored.candidates.length).toBeGreaterThan(0);
    for (const c of stored.candidates) {
      // Only failed criteria are stored, and their words are not repeated in the candidate's own text.
      expect(c.criteria.every((k) => !k.ok && typeof k.text === 'string' && !c.text.includes(k.text!))).toBe(true);
    }
    // The summary's "Nearest: …" clause only repeats the candidates: stored without it, rebuilt on read.
    expect(stored.summary).not.toContain('Nearest:');
    expect((stored as { summaryNearest?: number }).summaryNearest).toBe(0);
    const line = (c: (typeof stored.candidates)[number]) => `${c.text}: ${c.criteria.map((k) => k.text).join('; ') || 'all criteria met'}`;
    const nearest = stored.candidates.map((c, k) => ` ${['Nearest', 'Next', 'Then'][k]}: ${line(c)}.`).join('');
    const shown = explainBreak(db, row);
    expect(shown.text).toBe(stored.summary + nearest);
    expect(shown.facts.some((f) => f.key === 'summaryNearest')).toBe(false);
    // The breaks CSV names the nearest candidate and its failed criteria, as before.
    const csvPath = join(dir, 'breaks-nearest.csv');
    exportRunCsv(db, outcome.runId, 'breaks', csvPath);
    expect(readFileSync(csvPath, 'utf8')).toContain(shown.text!.replace(/"/g, '""'));
    expect(shown.candidates[0]!.record?.id).toBe(stored.candidates[0]!.id);
    expect(shown.candidates[0]!.detail).toBe([stored.candidates[0]!.text, ...stored.candidates[0]!.criteria.map((k) => k.text)].join(' · '));
  });

  it('shows facts as an analyst reads them: instants in UTC, what failed by name, durations as numbers', () => {
    const json = JSON.stringify({
      summary: 's', candidates: [],
      facts: { times: [Date.UTC(2026, 10, 2, 14), Date.UTC(2026, 10, 2, 13, 20)], frontierMs: Date.UTC(2026, 0, 1), failed: { time: true, amount: false, status: true }, timeDeltaMs: 3_600_000, side: 'left' },
    });
    const facts = Object.fromEntries(explainBreak(db, json).facts.map((f) => [f.key, f.value]));
    expect(facts).toEqual({
      times: '2026-11-02 14:00:00 UTC, 2026-11-02 13:20:00 UTC', frontierMs: '2026-01-01 00:00:00 UTC', failed: 'time, status', timeDeltaMs: '3600000', side: 'left',
    });
  });

  it('defers the break indexes only for a batch at least as big as the table', () => {
    expect(shouldDeferBreakIndexes(db, 30_000)).toBe(true);
    expect(shouldDeferBreakIndexes(db, 100)).toBe(false);
    const { left, right } = seedPair();
    const outcome = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    expect(shouldDeferBreakIndexes(db, outcome.counts.breaks! - 1, 1)).toBe(false);
    expect(shouldDeferBreakIndexes(db, outcome.counts.breaks!, 1)).toBe(true);
    const indexes = db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name GLOB 'breaks_by_run_*'`).pluck().get();
    expect(indexes).toBe(8);
  });

  it('gives the same fingerprint whatever order the records were stored in', () => {
    const a = seedPair();
    const b = seedPair(7);
    const first = runReconciliation(db, { leftSourceId: a.left, rightSourceId: a.right, actor: 't' });
    const second = runReconciliation(db, { leftSourceId: b.left, rightSourceId: b.right, actor: 't' });
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.counts).toEqual(first.counts);
  });

  it('computes impact against the previous run of the same pair and versions changed rules', () => {
    const { left, right } = seedPair();
    runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    const same = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    expect(same.impact).toMatchObject({ matchesGained: 0, matchesLost: 0, matchesChanged: 0 });
    const looser = {
      ...DEFAULT_RULES.ledgerProcessor,
      passes: DEFAULT_RULES.ledgerProcessor.passes.map((p) => ({ ...p, time: { minDeltaMs: -3_600_000, maxDeltaMs: 200 * 3_600_000 } })),
    };
    const next = runReconciliation(db, { leftSourceId: left, rightSourceId: right, rules: looser, actor: 't' });
    expect(next.impact!.matchesGained).toBeGreaterThan(0);
    expect(next.impact!.breaksDelta.delay).toBeLessThan(0);
    expect(next.ruleSetId).not.toBe(same.ruleSetId);
    const versions = db.prepare(`SELECT version FROM rule_sets WHERE name = 'ledger-processor' ORDER BY version`).all();
    expect(versions).toEqual([{ version: 1 }, { version: 2 }]);
    // Back to the defaults: the stored @1, not a new @3 equal to it.
    const back = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    expect(back.ruleSetId).toBe(same.ruleSetId);
    expect(db.prepare(`SELECT COUNT(*) FROM rule_sets`).pluck().get()).toBe(2);
  });

  it('computes the same impact from the previous run\'s stored match list as from its matches rows', () => {
    const { left, right } = seedPair();
    const first = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    const list = readMatchList(db, first.runId)!;
    expect(list.count).toBe(first.counts.matches);
    // The list holds exactly the run's matches rows, groups included.
    const rows = db.prepare('SELECT left_ids, right_ids FROM matches WHERE run_id = ? ORDER BY id').raw(true).all(first.runId);
    const fromList = Array.from({ length: list.count }, (_, i) => [
      Array.from(list.leftIds.subarray(list.leftOffsets[i]!, list.leftOffsets[i + 1]!)).join(';'),
      Array.from(list.rightIds.subarray(list.rightOffsets[i]!, list.rightOffsets[i + 1]!)).join(';'),
    ]);
    expect(fromList).toEqual(rows);
    const looser = {
      ...DEFAULT_RULES.ledgerProcessor,
      passes: DEFAULT_RULES.ledgerProcessor.passes.map((p) => ({ ...p, time: { minDeltaMs: -3_600_000, maxDeltaMs: 200 * 3_600_000 } })),
    };
    const withList = runReconciliation(db, { leftSourceId: left, rightSourceId: right, rules: looser, actor: 't' });
    expect(withList.impact!.matchesGained).toBeGreaterThan(0);
    db.prepare('DELETE FROM run_match_lists WHERE run_id = ?').run(first.runId);
    expect(readMatchList(db, first.runId)).toBeNull();
    db.prepare('UPDATE runs SET status = ? WHERE id = ?').run('failed', withList.runId);
    const fromRows = runReconciliation(db, { leftSourceId: left, rightSourceId: right, rules: looser, actor: 't' });
    expect(fromRows.impact!.previousRunId).toBe(first.runId);
    expect({ ...fromRows.impact, previousRunId: 0 }).toEqual({ ...withList.impact, previousRunId: 0 });
  });

  it('compares 1:N groups the same way from the list as from the rows', () => {
    const H = 3_600_000;
    const T = Date.UTC(2026, 0, 1);
    const left = seedSource(db, { name: 'l', kind: 'ledger' }, [rec(1, { amountMinor: 1000, line: 2 }), rec(2, { amountMinor: 50, line: 3, tsMs: T + 30 * H })]);
    const right = seedSource(db, { name: 'r', kind: 'processor' }, [
      rec(11, { amountMinor: 300, tsMs: T + H, line: 2 }), rec(12, { amountMinor: 300, tsMs: T + 2 * H, line: 3 }),
      rec(13, { amountMinor: 400, tsMs: T + 3 * H, line: 4 }), rec(14, { amountMinor: 50, tsMs: T + 31 * H, line: 5 }),
    ]);
    const split = { name: 'split', version: 1, passes: [
      { strategy: 'aggregate', name: 'split', many: 'right', maxGroupSize: 5, amount: { absoluteMinor: 0 }, time: { minDeltaMs: 0, maxDeltaMs: 24 * H } }] };
    const first = runReconciliation(db, { leftSourceId: left, rightSourceId: right, rules: split, actor: 't' });
    const list = readMatchList(db, first.runId)!;
    expect(list.count).toBe(2);
    expect(Array.from(list.leftOffsets)).toEqual([0, 1, 2]);
    expect(Array.from(list.rightOffsets)).toEqual([0, 3, 4]);
    const impacts = (rules: unknown) => {
      const withList = runReconciliation(db, { leftSourceId: left, rightSourceId: right, rules, actor: 't' });
      db.prepare('UPDATE runs SET status = ? WHERE id = ?').run('failed', withList.runId);
      db.prepare('DELETE FROM run_match_lists WHERE run_id = ?').run(first.runId);
      const fromRows = runReconciliation(db, { leftSourceId: left, rightSourceId: right, rules, actor: 't' });
      db.prepare('UPDATE runs SET status = ? WHERE id = ?').run('failed', fromRows.runId);
      storeListAgain();
      return [withList.impact, fromRows.impact];
    };
    const storeListAgain = () => db.prepare(
      'INSERT INTO run_match_lists (run_id, match_count, left_offsets, left_ids, right_offsets, right_ids) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(first.runId, list.count, Buffer.from(list.leftOffsets.buffer), Buffer.from(list.leftIds.buffer), Buffer.from(list.rightOffsets.buffer), Buffer.from(list.rightIds.buffer));
    const [same, sameRows] = impacts(split);
    expect(same).toMatchObject({ matchesGained: 0, matchesLost: 0, matchesChanged: 0 });
    expect(sameRows).toEqual(same);
    const [other, otherRows] = impacts(undefined);
    expect(other!.matchesLost).toBeGreaterThan(0);
    expect(otherRows).toEqual(other);
  });

  it('drops a run\'s match list when its matches are edited by hand, and falls back to the rows', () => {
    const { left, right } = seedPair();
    const first = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    expect(readMatchList(db, first.runId)).not.toBeNull();
    const one = db.prepare('SELECT id FROM matches WHERE run_id = ? LIMIT 1').pluck().get(first.runId) as number;
    db.prepare('DELETE FROM matches WHERE id = ?').run(one);
    expect(readMatchList(db, first.runId)).toBeNull();
    const second = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    // The unmatched pair is found again: one gained, none lost.
    expect(second.impact).toMatchObject({ matchesGained: 1, matchesLost: 0 });
    expect(readMatchList(db, second.runId)).not.toBeNull();
    db.prepare(`INSERT INTO matches (run_id, strategy, score, left_ids, right_ids, amount_delta_minor, manual) VALUES (?, 'manual', 1, '1', '2', 0, 1)`).run(second.runId);
    expect(readMatchList(db, second.runId)).toBeNull();
  });

  it('snapshots both sources on the first run and gives the same fingerprint from the snapshot', () => {
    const { left, right } = seedPair();
    const first = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    expect(db.prepare('SELECT source_id FROM source_snapshots ORDER BY source_id').pluck().all()).toEqual([left, right]);
    const second = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.counts).toEqual(first.counts);
    // A stale snapshot (count disagrees with the records) is ignored and rebuilt.
    db.prepare('UPDATE source_snapshots SET record_count = record_count + 1').run();
    expect(runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' }).fingerprint).toBe(first.fingerprint);
  });

  it('keeps snapshot columns in a file beside the workspace; a torn, replaced or missing file is rebuilt, never trusted', () => {
    const { left, right } = seedPair();
    const first = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    const file = join(dir, 'snapshots', `source-${left}.cols`);
    const head = () => db.prepare('SELECT file_bytes, file_crc FROM source_snapshots WHERE source_id = ?').get(left) as { file_bytes: number; file_crc: number };
    expect(head().file_bytes).toBe(statSync(file).size);
    expect(db.prepare('SELECT COUNT(*) FROM source_snapshot_columns').pluck().get()).toBe(0);
    const original = readFileSync(file);
    const torn = Buffer.from(original);
    torn[torn.length - 3] = torn[torn.length - 3]! ^ 0xff;
    const damages: [string, () => void][] = [
      ['a flipped byte', () => writeFileSync(file, torn)],
      ['a cut-off file', () => writeFileSync(file, original.subarray(0, original.length >> 1))],
      ['another source\'s file', () => copyFileSync(join(dir, 'snapshots', `source-${right}.cols`), file)],
      ['no file', () => rmSync(file)],
    ];
    for (const [what, damage] of damages) {
      damage();
      const again = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
      expect(again.fingerprint, what).toBe(first.fingerprint);
      expect(again.counts, what).toEqual(first.counts);
      // Rebuilt by that run: the file is whole again and matches its head row.
      expect(readFileSync(file).equals(original), what).toBe(true);
      expect(head().file_bytes, what).toBe(original.length);
    }
  });

  it('keeps snapshot columns as rows in a store without a directory', () => {
    const memory = openDatabaseFile(':memory:');
    try {
      const l = seedSource(memory, { name: 'ledger', kind: 'ledger' }, data.left);
      const r = seedSource(memory, { name: 'processor', kind: 'processor' }, data.right);
      const first = runReconciliation(memory, { leftSourceId: l, rightSourceId: r, actor: 't' });
      expect(memory.prepare('SELECT COUNT(*) FROM source_snapshot_columns').pluck().get()).toBeGreaterThan(0);
      expect(memory.prepare('SELECT COUNT(*) FROM source_snapshots WHERE file_bytes IS NULL').pluck().get()).toBe(2);
      expect(runReconciliation(memory, { leftSourceId: l, rightSourceId: r, actor: 't' }).fingerprint).toBe(first.fingerprint);
    } finally {
      memory.close();
    }
  });

  it('rejects invalid rules and unknown sources with clear messages, recording nothing', () => {
    const { left, right } = seedPair();
    expect(() => runReconciliation(db, { leftSourceId: left, rightSourceId: 999, actor: 't' })).toThrow(/right source 999 does not exist/);
    expect(() => runReconciliation(db, { leftSourceId: left, rightSourceId: right, rules: { name: 'x' }, actor: 't' })).toThrow(/rules\.version/);
    expect((db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n).toBe(0);
  });

  it('marks a cancelled run and audits it', () => {
    const { left, right } = seedPair();
    expect(() => runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' }, { isCancelled: () => true })).toThrow(/cancelled/);
    expect(db.prepare('SELECT status FROM runs').get()).toEqual({ status: 'cancelled' });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE kind = 'run.cancelled'`).get()).toEqual({ n: 1 });
  });
});

describe('stored explanations', () => {
  it('read back (analyst view, breaks CSV) with exactly the summary the engine made and fingerprinted', () => {
    const data = generateDataset({ seed: 8, rows: 4_000, rates: { missingRight: 0.03, missingLeft: 0.03, delay: 0.02 } });
    const result = reconcile(inputFromRecords(data.left, { kind: 'ledger' }), inputFromRecords(data.right, { kind: 'processor' }), DEFAULT_RULES.ledgerProcessor);
    let withNearest = 0;
    for (const b of result.breaks) {
      const json = explanationJson(b.explanation);
      if (b.explanation.nearestAt !== undefined) {
        withNearest += 1;
        expect(json).not.toContain('Nearest:');
      }
      expect(parseExplanation(json)['summary']).toBe(b.explanation.summary);
      expect(explainBreak(db, json).text).toBe(b.explanation.summary);
    }
    expect(withNearest).toBeGreaterThan(50);
    // An explanation stored before the flag existed (clause inline) reads as it was.
    const old = '{"summary":"x has no y counterpart. Nearest: z: key 1 ≠ 2.","candidates":[{"id":1,"text":"z","criteria":[]}],"facts":{}}';
    expect(parseExplanation(old)['summary']).toBe('x has no y counterpart. Nearest: z: key 1 ≠ 2.');
  });
});

describe('exportRunCsv', () => {
  it('writes matches and breaks with external ids, #LINE for records without one, and proper quoting', () => {
    const T0 = Date.UTC(2026, 0, 1);
    const left = seedSource(db, { name: 'l', kind: 'ledger' }, [
      rec(1, { externalId: 'a,1', line: 2 }), rec(2, { externalId: 'b', line: 3 }), rec(3, { externalId: 'c', line: 4, amountMinor: 5 }),
    ]);
    const right = seedSource(db, { name: 'r', kind: 'processor' }, [
      rec(11, { externalId: 'a,1', line: 2 }), rec(12, { externalId: null, line: 3, tsMs: T0 + 60_000 }), rec(13, { externalId: 'z "q"', line: 4, amountMinor: 9 }),
    ]);
    const { runId } = runReconciliation(db, { leftSourceId: left, rightSourceId: right, actor: 't' });
    const out = join(dir, 'matches.csv');
    expect(exportRunCsv(db, runId, 'matches', out).rows).toBe(2);
    const matches = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(matches[0]).toBe(MATCHES_CSV_HEADER);
    expect(matches.slice(1).sort()).toEqual(['"a,1","a,1",exact_key,0,0', 'b,#3,tolerance,0,60000']);
    const breaksOut = join(dir, 'breaks.csv');
    exportRunCsv(db, runId, 'breaks', breaksOut);
    const breaks = readFileSync(breaksOut, 'utf8');
    expect(breaks.split('\n')[0]).toBe(BREAKS_CSV_HEADER);
    // Both lie within a window of the other file's end, so they are pending (delay), not missing.
    expect(breaks).toMatch(/\ndelay,c,,5,USD,low,"ledger line 4 \(c, 0\.05 USD, acct_1\) may have a counterpart as late as 2026-01-02T00:00:00\.000Z, after the processor file.s last record/);
    expect(breaks).toMatch(/\ndelay,,"z ""q""",9,USD,low,"processor line 4 \(z ""q"", 0\.09 USD/);
  });
});
