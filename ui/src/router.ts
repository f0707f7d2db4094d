/**
 * Hash routes:
 *   #/            story list (filters in the query: #/?q=flood&outlet=Valley%20Courier&sort=biggest&offset=50)
 *   #/story/<id>  one story's report
 *   #/add         paste or upload articles
 *   #/network     the outlet network (window in the query: #/network?since=2026-11-01)
 *   #/outlet/<name>  one outlet (same window query)
 * Anything else shows a "not found" view. Hashes that are not routes (no leading "#/") are ignored once a
 * view is shown, so in-page anchors keep working.
 */

export type Route =
  | { name: 'list'; query: URLSearchParams }
  | { name: 'story'; id: string; query: URLSearchParams }
  | { name: 'add'; query: URLSearchParams }
  | { name: 'network'; query: URLSearchParams }
  | { name: 'outlet'; outlet: string; query: URLSearchParams }
  | { name: 'not-found'; path: string; query: URLSearchParams };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const qi = raw.indexOf('?');
  const path = qi === -1 ? raw : raw.slice(0, qi);
  const query = new URLSearchParams(qi === -1 ? '' : raw.slice(qi + 1));
  if (path === '' || path === '/') return { name: 'list', query };
  if (path === '/add') return { name: 'add', query };
  if (path === '/network') return { name: 'network', query };
  const named = /^\/(story|outlet)\/([^/]+)$/.exec(path);
  if (named) {
    let value: string;
    try {
      value = decodeURIComponent(named[2]!);
    } catch {
      return { name: 'not-found', path, query };
    }
    return named[1] === 'story' ? { name: 'story', id: value, query } : { name: 'outlet', outlet: value, query };
  }
  return { name: 'not-found', path, query };
}

export function listHash(query: URLSearchParams | Record<string, string | number | undefined> = {}): string {
  const p = query instanceof URLSearchParams ? new URLSearchParams(query) : new URLSearchParams();
  if (!(query instanceof URLSearchParams)) {
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s === '' ? '#/' : `#/?${s}`;
}

export function storyHash(id: string): string {
  return `#/story/${encodeURIComponent(id)}`;
}

export const ADD_HASH = '#/add';

/** The network page, with its window. */
export function networkHash(since?: string): string {
  return since ? `#/network?${new URLSearchParams({ since }).toString()}` : '#/network';
}

/** One outlet's page, with the network's window. */
export function outletHash(outlet: string, since?: string): string {
  return `#/outlet/${encodeURIComponent(outlet)}${since ? `?${new URLSearchParams({ since }).toString()}` : ''}`;
}

/** Calls `onRoute` now and on every hash change that is a route. */
export function startRouter(onRoute: (route: Route) => void): void {
  let shown = false;
  const go = (): void => {
    const hash = window.location.hash;
    if (shown && hash !== '' && !hash.startsWith('#/')) return;
    shown = true;
    onRoute(parseHash(hash.startsWith('#/') ? hash : '#/'));
  };
  window.addEventListener('hashchange', go);
  go();
}
