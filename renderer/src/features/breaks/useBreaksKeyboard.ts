import { useEffect, useRef } from 'react';
import { isTyping } from '../../components/isTyping';

export interface BreaksKeyHandlers {
  move: (delta: number) => void;
  open: () => void;
  toggle: () => void;
  investigate: () => void;
  undo: () => void;
}

/** j/k or arrows move, Enter opens the diff, x selects, i investigates, u undoes; off while typing or a panel is open. */
export function useBreaksKeyboard(enabled: boolean, handlers: BreaksKeyHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      // Enter and Space on a focused control belong to that control (a triage button, a tab).
      if (event.target instanceof HTMLElement && event.target.closest('button, a, [role="button"], [role="tab"], [role="option"]')) return;
      const h = latest.current;
      const actions: Record<string, () => void> = {
        j: () => h.move(1),
        ArrowDown: () => h.move(1),
        k: () => h.move(-1),
        ArrowUp: () => h.move(-1),
        Enter: h.open,
        x: h.toggle,
        i: h.investigate,
        u: h.undo,
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
