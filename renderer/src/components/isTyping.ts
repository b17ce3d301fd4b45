// Inputs that take no text: a key pressed on them is free for shortcuts.
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/**
 * Single-key shortcuts must never fire while the user types into a field. A read-only input (a
 * closed Select after a pick) or a checkbox takes no text, so it does not count.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target instanceof HTMLInputElement) return !target.readOnly && !NOT_TEXT.has(target.type);
  return false;
}
