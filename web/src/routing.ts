import { useEffect, useState } from 'react';

// Hash routes (#/ledger, #/problems/<id>): the server needs no route table and a reload keeps the page.
export type Route =
  | { page: 'home' }
  | { page: 'overview' }
  | { page: 'ledger' }
  | { page: 'problem'; id: string }
  | { page: 'supervision' }
  | { page: 'direct-line' }
  | { page: 'partner' }
  | { page: 'weekly' }
  | { page: 'not-found' };

const SIMPLE_PAGES = ['overview', 'ledger', 'supervision', 'direct-line', 'partner', 'weekly'] as const;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (!first) return { page: 'home' };
  if (first === 'problems' && second) return { page: 'problem', id: second };
  const simple = SIMPLE_PAGES.find((p) => p === first);
  return simple && parts.length === 1 ? { page: simple } : { page: 'not-found' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'problem') return `#/problems/${encodeURIComponent(route.id)}`;
  return route.page === 'home' ? '#/' : `#/${route.page}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
