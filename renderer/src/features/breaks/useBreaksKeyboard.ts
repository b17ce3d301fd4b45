import { useEffect, useRef } from 'react';
import { isTyping } from '../../components/isTyping';

export interface BreaksKeyHandlers {
  move: (delta: number) => void;
  /** Moves the cursor to a row; Infinity means the last. */
  jump: (index: number) => void;
  open: () => void;
  toggle: () => void;
  investigate: () => void;
  undo: () => void;
}

/** Rows one PageUp/PageDown moves (the grid shows about this many). */
export const PAGE_ROWS = 15;

// Arrows, Enter, Space and paging keys on a control (a Select, a radio, a button) belong to that control.
const CONTROL_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Enter', ' ', 'PageDown', 'PageUp', 'Home', 'End']);

/**
 * j/k or arrows move, PageUp/PageDown/Home/End page and jump, Enter opens the diff, x selects,
 * i investigates, u undoes; off while typing or a panel is open.
 */
export function useBreaksKeyboard(enabled: boolean, handlers: BreaksKeyHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      const onControl = event.target instanceof HTMLElement && event.target.closest('input, button, a, [role="button"], [role="tab"], [role="option"], [role="combobox"]');
      if (onControl && CONTROL_KEYS.has(event.key)) return;
      const h = latest.current;
      const actions: Record<string, () => void> = {
        j: () => h.move(1),
        ArrowDown: () => h.move(1),
        k: () => h.move(-1),
        ArrowUp: () => h.move(-1),
        PageDown: () => h.move(PAGE_ROWS),
        PageUp: () => h.move(-PAGE_ROWS),
        Home: () => h.jump(0),
        End: () => h.jump(Infinity),
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
