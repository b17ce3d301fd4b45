import { useEffect, useRef } from 'react';
import { isTyping } from '../components/isTyping';
import { PAGES, type PageId } from './pages';

/** "g" then a page key navigates, the way mail and issue trackers do; ignored while typing. */
export function useGoToShortcuts(navigate: (page: PageId) => void): void {
  // Refs, not effect state: a re-render between "g" and the page key must not forget the "g".
  const armedAt = useRef(0);
  const go = useRef(navigate);
  go.current = navigate;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'g') {
        armedAt.current = Date.now();
        return;
      }
      if (Date.now() - armedAt.current > 1500) return;
      armedAt.current = 0;
      const page = PAGES.find((p) => p.key === event.key);
      if (page) go.current(page.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
