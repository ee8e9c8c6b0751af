import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

const readPath = () => window.location.pathname;

/**
 * The page's path and a way to change it without a reload (History API). The server answers
 * every app path with index.html, so a reload on `/planning` lands here again.
 */
export function usePath(): { path: string; navigate: (to: string, replace?: boolean) => void } {
  const path = useSyncExternalStore(subscribe, readPath, () => '/');
  const navigate = useCallback((to: string, replace = false) => {
    const target = `${to}${window.location.search}`;
    if (replace) window.history.replaceState(null, '', target);
    else window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  return { path, navigate };
}
