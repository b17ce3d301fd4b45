import { useEffect, useState } from 'react';
import type { SourceKind } from '../../../../preload/contract';
import { call } from '../../api/reconClient';
import { parseRulesText } from './ruleSetForm';

/** The rule-set text being edited: starts from the defaults for the two kinds, validated by main as it changes. */
export function useRuleSetDraft(leftKind: SourceKind | null, rightKind: SourceKind | null) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const parsed = parseRulesText(text);

  useEffect(() => {
    if (!leftKind || !rightKind) return;
    let live = true;
    void call('rules:get-defaults', { leftKind, rightKind }).then(({ rules }) => live && setText(JSON.stringify(rules, null, 2)));
    return () => {
      live = false;
    };
  }, [leftKind, rightKind]);

  useEffect(() => {
    if (!text) return;
    if (parsed.error) {
      setErrors([parsed.error]);
      return;
    }
    const timer = setTimeout(() => {
      void call('rules:validate-rules', { rules: parsed.rules }).then((result) => setErrors(result.errors));
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);

  return { text, setText, parsed: parsed.rules, errors, valid: parsed.rules !== null && errors.length === 0 };
}
