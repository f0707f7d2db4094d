/**
 * The HTML report: ONE self-contained file (inline CSS, one small inline script allowed by its hash,
 * a Content-Security-Policy that forbids every request). Per story: conflicts on top, the articles side by
 * side with aligned sentences linked and coloured, the claim ledger, the quote ledger, derivation, alignment.
 *
 * Safety: every string that came from the input goes through `escapeHtml`; every id placed in an attribute
 * goes through `safeId` ([A-Za-z0-9_-] only); numbers go through `num`. URLs are shown as text, never links.
 */
import type { Claim, Conflict, Report, ReportArticle, Sentence, StoryReport } from '../types.js';
import { escapeHtml as esc, safeId } from './escape.js';
import { CSP, pageHead, SCRIPT, STYLE } from './html-assets.js';
import { type Highlight, inRange, renderBody } from './html-body.js';
import { cappedNames, firstItems, PAIR_ROWS, storyLayout, type StoryLayout } from './layout.js';
import {
  type ArticleIndex,
  alignmentCounts,
  articleLabels,
  chronological,
  groupSides,
  storySummary,
  countOutlets,
  derivationPhrase,
  revisionPhrase,
  evidenceContext,
  fixed2,
  indexArticles,
  isPossibleFabrication,
  labelOf,
  orderedClaims,
  quoted,
  sentenceAlignment,
  signed,
  pct,
  plural,
} from './view.js';

/** Renders the whole report as one self-contained HTML document. Deterministic. */
export function renderHtml(report: Report): string {
  const index = indexArticles(report);
  const ids = new IdScheme(report);
  const nStories = report.stories.length;

  const parts: string[] = [];
  parts.push(`${pageHead({ csp: CSP, generator: report.generator, title: 'Corroborate report', style: STYLE }, esc)}<header class="report-head">
<h1>Corroborate report</h1>
<p class="muted">${plural(report.articles.length, 'article')} · ${plural(nStories, 'story', 'stories')} · ${esc(report.generator)}</p>
<p class="legend"><span class="st-same">same</span><span class="st-paraphrase">paraphrase</span><span class="st-partial">partial</span><span>unmatched</span>
<span class="mk c-corroborated">corroborated claim</span><span class="mk c-single-source">single-source claim</span><span class="mk cf">conflict evidence</span>
<span class="muted">Hover or click a sentence to see its counterparts in the other articles.</span></p>
</header>
`);
  if (report.problems.length > 0) {
    parts.push(`<section class="problems"><strong>Skipped ${plural(report.problems.length, 'input')}</strong><ul>`);
    for (const p of report.problems) {
      const where = p.line !== undefined ? `${esc(p.input)}:${num(p.line)}` : esc(p.input);
      parts.push(`<li><code>${where}</code> — ${esc(p.message)}</li>`);
    }
    parts.push('</ul></section>\n');
  }
  if (nStories === 0) parts.push('<p class="none">No stories: nothing could be compared.</p>\n');
  report.stories.forEach((story, i) => parts.push(renderStory(story, i, index, ids)));
  parts.push(`<script>${SCRIPT}</script>\n</body>\n</html>\n`);
  return parts.join('');
}

/** Element ids: unique in the document even when an article appears in several stories. */
class IdScheme {
  private readonly firstStory = new Map<string, number>();

  constructor(report: Report) {
    report.stories.forEach((s, i) => {
      for (const a of s.articles) if (!this.firstStory.has(a)) this.firstStory.set(a, i);
    });
  }

  /** Prefix for an article's elements within story `story`. */
  article(story: number, articleId: string): string {
    const base = safeId(articleId);
    return this.firstStory.get(articleId) === story ? base : `${story}-${base}`;
  }

  sentence(story: number, articleId: string, n: number): string {
    return `s-${this.article(story, articleId)}-${num(n)}`;
  }

  story(story: StoryReport, i: number): string {
    return `story-${i}-${safeId(story.id)}`;
  }

  mention(story: number, claim: Claim, k: number): string {
    return `m-${story}-${safeId(claim.id)}-${k}`;
  }

  evidence(story: number, conflict: Conflict, k: number): string {
    return `x-${story}-${safeId(conflict.id)}-${k}`;
  }
}

function renderStory(story: StoryReport, si: number, index: ArticleIndex, ids: IdScheme): string {
  const labels = articleLabels(story, index);
  const label = (id: string): string => esc(labelOf(labels, id));
  // A big story shows a chosen few articles side by side (layout.ts); spans link only into those.
  const layout = storyLayout(story, index);
  const shown = new Set(layout.columns);
  const members = layout.columns.map((id) => index.get(id)).filter((a): a is ReportArticle => a !== undefined);
  const nOutlets = countOutlets(story.articles, index);
  /** Whether a span can be linked to (its article is rendered side by side in this story and the offsets are valid). */
  const linkable = (article: string, start: number, end: number): boolean => {
    const a = index.get(article);
    return a !== undefined && shown.has(article) && inRange(start, end, a.text.length);
  };
  /** Outlet names of article ids, each once, at most CELL_ITEMS, then "+N more". */
  const names = (ids: readonly string[]): string => {
    const { shown: first, more } = cappedNames(ids, (id) => labelOf(labels, id));
    return `${first.map(esc).join(', ')}${more > 0 ? ` <span class="muted">+${more} more</span>` : ''}`;
  };

  const out: string[] = [];
  out.push(`<section class="story" id="${ids.story(story, si)}">\n`);
  out.push(`<h2>Story <code>${esc(story.id)}</code> <span class="muted">· ${plural(story.articles.length, 'article')}</span></h2>\n`);

  // Summary: the story at a glance.
  const sum = storySummary(story, index);
  const chip = (n: number, one: string, many: string, cls: string): string =>
    `<span class="chip ${cls}"><strong>${n}</strong> ${n === 1 ? one : many}</span>`;
  out.push('<div class="summary-block">');
  out.push(
    `<p class="chips">${[
      chip(sum.outlets, 'outlet', 'outlets', 'ch-outlets'),
      chip(sum.conflicts, 'conflict', 'conflicts', 'ch-conflicts'),
      chip(sum.fabricated, 'possible fabricated quote', 'possible fabricated quotes', 'ch-fabricated'),
      chip(sum.corroborated, 'corroborated claim', 'corroborated claims', 'ch-corroborated'),
      chip(sum.singleSource, 'single-source claim', 'single-source claims', 'ch-single'),
    ].join(' ')}</p>`,
  );
  if (story.conflicts.length > 0) {
    const more = story.conflicts.length > 1 ? ` <span class="muted">(+${story.conflicts.length - 1} more below)</span>` : '';
    out.push(`<p class="sum-conflict"><span class="badge">${esc(story.conflicts[0]!.type)}</span> ${esc(story.conflicts[0]!.summary)}${more}</p>`);
  }
  if (story.derivation.length > 0) {
    const top = sum.directed.slice(0, 3).map((d) => `${esc(derivationPhrase(d, labelOf(labels, d.a), labelOf(labels, d.b)))} <span class="muted">(${fixed2(d.confidence)})</span>`);
    out.push(`<p class="sum-derivation"><strong>Derivation:</strong> ${top.length > 0 ? top.join('; ') : 'no clear direction between any pair'}</p>`);
  }
  out.push('</div>\n');

  // Outlets, by publication time
  const order = chronological(story, index);
  const textColumn = !layout.complete || layout.copies.size > 0;
  out.push(`<table class="outlets"><thead><tr><th>Outlet</th><th>Published</th><th>Headline</th><th>Byline</th><th>URL</th>${textColumn ? '<th>Text</th>' : ''}</tr></thead><tbody>\n`);
  for (const id of order) {
    const a = index.get(id);
    const idNote = labelOf(labels, id) === id ? '' : ` <code class="muted">${esc(id)}</code>`;
    const name = shown.has(id) ? `<a href="#a-${ids.article(si, id)}">${label(id)}</a>` : label(id);
    out.push(
      `<tr><td>${name}${idNote}</td><td class="date">${esc(a?.published ?? '—')}</td><td>${esc(a?.title ?? '—')}</td>` +
        `<td>${esc(a?.byline ?? '—')}</td><td class="url">${esc(a?.url ?? '—')}</td>${textColumn ? `<td>${textNote(id, layout, labels, shown)}</td>` : ''}</tr>\n`,
    );
  }
  out.push('</tbody></table>\n');

  // Conflicts
  out.push(`<section class="conflicts"><h3>Conflicts (${story.conflicts.length})</h3>\n`);
  if (story.conflicts.length === 0) out.push('<p class="none">No conflicts found.</p>\n');
  for (const c of story.conflicts) {
    out.push(`<div class="conflict"><div><span class="badge">${esc(c.type)}</span><span class="summary">${esc(c.summary)}</span></div><div class="camps">\n`);
    groupSides(c).forEach((g, gi) => {
      const who = g.sides.map((side) => labelOf(labels, side.article)).filter((x, i, xs) => xs.indexOf(x) === i);
      const head =
        g.sides.length > 1
          ? `<div class="camp-head"><strong>${esc(g.value)}</strong> <span class="muted">· ${plural(who.length, 'outlet')}: ${esc(who.join(', '))}</span></div>`
          : '';
      out.push(`<div class="camp camp-${gi % 4}">${head}\n`);
      const { shown: sides, more } = firstItems(g.sides, 3, (side) => shown.has(side.article));
      for (const side of sides) {
        const k = c.sides.indexOf(side);
        const a = index.get(side.article);
        const whoSide = `${label(side.article)}${a?.published ? ` · ${esc(a.published)}` : ''}`;
        let quote = `<mark class="ev">${esc(side.text)}</mark>`;
        if (a && inRange(side.start, side.end, a.text.length)) {
          const ctx = evidenceContext(a.text, a.sentences, side.start, side.end, 160);
          quote = `${ctx.clippedLeft ? '…' : ''}${esc(ctx.before)}<mark class="ev">${esc(ctx.match)}</mark>${esc(ctx.after)}${ctx.clippedRight ? '…' : ''}`;
        }
        const offsets = `${num(side.start)}–${num(side.end)}`;
        const where = linkable(side.article, side.start, side.end)
          ? `<a href="#${ids.evidence(si, c, k)}">chars ${offsets}</a>`
          : `chars ${offsets}`;
        out.push(
          `<div class="side"><div class="who">${whoSide}</div><blockquote>${quote}</blockquote>` +
            `<div class="where">asserts <strong>${esc(side.value)}</strong> · ${where}</div></div>\n`,
        );
      }
      if (more > 0) out.push(`<div class="side muted">+${more} more ${more === 1 ? 'mention' : 'mentions'} of this value</div>\n`);
      out.push('</div>\n');
    });
    out.push('</div></div>\n');
  }
  out.push('</section>\n');

  // Articles side by side
  out.push('<section class="texts"><h3>Articles side by side</h3>\n');
  if (!layout.complete) {
    const copies = layout.copyOf.size;
    out.push(
      `<p class="muted">${members.length} of ${story.articles.length} articles shown: the earliest, one for each side of a conflict, those with ` +
        `single-source findings and the biggest copy groups${copies > 0 ? `; ${copies} articles are near-verbatim copies of another (see the Text column above)` : ''}. ` +
        'Every article is in the JSON report.</p>\n',
    );
  }
  out.push('<div class="columns">\n');
  for (const a of members) out.push(renderColumn(a, story, si, labels, ids, layout, shown));
  out.push('</div></section>\n');

  // Claim ledger
  const mentionLinks = (c: Claim): string => {
    const { shown: first, more } = firstItems(
      c.mentions.map((m, k) => ({ m, k })),
      undefined,
      ({ m }) => shown.has(m.article),
    );
    const links = first.map(({ m, k }) => {
      const text = `${label(m.article)} ${num(m.start)}–${num(m.end)}`;
      return linkable(m.article, m.start, m.end) ? `<a href="#${ids.mention(si, c, k)}">${text}</a>` : `<span>${text}</span>`;
    });
    return `${links.join(' ')}${more > 0 ? ` <span class="muted">+${more} more</span>` : ''}`;
  };
  out.push(`<section class="claims"><h3>Claim ledger (${story.claims.length})</h3>\n`);
  if (story.claims.length === 0) out.push('<p class="none">No claims.</p>\n');
  else {
    out.push('<table class="ledger"><thead><tr><th>Kind</th><th>Claim</th><th>Status</th><th>Articles</th><th>Mentions</th></tr></thead><tbody>\n');
    for (const c of orderedClaims(story.claims)) {
      const value = c.value !== undefined && !c.text.includes(c.value) ? ` <span class="muted">(${esc(c.value)})</span>` : '';
      const k = countOutlets(c.articles, index);
      out.push(
        `<tr class="row-${safeId(c.status)}"><td>${esc(c.kind)}</td><td>${esc(c.text)}${value}</td><td>${statusCell(c)} <span class="muted">${k}/${nOutlets}</span></td>` +
          `<td>${names(c.articles)}</td><td class="mentions">${mentionLinks(c)}</td></tr>\n`,
      );
    }
    out.push('</tbody></table>\n');
  }
  out.push('</section>\n');

  // Quote ledger
  const quotes = orderedClaims(story.claims.filter((c) => c.kind === 'quote'));
  out.push(`<section class="quotes"><h3>Quote ledger (${quotes.length})</h3>\n`);
  if (quotes.length === 0) out.push('<p class="none">No quotes.</p>\n');
  else {
    // The translation column only in a story of several languages (where some quote is attested in another).
    const across = quotes.some((c) => (c.translatedIn ?? []).length > 0);
    out.push(`<table class="ledger qledger"><thead><tr><th>Quote</th><th>Speaker</th><th>Quoted in</th><th>Supported in</th>${across ? '<th>Attested in translation</th>' : ''}<th>Status</th><th>Mentions</th></tr></thead><tbody>\n`);
    for (const c of quotes) {
      const list = (xs: readonly string[] | undefined): string => (xs && xs.length > 0 ? names(xs) : '—');
      out.push(
        `<tr class="row-${safeId(c.status)}${isPossibleFabrication(c) ? ' row-fabrication' : ''}"><td>${esc(quoted(c.text))}</td><td>${c.speaker ? esc(c.speaker) : '<span class="muted">unknown</span>'}</td>` +
          `<td>${list(c.quotedIn)}</td><td>${list(c.supportedIn)}</td>${across ? `<td>${list(c.translatedIn)}</td>` : ''}<td>${statusCell(c)}</td><td class="mentions">${mentionLinks(c)}</td></tr>\n`,
      );
    }
    out.push('</tbody></table>\n');
  }
  out.push('</section>\n');

  // Derivation
  out.push('<section class="derivation"><h3>Derivation</h3>\n');
  if (story.derivation.length === 0) out.push('<p class="none">No article pairs assessed.</p>\n');
  else {
    const pairs = story.derivation.length > PAIR_ROWS ? sum.directed.slice(0, PAIR_ROWS) : story.derivation;
    if (story.derivation.length > PAIR_ROWS) {
      out.push(`<p class="muted">The ${pairs.length} most confident directed pairs of ${story.derivation.length} assessed; every pair is in the JSON report.</p>\n`);
    }
    out.push('<ul>\n');
    for (const d of pairs) {
      const phrase = derivationPhrase(d, labelOf(labels, d.a), labelOf(labels, d.b));
      out.push(
        `<li><strong>${esc(phrase)}</strong> <span class="muted">· confidence ${fixed2(d.confidence)} · text reuse: ` +
          `${label(d.a)} in ${label(d.b)} ${pct(d.reuse.aInB)}, ${label(d.b)} in ${label(d.a)} ${pct(d.reuse.bInA)} · ` +
          `${esc(revisionPhrase(d, labelOf(labels, d.a), labelOf(labels, d.b)))}</span>`,
      );
      if (d.evidence.length > 0) {
        out.push('<ul>');
        for (const e of d.evidence) out.push(`<li>${esc(e.kind)}: ${esc(e.detail)} <span>(${esc(signed(e.weight))})</span></li>`);
        out.push('</ul>');
      }
      out.push('</li>\n');
    }
    out.push('</ul>\n');
  }
  out.push('</section>\n');

  // Alignment summary
  out.push('<section class="alignment"><h3>Sentence alignment</h3>\n');
  if (story.alignments.length === 0) out.push('<p class="none">No article pairs.</p>\n');
  else {
    if (story.alignments.length > PAIR_ROWS) out.push(`<p class="muted">The first ${PAIR_ROWS} of ${story.alignments.length} aligned pairs; every pair is in the JSON report.</p>\n`);
    out.push('<table><thead><tr><th>Article A</th><th>Article B</th><th class="num">same</th><th class="num">paraphrase</th><th class="num">partial</th><th class="num">unmatched in A</th><th class="num">unmatched in B</th></tr></thead><tbody>\n');
    for (const al of story.alignments.slice(0, PAIR_ROWS)) {
      const n = alignmentCounts(al);
      out.push(
        `<tr><td>${label(al.a)}</td><td>${label(al.b)}</td><td class="num">${n.same}</td><td class="num">${n.paraphrase}</td>` +
          `<td class="num">${n.partial}</td><td class="num">${n.unmatchedA}</td><td class="num">${n.unmatchedB}</td></tr>\n`,
      );
    }
    out.push('</tbody></table>\n');
  }
  out.push('</section>\n</section>\n');
  return out.join('');
}

function renderColumn(
  a: ReportArticle,
  story: StoryReport,
  si: number,
  labels: ReadonlyMap<string, string>,
  ids: IdScheme,
  layout: StoryLayout,
  shown: ReadonlySet<string>,
): string {
  const highlights: Highlight[] = [];
  for (const c of story.claims) {
    c.mentions.forEach((m, k) => {
      if (m.article !== a.id) return;
      highlights.push({
        start: m.start,
        end: m.end,
        anchor: ids.mention(si, c, k),
        kind: c.kind,
        status: c.status,
        conflict: false,
        visible: c.kind !== 'statement',
        title: `${c.kind} · ${c.status}${isPossibleFabrication(c) ? ' · possible fabrication' : ''}: ${c.text}`,
      });
    });
  }
  for (const c of story.conflicts) {
    c.sides.forEach((side, k) => {
      if (side.article !== a.id) return;
      highlights.push({
        start: side.start,
        end: side.end,
        anchor: ids.evidence(si, c, k),
        kind: null,
        status: 'conflicting',
        conflict: true,
        visible: true,
        title: `conflict (${c.type}): ${c.summary}`,
      });
    });
  }
  const conflictSentences = new Set<number>();
  for (const h of highlights) {
    if (!h.conflict) continue;
    for (const s of a.sentences) if (s.start < Math.max(h.end, h.start + 1) && s.end > h.start) conflictSentences.add(s.index);
  }

  const view = sentenceAlignment(story, a.id, a.sentences.length);
  const markup = (s: Sentence) => {
    const pos = a.sentences.indexOf(s);
    const labelAt = view.labels[pos] ?? 'unmatched';
    const partners = view.partners[pos] ?? [];
    const classes = [`st-${labelAt}`];
    if (conflictSentences.has(s.index)) classes.push('has-cf');
    const title = partners
      .map((p) => {
        const diff = p.slotConflicts.length > 0 ? ` — differs: ${p.slotConflicts.join(', ')}` : '';
        return `${p.label}: ${labelOf(labels, p.article)}, sentence ${p.sentence + 1} (score ${fixed2(p.score)})${diff}`;
      })
      .join('\n');
    return {
      id: ids.sentence(si, a.id, s.index),
      classes,
      links: partners.filter((p) => shown.has(p.article)).map((p) => ids.sentence(si, p.article, p.sentence)),
      title: title || 'unmatched: no counterpart in the other articles',
    };
  };

  const meta = [a.published ?? 'date unknown', a.byline, a.language].filter((x): x is string => !!x).map(esc).join(' · ');
  return (
    `<article class="col" id="a-${ids.article(si, a.id)}"${a.language && a.language !== 'en' && /^[a-z]{2,3}$/.test(a.language) ? ` lang="${a.language}"` : ''}><header><h4>${esc(labelOf(labels, a.id))}</h4>` +
    (a.title ? `<div class="headline">${esc(a.title)}</div>` : '') +
    `<div class="meta">${meta}</div>` +
    (layout.copies.get(a.id) ? `<div class="meta">and ${plural(layout.copies.get(a.id)!, 'near-verbatim copy', 'near-verbatim copies')} in this story</div>` : '') +
    (a.url ? `<div class="url">${esc(a.url)}</div>` : '') +
    `</header><div class="body">${renderBody(a.text, a.sentences, highlights, markup)}</div></article>\n`
  );
}

/** The outlet table's Text cell: shown side by side, a copy of another article, or not shown. */
function textNote(id: string, layout: StoryLayout, labels: ReadonlyMap<string, string>, shown: ReadonlySet<string>): string {
  const rep = layout.copyOf.get(id);
  if (rep !== undefined) return `copy of ${esc(labelOf(labels, rep))}`;
  const copies = layout.copies.get(id);
  const side = shown.has(id) ? 'side by side below' : 'not shown';
  return copies ? `${side}; ${plural(copies, 'copy', 'copies')}` : side;
}

function statusCell(c: Claim): string {
  const flag = isPossibleFabrication(c) ? ' <span class="flag">⚠ possible fabrication</span>' : '';
  return `<span class="status s-${safeId(c.status)}">${esc(c.status)}</span>${flag}`;
}

/** A number for output: finite numbers as written, anything else "?". */
function num(n: unknown): string {
  return typeof n === 'number' && Number.isFinite(n) ? String(n) : '?';
}

