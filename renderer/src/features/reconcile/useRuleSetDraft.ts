import { useEffect, useState } from 'react';
import { call } from '../../api/reconClient';
import { parseRulesText } from './ruleSetForm';

/**
 * The rule-set text being edited, validated by main as it changes. `load` replaces it with a picked
 * rule set; `edited` says whether the analyst changed it since, so nothing replaces edits unasked.
 */
export function useRuleSetDraft() {
  const [text, setText] = useState('');
  const [edited, setEdited] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const parsed = parseRulesText(text);

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

  return {
    text,
    edited,
    setText: (next: string) => {
      setText(next);
      setEdited(true);
    },
    load: (next: string) => {
      setText(next);
      setEdited(false);
    },
    parsed: parsed.rules,
    errors,
    valid: parsed.rules !== null && errors.length === 0,
  };
}

export type RuleSetDraft = ReturnType<typeof useRuleSetDraft>;
