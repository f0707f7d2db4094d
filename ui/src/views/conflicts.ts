/** Conflicts on top of the story page: each with both (all) sides' evidence and the outlets saying it. */
import type { Conflict, ConflictSide } from '../../../src/types.js';
import { evidenceContext, groupSides } from '../../../src/report/view.js';
import { h } from '../dom.js';
import { plural } from '../format.js';
import { articleOf, label, type StoryContext } from './context.js';

function sideEvidence(ctx: StoryContext, side: ConflictSide): HTMLElement {
  const article = articleOf(ctx, side.article);
  const ev = article ? evidenceContext(article.text, article.sentences, side.start, side.end, 160) : null;
  const quote = ev
    ? h('span', { class: 'evidence' }, ev.clippedLeft ? '…' : '', ev.before, h('strong', {}, ev.match), ev.after, ev.clippedRight ? '…' : '')
    : h('span', { class: 'evidence' }, h('strong', {}, side.text));
  const jump = h(
    'button',
    { type: 'button', class: 'link-button', 'data-testid': 'conflict-side', 'data-article': side.article, 'aria-label': `Show “${side.text}” in ${label(ctx, side.article)}` },
    'Show in text',
  );
  jump.addEventListener('click', () => ctx.jump(side));
  return h('li', { class: 'side' }, h('span', { class: 'side-outlet' }, label(ctx, side.article)), ': ', quote, ' ', jump);
}

/** A camp's sides: the first SIDES_SHOWN (those in articles shown side by side first), then "+N more". */
function sideList(ctx: StoryContext, sides: ConflictSide[]): HTMLElement {
  const shown = new Set(ctx.layout.columns);
  const ordered = [...sides.filter((s) => shown.has(s.article)), ...sides.filter((s) => !shown.has(s.article))];
  const items = ordered.map((s) => sideEvidence(ctx, s));
  const list = h('ul', {}, ...items.slice(0, SIDES_SHOWN));
  if (items.length > SIDES_SHOWN) list.appendChild(h('li', { class: 'side' }, moreSides(list, items.slice(SIDES_SHOWN))));
  return list;
}

/** Sides shown per camp before "+N more" (each side is a quoted passage). */
const SIDES_SHOWN = 3;

function moreSides(list: HTMLElement, rest: HTMLElement[]): HTMLElement {
  const b = h('button', { type: 'button', class: 'link-button more', 'data-testid': 'show-more' }, `+${rest.length} more`);
  b.addEventListener('click', () => {
    b.closest('li')?.remove();
    for (const li of rest) list.appendChild(li);
  });
  return b;
}

function conflictItem(ctx: StoryContext, c: Conflict): HTMLElement {
  const groups = groupSides(c);
  return h(
    'li',
    { class: 'conflict', 'data-testid': 'conflict', 'data-conflict': c.id },
    h('p', { class: 'conflict-summary' }, h('span', { class: 'badge status-conflicting' }, h('span', { 'aria-hidden': 'true', class: 'badge-icon' }, '✗'), ` ${c.type}`), ' ', c.summary),
    h(
      'div',
      { class: 'conflict-sides' },
      ...groups.map((g) =>
        h(
          'section',
          { class: 'side-group', 'aria-label': `Says ${g.value}` },
          h('p', { class: 'side-value' }, 'Says ', h('strong', {}, g.value), ` (${plural(g.sides.length, 'mention')})`),
          sideList(ctx, g.sides),
        ),
      ),
    ),
  );
}

export function conflictsSection(ctx: StoryContext): HTMLElement {
  const list = ctx.story.conflicts;
  return h(
    'section',
    { class: 'panel conflicts', id: 'sec-conflicts', 'aria-labelledby': 'h-conflicts' },
    h('h2', { id: 'h-conflicts' }, `Conflicts (${list.length})`),
    list.length === 0
      ? h('p', { class: 'muted' }, 'The articles of this story do not contradict each other on any number, date, actor, negation or attribution we could compare.')
      : h('ol', { class: 'conflict-list' }, ...list.map((c) => conflictItem(ctx, c))),
  );
}
