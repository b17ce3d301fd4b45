import { useEffect, useRef, useState } from 'react';
import type { ResultOf, SourceSummary, StoredRuleSet } from '../../../../preload/contract';
import { call, subscribe } from '../../api/reconClient';
import type { RuleSetDraft } from './useRuleSetDraft';

/** 'defaults' (built in for the two kinds) or a stored rule set's id. */
export type RuleSetChoice = 'defaults' | number;

export interface RuleSetOption {
  value: string;
  label: string;
}

const key = (choice: RuleSetChoice) => String(choice);
const fromKey = (value: string): RuleSetChoice => (value === 'defaults' ? 'defaults' : Number(value));

/**
 * Which rule set a new run starts from. For a pair of sources it proposes the rule set of the pair's
 * latest complete run (or the one asked for, on a re-run), else the built-in defaults; a proposal that
 * would replace rules the analyst edited waits for a yes (`pending`).
 */
export function useRuleSetChoice(left: SourceSummary | null, right: SourceSummary | null, draft: RuleSetDraft, preferredRuleSetId?: number) {
  const [list, setList] = useState<ResultOf<'rules:list-rule-sets'> | null>(null);
  const [choice, setChoice] = useState<RuleSetChoice | null>(null);
  const [pending, setPending] = useState<RuleSetChoice | null>(null);
  const preferred = useRef(preferredRuleSetId);
  const ruleSets: StoredRuleSet[] = list?.ruleSets ?? [];
  const latest = list?.latestForPair ?? null;

  const apply = async (next: RuleSetChoice, stored: readonly StoredRuleSet[] = ruleSets) => {
    setPending(null);
    setChoice(next);
    if (next === 'defaults') {
      if (!left || !right) return;
      const { rules } = await call('rules:get-defaults', { leftKind: left.kind, rightKind: right.kind });
      draft.load(JSON.stringify(rules, null, 2));
    } else {
      const picked = stored.find((r) => r.id === next);
      if (picked) draft.load(JSON.stringify(picked.rules, null, 2));
    }
  };

  // A new pair of sources: fetch what is stored for it and propose a rule set, once per pair.
  const pairKey = left && right ? `${left.id}|${right.id}` : null;
  useEffect(() => {
    if (!left || !right) return;
    let live = true;
    void call('rules:list-rule-sets', { leftSourceId: left.id, rightSourceId: right.id }).then((fresh) => {
      if (!live) return;
      setList(fresh);
      const wanted = preferred.current;
      preferred.current = undefined;
      const proposal: RuleSetChoice =
        wanted !== undefined && fresh.ruleSets.some((r) => r.id === wanted) ? wanted : (fresh.latestForPair?.ruleSetId ?? 'defaults');
      if (draft.edited) setPending(proposal);
      else void apply(proposal, fresh.ruleSets);
    });
    return () => {
      live = false;
    };
  }, [pairKey]);

  // A run saves its rule set (a new version when edited): list it, without proposing anything.
  useEffect(
    () =>
      subscribe('recon:workspace-changed', () => {
        if (left && right) void call('rules:list-rule-sets', { leftSourceId: left.id, rightSourceId: right.id }).then(setList);
      }),
    [pairKey],
  );

  const labelOf = (value: RuleSetChoice): string => {
    if (value === 'defaults') return `Built-in defaults for ${left?.kind ?? '…'} ↔ ${right?.kind ?? '…'}`;
    const stored = ruleSets.find((r) => r.id === value);
    if (!stored) return `rule set #${value}`;
    const usedBy = latest?.ruleSetId === stored.id ? ` · used by run #${latest.runId}, the latest of these sources` : stored.lastRunId ? ` · last used by run #${stored.lastRunId}` : '';
    return `${stored.name}@${stored.version}${usedBy}`;
  };
  const options: RuleSetOption[] = [
    { value: 'defaults', label: labelOf('defaults') },
    ...ruleSets.map((r) => ({ value: key(r.id), label: labelOf(r.id) })),
  ];

  return {
    options,
    value: choice === null ? null : key(choice),
    /** The analyst picked one: that is the yes, edits or not. */
    pick: (value: string) => void apply(fromKey(value)),
    pendingLabel: pending === null ? null : labelOf(pending),
    confirmPending: () => pending !== null && void apply(pending),
    keepEdits: () => setPending(null),
  };
}
