/**
 * #/story/<id> — one story's report: summary, conflicts on top, the articles side by side, the claim and
 * quote ledgers, and the derivation graph. Every claim, mention and conflict side jumps to its exact span.
 */
import type { Mention } from '../../../src/types.js';
import { chronological, storySummary, summaryCounts } from '../../../src/report/view.js';
import { getStoryReport } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { loading } from '../feedback.js';
import { storyHash } from '../router.js';
import { timeEl } from '../format.js';
import { ArticleColumns } from './articles.js';
import { conflictsSection } from './conflicts.js';
import { makeContext } from './context.js';
import { derivationSection } from './graph.js';
import { claimLedger, quoteLedger } from './ledgers.js';
import { HEADLINE_SOURCE_CHARS, headlineOf } from '../../../src/text/headline.js';

function sectionNav(): HTMLElement {
  const links: [string, string][] = [
    ['sec-conflicts', 'Conflicts'],
    ['sec-articles', 'Articles'],
    ['sec-claims', 'Claims'],
    ['sec-quotes', 'Quotes'],
    ['sec-derivation', 'Who rewrote whom'],
  ];
  return h(
    'nav',
    { class: 'section-nav', 'aria-label': 'Sections of this story' },
    ...links.map(([id, text]) => {
      // Buttons, not #anchors: the hash is the route.
      const b = h('button', { type: 'button', class: 'chip' }, text);
      b.addEventListener('click', () => {
        const target = document.getElementById(id);
        target?.scrollIntoView({ block: 'start' });
        target?.querySelector('h2')?.focus();
      });
      return b;
    }),
  );
}

export async function renderStory(view: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  document.title = 'Story · Corroborate';
  replaceChildren(view, h('p', {}, h('a', { href: '#/' }, '← All stories')), loading('the story report'));
  const report = await getStoryReport(id, signal);
  if (signal.aborted) return;
  const story = report.stories[0];
  if (!story) {
    replaceChildren(view, h('p', {}, h('a', { href: '#/' }, '← All stories')), h('p', { class: 'error', role: 'alert' }, 'The report has no story.'));
    return;
  }

  // The columns are built after the context they read; the jump reaches them once they exist.
  let columns: ArticleColumns | null = null;
  const jump = (m: Mention): void => void columns?.mark(m.article, m.start, m.end);
  const ctx = makeContext(report, story, jump);
  const order = chronological(story, ctx.index);
  columns = new ArticleColumns(ctx, ctx.layout.columns);

  // The report lists its articles in the canonical order: the first one's headline is the one the story list shows.
  const first = ctx.index.get(story.articles[0] ?? '');
  const headline = (first ? headlineOf(first.title, first.text.slice(0, HEADLINE_SOURCE_CHARS)) : '') || story.id;
  document.title = `${headline} · Corroborate`;
  const dates = order.map((a) => ctx.index.get(a)?.published).filter((d): d is string => Boolean(d));
  const summary = storySummary(story, ctx.index);

  const header = h(
    'header',
    { class: 'story-header' },
    h('p', {}, h('a', { href: '#/' }, '← All stories')),
    h('h1', { tabindex: '-1' }, headline),
    h('p', { class: 'summary', 'data-testid': 'story-summary' }, summaryCounts(summary)),
    h(
      'p',
      { class: 'muted' },
      `${story.articles.length} articles`,
      dates.length > 0 ? ' · ' : '',
      dates.length > 0 ? timeEl(dates[0]) : '',
      dates.length > 1 ? ' to ' : '',
      dates.length > 1 ? timeEl(dates[dates.length - 1]) : '',
      ' · story ',
      h('code', {}, story.id),
    ),
    story.id !== id
      ? h('p', { class: 'note', role: 'note' }, 'This story was merged into ', h('a', { href: storyHash(story.id) }, story.id), '; showing that story.')
      : null,
    sectionNav(),
  );

  const articles = h(
    'section',
    { class: 'panel', id: 'sec-articles', 'aria-labelledby': 'h-articles' },
    h('h2', { id: 'h-articles', tabindex: '-1' }, 'The articles side by side'),
    h(
      'p',
      { class: 'legend muted' },
      'Hover or focus a sentence to highlight its partners in the other articles. Underline: ',
      h('span', { class: 'sentence align-same legend-sample' }, 'same wording'),
      ', ',
      h('span', { class: 'sentence align-paraphrase legend-sample' }, 'paraphrase'),
      ', ',
      h('span', { class: 'sentence align-partial legend-sample' }, 'partial match'),
      ', none: no partner.',
    ),
    ctx.layout.complete
      ? null
      : h(
          'p',
          { class: 'note', 'data-testid': 'columns-note' },
          `${ctx.layout.columns.length} of ${story.articles.length} articles shown: the earliest, one for each side of a conflict, those with single-source findings and the biggest copy groups`,
          ctx.layout.copyOf.size > 0 ? ` (${ctx.layout.copyOf.size} articles are near-verbatim copies of another)` : '',
          '. Following a mention or a conflict side in another article opens its column.',
        ),
    columns.element,
  );

  replaceChildren(view, header, conflictsSection(ctx), articles, claimLedger(ctx), quoteLedger(ctx), derivationSection(ctx));
  for (const h2 of view.querySelectorAll('h2')) h2.setAttribute('tabindex', '-1');
}
