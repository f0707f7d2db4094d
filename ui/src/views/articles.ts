/**
 * The story's articles side by side. Each article's text is laid out as segments with known offsets
 * (sentences, and the gaps between them), so any span [start, end) of the text can be marked exactly:
 * the overlapping segments are rebuilt as text + <mark> + text, all with text nodes.
 * Hovering (or focusing) a sentence highlights its aligned partners in the other columns.
 */
import type { AlignmentLabel, ReportArticle, Sentence } from '../../../src/types.js';
import { fixed2, sentenceAlignment, type Partner } from '../../../src/report/view.js';
import { append, externalUrl, h, replaceChildren } from '../dom.js';
import { timeEl } from '../format.js';
import { label, type StoryContext } from './context.js';

interface Segment {
  el: HTMLElement;
  start: number;
  end: number;
}

interface Pane {
  article: ReportArticle;
  column: HTMLElement;
  body: HTMLElement;
  segments: Segment[];
  sentences: Map<number, HTMLElement>;
}

const LABEL_WORDS: Record<AlignmentLabel, string> = {
  same: 'same wording',
  paraphrase: 'paraphrase',
  partial: 'partial match',
  unmatched: 'no partner',
};

export class ArticleColumns {
  readonly element: HTMLElement;
  private readonly panes = new Map<string, Pane>();
  private marked: Segment[] = [];
  private lit: HTMLElement[] = [];

  constructor(
    private readonly ctx: StoryContext,
    order: string[],
  ) {
    this.element = h('div', { class: 'columns', 'data-testid': 'article-columns' });
    for (const id of order) {
      const article = ctx.index.get(id);
      if (!article) continue;
      const pane = this.buildPane(article);
      this.panes.set(id, pane);
      this.element.appendChild(pane.column);
    }
  }

  /**
   * Adds the column of an article that a big story does not show side by side (src/report/layout.ts), when a
   * mention or conflict side in it is followed; null when the report has no such article.
   */
  private open(articleId: string): Pane | null {
    const article = this.ctx.index.get(articleId);
    if (!article || !this.ctx.story.articles.includes(articleId)) return null;
    const pane = this.buildPane(article);
    pane.column.dataset.opened = 'true';
    this.panes.set(articleId, pane);
    this.element.appendChild(pane.column);
    return pane;
  }

  private buildPane(article: ReportArticle): Pane {
    const body = h('div', { class: 'article-body', tabindex: '0', 'aria-label': `Text of ${label(this.ctx, article.id)}` });
    const pane: Pane = { article, column: h('article', {}), body, segments: [], sentences: new Map() };
    const align = sentenceAlignment(this.ctx.story, article.id, article.sentences.length);
    const text = article.text;
    const sentences = [...article.sentences].sort((a, b) => a.start - b.start);

    let p = h('p', {});
    let paragraph = sentences[0]?.paragraph ?? 0;
    const gap = (start: number, end: number): void => {
      if (end <= start) return;
      const el = h('span', { class: 'gap' }, text.slice(start, end));
      pane.segments.push({ el, start, end });
      p.appendChild(el);
    };
    let pos = 0;
    for (const s of sentences) {
      if (s.start < pos || s.end > text.length || s.end < s.start) continue; // overlapping or out of range: skip
      gap(pos, s.start);
      if (s.paragraph !== paragraph) {
        if (p.childNodes.length > 0) body.appendChild(p);
        p = h('p', {});
        paragraph = s.paragraph;
      }
      const el = this.sentenceEl(article.id, s, align.labels[s.index] ?? 'unmatched', align.partners[s.index] ?? []);
      pane.segments.push({ el, start: s.start, end: s.end });
      pane.sentences.set(s.index, el);
      p.appendChild(el);
      pos = s.end;
    }
    gap(pos, text.length);
    if (p.childNodes.length > 0) body.appendChild(p);
    if (sentences.length === 0) body.classList.add('unsplit');

    const meta = h('dl', { class: 'article-meta' });
    const row = (k: string, v: Node | string | null): void => {
      if (v === null) return;
      append(meta, h('dt', {}, k), h('dd', {}, v));
    };
    row('Published', timeEl(article.published));
    if (article.byline) row('By', article.byline);
    if (article.url) row('URL', externalUrl(article.url));
    row('Article id', h('code', {}, article.id));
    const copies = this.ctx.layout.copies.get(article.id);
    if (copies) row('Copies', `${copies} near-verbatim ${copies === 1 ? 'copy' : 'copies'} in this story`);
    pane.column = h(
      'article',
      {
        class: 'article-column',
        'data-testid': 'article-column',
        'data-article': article.id,
        'aria-label': label(this.ctx, article.id),
        // Text in another language is marked as such (screen readers, hyphenation, fonts).
        ...(article.language && article.language !== 'en' && /^[a-z]{2,3}$/.test(article.language) ? { lang: article.language } : {}),
      },
      h('header', {}, h('p', { class: 'outlet' }, label(this.ctx, article.id)), h('h3', {}, article.title ?? '(untitled)'), meta),
      body,
    );
    return pane;
  }

  private sentenceEl(articleId: string, s: Sentence, best: AlignmentLabel, partners: Partner[]): HTMLElement {
    const el = h('span', {
      class: `sentence align-${best}`,
      'data-testid': 'sentence',
      'data-article': articleId,
      'data-sentence': s.index,
      'data-start': s.start,
      'data-end': s.end,
    }, this.ctx.index.get(articleId)!.text.slice(s.start, s.end));
    if (partners.length === 0) return el;
    const described = partners
      .map((p) => `${label(this.ctx, p.article)} sentence ${p.sentence + 1}: ${LABEL_WORDS[p.label]} ${fixed2(p.score)}${p.slotConflicts.length ? ` (differs: ${p.slotConflicts.join(', ')})` : ''}`)
      .join('; ');
    el.title = `Aligned with ${described}`;
    el.tabIndex = 0;
    const on = (): void => this.light(el, partners);
    el.addEventListener('mouseenter', on);
    el.addEventListener('focus', on);
    el.addEventListener('mouseleave', () => this.unlight());
    el.addEventListener('blur', () => this.unlight());
    return el;
  }

  private light(self: HTMLElement, partners: Partner[]): void {
    this.unlight();
    self.classList.add('is-hovered');
    this.lit.push(self);
    for (const p of partners) {
      const el = this.panes.get(p.article)?.sentences.get(p.sentence);
      if (!el) continue;
      el.classList.add('is-partner', `partner-${p.label}`);
      el.dataset.partner = p.label;
      this.lit.push(el);
    }
  }

  private unlight(): void {
    for (const el of this.lit) {
      el.classList.remove('is-hovered', 'is-partner', 'partner-same', 'partner-paraphrase', 'partner-partial');
      delete el.dataset.partner;
    }
    this.lit = [];
  }

  /** Removes the current marks, restoring the plain text of the segments. */
  clearMark(): void {
    for (const seg of this.marked) {
      const pane = [...this.panes.values()].find((p) => p.segments.includes(seg));
      if (pane) replaceChildren(seg.el, pane.article.text.slice(seg.start, seg.end));
    }
    this.marked = [];
  }

  /**
   * Marks text.slice(start, end) of the article with <mark> elements (one per segment it crosses),
   * scrolls the first into view and focuses it. Returns false when the article or span is unknown.
   */
  mark(articleId: string, start: number, end: number): boolean {
    this.clearMark();
    const pane = this.panes.get(articleId) ?? this.open(articleId);
    if (!pane) return false;
    const text = pane.article.text;
    const s = Math.max(0, Math.min(text.length, Math.trunc(start)));
    const e = Math.max(s, Math.min(text.length, Math.trunc(end)));
    if (e <= s) return false;
    let first: HTMLElement | null = null;
    for (const seg of pane.segments) {
      if (seg.end <= s || seg.start >= e) continue;
      const a = Math.max(s, seg.start);
      const b = Math.min(e, seg.end);
      const mark = h('mark', { class: 'active-mark', 'data-testid': 'mark-active' }, text.slice(a, b));
      replaceChildren(seg.el, text.slice(seg.start, a) || null, mark, text.slice(b, seg.end) || null);
      this.marked.push(seg);
      if (!first) first = mark;
    }
    if (!first) return false;
    first.tabIndex = -1;
    first.scrollIntoView({ block: 'center', inline: 'nearest' });
    first.focus({ preventScroll: true });
    return true;
  }
}
