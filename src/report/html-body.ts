/**
 * An article's text as HTML: paragraphs of sentence spans, with claim mentions and conflict evidence
 * highlighted. Text is cut at every sentence and highlight boundary; each piece is escaped on its own,
 * so highlights may overlap and cross sentences without breaking the markup.
 */
import type { ClaimKind, ClaimStatus, Sentence } from '../types.js';
import { escapeHtml, safeId } from './escape.js';
import { lowerBound } from '../text/sorted.js';

export interface Highlight {
  start: number;
  end: number;
  /** Anchor id (already safe): `m-…` for claim mentions, `x-…` for conflict evidence. */
  anchor: string;
  kind: ClaimKind | null;
  status: ClaimStatus | null;
  /** Conflict evidence. */
  conflict: boolean;
  /** Drawn (underline/background); invisible highlights still get an anchor and can be flashed. */
  visible: boolean;
  /** Tooltip text (raw; escaped here). */
  title: string;
}

export interface SentenceMarkup {
  id: string;
  classes: string[];
  /** Safe ids of aligned partner sentences. */
  links: string[];
  /** Tooltip text (raw; escaped here). */
  title: string;
}

const STATUS_RANK: Record<ClaimStatus, number> = { conflicting: 3, 'single-source': 2, corroborated: 1 };

/** True when [start, end) is a valid range of a text of length `len`. */
export function inRange(start: number, end: number, len: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= len;
}

export function renderBody(
  text: string,
  sentences: readonly Sentence[],
  highlights: readonly Highlight[],
  markup: (s: Sentence) => SentenceMarkup,
): string {
  const len = text.length;
  const hs = highlights.filter((h) => inRange(h.start, h.end, len));
  const sents: Sentence[] = [];
  let last = 0;
  for (const s of sentences) {
    if (!inRange(s.start, s.end, len) || s.start < last || s.end === s.start) continue;
    sents.push(s);
    last = s.end;
  }

  const cutSet = new Set<number>([0, len]);
  for (const s of sents) cutSet.add(s.start).add(s.end);
  for (const h of hs) cutSet.add(h.start).add(h.end);
  const cuts = [...cutSet].sort((a, b) => a - b);

  // Highlights sorted by start; a sweep emits anchors and tracks the active set as the text is walked in order.
  const byStart = [...hs].sort((a, b) => a.start - b.start || a.end - b.end);
  let nextAnchor = 0;
  /** Anchors of every highlight starting at or before `to` that has not had one yet. */
  const anchorsUpTo = (to: number): string => {
    let out = '';
    while (nextAnchor < byStart.length && byStart[nextAnchor]!.start <= to) {
      out += `<span class="anchor" id="${escapeHtml(byStart[nextAnchor]!.anchor)}"></span>`;
      nextAnchor++;
    }
    return out;
  };
  let nextActive = 0;
  let active: Highlight[] = [];
  /** Highlights covering [x, y) (x, y non-decreasing across calls). */
  const covering = (x: number, y: number): Highlight[] => {
    while (nextActive < byStart.length && byStart[nextActive]!.start < y) active.push(byStart[nextActive++]!);
    active = active.filter((h) => h.end > x);
    return active.filter((h) => h.start < y);
  };

  /** HTML for text[from, to), cut at highlight boundaries. */
  const region = (from: number, to: number): string => {
    let out = '';
    let i = lowerBound(cuts, from);
    while (i < cuts.length && cuts[i]! < to) {
      const x = cuts[i]!;
      const y = Math.min(cuts[i + 1] ?? to, to);
      out += anchorsUpTo(x);
      out += piece(text.slice(x, y), covering(x, y));
      i++;
    }
    return out;
  };

  if (sents.length === 0) {
    return `<p class="raw">${region(0, len)}${anchorsUpTo(len)}</p>`;
  }

  let html = '<p>';
  let pos = 0;
  let paragraph = sents[0]!.paragraph;
  for (const s of sents) {
    const gap = text.slice(pos, s.start);
    if (s.paragraph !== paragraph) {
      if (/\S/.test(gap)) html += region(pos, s.start);
      else html += anchorsUpTo(s.start - 1);
      html += '</p>\n<p>';
      paragraph = s.paragraph;
    } else if (pos < s.start) {
      html += /\S/.test(gap) ? region(pos, s.start) : `${anchorsUpTo(s.start - 1)}${pos === 0 ? '' : ' '}`;
    }
    const m = markup(s);
    const cls = ['sent', ...m.classes].map(safeId).join(' ');
    const links = m.links.length > 0 ? ` data-links="${escapeHtml(m.links.map(safeId).join(' '))}"` : '';
    const title = m.title ? ` title="${escapeHtml(m.title)}"` : '';
    html += `<span id="${escapeHtml(safeId(m.id))}" class="${cls}"${links}${title}>${region(s.start, s.end)}</span>`;
    pos = s.end;
  }
  if (pos < len && /\S/.test(text.slice(pos))) html += region(pos, len);
  html += `${anchorsUpTo(len)}</p>`;
  return html;
}

function piece(raw: string, active: readonly Highlight[]): string {
  const body = escapeHtml(raw);
  if (active.length === 0 || raw.length === 0) return body;
  const classes = new Set<string>();
  let worst: ClaimStatus | null = null;
  const titles: string[] = [];
  for (const h of active) {
    if (!h.visible) continue;
    classes.add('mk');
    if (h.kind) classes.add(`k-${h.kind}`);
    if (h.conflict) classes.add('cf');
    if (h.status && (!worst || STATUS_RANK[h.status] > STATUS_RANK[worst])) worst = h.status;
    if (h.title) titles.push(h.title);
  }
  if (worst) classes.add(`c-${worst}`);
  const cls = classes.size > 0 ? ` class="${[...classes].map(safeId).join(' ')}"` : '';
  const title = titles.length > 0 ? ` title="${escapeHtml(titles.join('\n'))}"` : '';
  const ids = active.map((h) => safeId(h.anchor)).join(' ');
  return `<span${cls} data-m="${escapeHtml(ids)}"${title}>${body}</span>`;
}
