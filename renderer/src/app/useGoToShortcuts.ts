import { useEffect } from 'react';
import { PAGES, type PageId } from './pages';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** "g" then a page key navigates, the way mail and issue trackers do; ignored while typing. */
export function useGoToShortcuts(navigate: (page: PageId) => void): void {
  useEffect(() => {
    let armedAt = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'g') {
        armedAt = Date.now();
        return;
      }
      if (Date.now() - armedAt > 1500) return;
      armedAt = 0;
      const page = PAGES.find((p) => p.key === event.key);
      if (page) navigate(page.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}
