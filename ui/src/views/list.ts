/** #/ — the story list: search, date and outlet filters, sort, paging. Filters live in the hash query. */
import { listOutlets, listStories, type OutletCount, type StoryQuery, type StoryRow, type StorySort } from '../api.js';
import { append, h, replaceChildren } from '../dom.js';
import { errorBox, loading } from '../feedback.js';
import { countText, plural, timeEl } from '../format.js';
import { listHash, storyHash, ADD_HASH } from '../router.js';

const PAGE_SIZE = 50;

function readQuery(q: URLSearchParams): StoryQuery {
  const sort: StorySort = q.get('sort') === 'biggest' ? 'biggest' : 'newest';
  const offset = Math.max(0, Math.trunc(Number(q.get('offset') ?? '0')) || 0);
  const out: StoryQuery = { sort, limit: PAGE_SIZE, offset };
  for (const k of ['q', 'since', 'until', 'outlet'] as const) {
    const v = q.get(k)?.trim();
    if (v) out[k] = v;
  }
  return out;
}

function hashFor(q: StoryQuery): string {
  return listHash({
    q: q.q,
    since: q.since,
    until: q.until,
    outlet: q.outlet,
    sort: q.sort === 'biggest' ? 'biggest' : undefined,
    offset: q.offset ? q.offset : undefined,
  });
}

function field(label: string, control: HTMLElement, id: string): HTMLElement {
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function filterForm(query: StoryQuery, outlets: OutletCount[] | null): HTMLFormElement {
  const q = h('input', { type: 'search', name: 'q', value: query.q ?? '', placeholder: 'words or names, e.g. Kessington', 'data-testid': 'search-input', autocomplete: 'off' });
  const since = h('input', { type: 'date', name: 'since', value: query.since ?? '' });
  const until = h('input', { type: 'date', name: 'until', value: query.until ?? '' });
  const outlet = h('select', { name: 'outlet', 'data-testid': 'outlet-select' }, h('option', { value: '' }, 'All outlets'));
  const known = new Set<string>();
  for (const o of outlets ?? []) {
    known.add(o.source);
    append(outlet, h('option', { value: o.source, selected: o.source === query.outlet }, `${o.source} (${o.articles})`));
  }
  if (query.outlet && !known.has(query.outlet)) append(outlet, h('option', { value: query.outlet, selected: true }, query.outlet));
  const sort = h(
    'select',
    { name: 'sort', 'data-testid': 'sort-select' },
    h('option', { value: 'newest', selected: query.sort !== 'biggest' }, 'Newest first'),
    h('option', { value: 'biggest', selected: query.sort === 'biggest' }, 'Biggest first'),
  );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Find stories' },
    field('Search', q, 'f-q'),
    field('From', since, 'f-since'),
    field('To', until, 'f-until'),
    field('Outlet', outlet, 'f-outlet'),
    field('Sort', sort, 'f-sort'),
    h('div', { class: 'field field-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Apply'), h('a', { href: '#/', class: 'reset' }, 'Clear')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next: StoryQuery = {
      q: q.value.trim(),
      since: since.value,
      until: until.value,
      outlet: outlet.value,
      sort: sort.value === 'biggest' ? 'biggest' : 'newest',
      offset: 0,
    };
    window.location.hash = hashFor(next);
  });
  // Changing the sort or outlet applies at once.
  for (const sel of [outlet, sort]) sel.addEventListener('change', () => form.requestSubmit());
  return form;
}

function storyRow(s: StoryRow): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-testid': 'story-row', 'data-story': s.id },
    h('th', { scope: 'row', class: 'headline' }, h('a', { href: storyHash(s.id), 'data-testid': 'story-link' }, s.headline || s.id)),
    h('td', { class: 'num' }, String(s.size)),
    h('td', { class: 'outlets' }, h('span', { class: 'num-inline', 'data-testid': 'outlet-count' }, String(s.outlets)), h('span', { class: 'sources' }, s.sources.join(', '))),
    h('td', { class: 'num', 'data-testid': 'single-source-count' }, countText(s.singleSourceQuotes)),
    h('td', { class: `num${s.conflicts ? ' has-conflicts' : ''}`, 'data-testid': 'conflict-count' }, countText(s.conflicts)),
    h('td', { class: 'date' }, timeEl(s.lastPublished)),
  );
}

function pager(query: StoryQuery, total: number, shown: number): HTMLElement {
  const offset = query.offset ?? 0;
  const nav = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  const from = total === 0 ? 0 : offset + 1;
  const prev = h('a', { href: hashFor({ ...query, offset: Math.max(0, offset - PAGE_SIZE) }), class: 'button', 'aria-disabled': offset === 0 ? 'true' : null }, '← Previous');
  const next = h('a', { href: hashFor({ ...query, offset: offset + PAGE_SIZE }), class: 'button', 'aria-disabled': offset + shown >= total ? 'true' : null }, 'Next →');
  if (offset === 0) prev.removeAttribute('href');
  if (offset + shown >= total) next.removeAttribute('href');
  append(nav, prev, h('span', { class: 'range' }, `${from}–${offset + shown} of ${total}`), next);
  return nav;
}

export async function renderList(view: HTMLElement, params: URLSearchParams, signal: AbortSignal): Promise<void> {
  document.title = 'Stories · Corroborate';
  const query = readQuery(params);
  // aria-busy until this query's answer is shown; data-query then names the query shown (tests wait on it).
  const results = h('section', { class: 'results', 'aria-live': 'polite', 'aria-busy': 'true' }, loading('stories'));
  const shown = (): void => {
    results.setAttribute('aria-busy', 'false');
    results.setAttribute('data-query', params.toString());
  };
  const formSlot = h('div', {});
  replaceChildren(view, h('h1', {}, 'Stories'), formSlot, results);
  replaceChildren(formSlot, filterForm(query, null));

  const outletsP = listOutlets(signal).catch(() => null);
  const list = await listStories(query, signal).catch((err: unknown) => {
    if (signal.aborted) throw err;
    replaceChildren(results, errorBox(err));
    shown();
    return null;
  });
  const outlets = await outletsP;
  if (signal.aborted) return;
  // Keep what the user may have typed meanwhile: rebuild the form only when the focus is not in it.
  if (outlets && !formSlot.contains(document.activeElement)) replaceChildren(formSlot, filterForm(query, outlets));
  if (!list) return;

  if (list.total === 0) {
    const filtered = Boolean(query.q || query.since || query.until || query.outlet);
    replaceChildren(
      results,
      h('p', { class: 'empty' }, filtered ? 'No story matches these filters. ' : 'No stories yet. ', h('a', { href: filtered ? '#/' : ADD_HASH }, filtered ? 'Show all stories' : 'Add articles'), '.'),
    );
    shown();
    return;
  }
  const table = h(
    'table',
    { class: 'stories', 'data-testid': 'story-table' },
    h('caption', {}, `${plural(list.total, 'story', 'stories')}${query.sort === 'biggest' ? ', biggest first' : ', newest first'}`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Headline'),
        h('th', { scope: 'col', class: 'num' }, 'Articles'),
        h('th', { scope: 'col' }, 'Outlets'),
        h('th', { scope: 'col', class: 'num' }, 'Single-source quotes'),
        h('th', { scope: 'col', class: 'num' }, 'Conflicts'),
        h('th', { scope: 'col' }, 'Newest'),
      ),
    ),
    h('tbody', {}, ...list.stories.map(storyRow)),
  );
  replaceChildren(results, h('div', { class: 'table-wrap' }, table), pager(query, list.total, list.stories.length));
  shown();
}
