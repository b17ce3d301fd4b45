import { useEffect, useRef } from 'react';
import { isTyping } from '../../components/isTyping';

/**
 * j/k while a break's diff is open step to the next/previous break of the table. Only the drawer
 * may be open: a prompt over it (a reason, a confirmation) keeps its keys.
 */
export function useDrawerKeyboard(enabled: boolean, move: (delta: number) => void): void {
  const latest = useRef(move);
  latest.current = move;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelectorAll('[role="dialog"]').length > 1) return;
      const delta = event.key === 'j' ? 1 : event.key === 'k' ? -1 : 0;
      if (!delta) return;
      event.preventDefault();
      latest.current(delta);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
