/**
 * The terminal report: what a fact-checker reads in seconds. Per story: header, conflicts, quotes, claims,
 * derivation, alignment. Every string from the input passes through `stripControls` at the single point
 * where lines are emitted, before any ANSI colour is added, so article text cannot inject escape sequences.
 */
import type { Claim, ClaimKind, ClaimStatus, Report, ReportArticle, StoryReport } from '../types.js';
import { clip, oneLine, stripControls } from './sanitize.js';
import { cappedNames, firstItems, PAIR_ROWS, SIDE_BY_SIDE_MAX, storyLayout } from './layout.js';
import {
  type ArticleIndex,
  KIND_ORDER,
  alignmentCounts,
  articleLabels,
  chronological,
  groupSides,
  rankedStatements,
  storySummary,
  summaryCounts,
  countOutlets,
  derivationPhrase,
  revisionPhrase,
  evidenceContext,
  fixed2,
  indexArticles,
  isPossibleFabrication,
  labelOf,
  quoted,
  signed,
  pct,
  plural,
} from './view.js';

export interface TextOptions {
  /** ANSI colour: red conflicts, yellow single-source, green corroborated. */
  color: boolean;
  /** Wrap width in columns (default 100, minimum 40). */
  width?: number;
}

type Tone = 'red' | 'yellow' | 'green' | 'bold' | 'dim';

interface Line {
  text: string;
  /** Indent of continuation lines when wrapped. */
  hang?: number;
  tone?: Tone;
}

const ANSI: Record<Tone, string> = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  green: '\u001b[32m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
};
const RESET = '\u001b[0m';
const EVIDENCE_CHARS = 100;

/** Renders the report for a terminal. Deterministic; colour codes only when `options.color`. */
export function renderText(report: Report, options: TextOptions): string {
  const width = Math.max(40, Math.floor(options.width ?? 100));
  const index = indexArticles(report);
  const lines: Line[] = [];

  const nStories = report.stories.length;
  lines.push({
    text: `Corroborate report · ${plural(report.articles.length, 'article')} · ${plural(nStories, 'story', 'stories')} · ${oneLine(report.generator)}`,
    tone: 'bold',
  });
  if (report.problems.length > 0) {
    lines.push({ text: `Skipped ${plural(report.problems.length, 'input')}:`, tone: 'yellow' });
    for (const p of report.problems) {
      const where = p.line !== undefined ? `${oneLine(p.input)}:${p.line}` : oneLine(p.input);
      lines.push({ text: `  ${where} — ${oneLine(p.message)}`, hang: 4 });
    }
  }
  if (nStories === 0) lines.push({ text: 'No stories: nothing could be compared.', tone: 'dim' });

  for (const story of report.stories) {
    lines.push({ text: '' });
    renderStory(story, index, lines);
  }

  return `${lines.flatMap((l) => emit(l, width, options.color)).join('\n')}\n`;
}

function renderStory(story: StoryReport, index: ArticleIndex, out: Line[]): void {
  const labels = articleLabels(story, index);
  const label = (id: string): string => oneLine(labelOf(labels, id));
  /** Outlet names of article ids, each once: the first CELL_ITEMS, then "+N more" (a big story has hundreds). */
  const names = (ids: readonly string[]): string => {
    const { shown, more } = cappedNames(ids, label);
    return `${shown.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
  };
  const nOutlets = countOutlets(story.articles, index);

  out.push({ text: `━━ Story ${oneLine(story.id)} · ${plural(story.articles.length, 'article')} ━━`, tone: 'bold' });
  const order = chronological(story, index);
  // A big story lists the articles the HTML shows side by side (layout.ts), then counts the rest.
  const layout = storyLayout(story, index);
  const listed = layout.complete ? order : layout.columns;
  const pad = Math.min(28, Math.max(0, ...listed.map((id) => label(id).length)));
  for (const id of listed) {
    const a = index.get(id);
    const date = a?.published ? oneLine(a.published) : 'date unknown';
    const title = a?.title ? `  ${clip(oneLine(a.title), 60)}` : '';
    const idNote = label(id) === oneLine(id) ? '' : `  [${oneLine(id)}]`;
    const copies = layout.copies.get(id);
    const copyNote = copies ? `  (+${plural(copies, 'near-verbatim copy', 'near-verbatim copies')})` : '';
    out.push({ text: `  ${label(id).padEnd(pad)}  ${date}${title}${idNote}${copyNote}`, hang: 6 });
  }
  if (!layout.complete) {
    const rest = story.articles.length - listed.length;
    out.push({
      text: `  … and ${plural(rest, 'more article')} from ${countOutlets(story.articles, index)} outlets in all (--format json or html lists every one)`,
      hang: 6,
      tone: 'dim',
    });
  }

  // SUMMARY: the story in a few lines.
  const summary = storySummary(story, index);
  out.push({ text: '' });
  out.push({ text: `  ${summaryCounts(summary)}`, hang: 4, tone: 'bold' });
  if (story.conflicts.length > 0) {
    const first = oneLine(story.conflicts[0]!.summary);
    const more = story.conflicts.length > 1 ? ` (+${story.conflicts.length - 1} more)` : '';
    out.push({ text: `  conflict: ${clip(first, 80)}${more}`, hang: 4, tone: 'red' });
  }
  if (story.derivation.length > 0) {
    const top = summary.directed.slice(0, 2).map((d) => `${derivationPhrase(d, label(d.a), label(d.b))} (${fixed2(d.confidence)})`);
    const more = summary.directed.length > 2 ? `; +${summary.directed.length - 2} more` : '';
    out.push({ text: `  derivation: ${top.length > 0 ? top.join('; ') + more : 'no clear direction between any pair'}`, hang: 4 });
  }

  // CONFLICTS
  out.push({ text: '' });
  if (story.conflicts.length === 0) {
    out.push({ text: 'CONFLICTS: none found', tone: 'dim' });
  } else {
    out.push({ text: `CONFLICTS (${story.conflicts.length})`, tone: 'bold' });
    for (const c of story.conflicts) {
      out.push({ text: `  ✗ ${c.type} — ${oneLine(c.summary)}`, hang: 6, tone: 'red' });
      const groups = groupSides(c);
      const grouped = groups.some((g) => g.sides.length > 1);
      for (const g of groups) {
        if (grouped) {
          out.push({ text: `      → ${oneLine(g.value)} — ${names(g.sides.map((side) => side.article))}`, hang: 10 });
        }
        const { shown: sides, more } = firstItems(g.sides, 3);
        for (const side of sides) {
          const ev = evidence(index.get(side.article), side.start, side.end);
          out.push({
            text: grouped
              ? `          ${label(side.article)}: ${ev} [${side.start}–${side.end}]`
              : `      ${label(side.article)}: ${ev} [${side.start}–${side.end}] → ${oneLine(side.value)}`,
            hang: grouped ? 14 : 10,
          });
        }
        if (more > 0) out.push({ text: `${grouped ? '          ' : '      '}… ${plural(more, 'more side')}`, hang: 14, tone: 'dim' });
      }
    }
  }

  // QUOTES
  const quotes = story.claims.filter((c) => c.kind === 'quote');
  out.push({ text: '' });
  if (quotes.length === 0) {
    out.push({ text: 'QUOTES: none found', tone: 'dim' });
  } else {
    out.push({ text: `QUOTES (${quotes.length})`, tone: 'bold' });
    const rank = (c: Claim): number => (isPossibleFabrication(c) ? 0 : c.status === 'conflicting' ? 1 : c.status === 'single-source' ? 2 : 3);
    const ordered = quotes.map((c, i) => ({ c, i })).sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i);
    for (const { c } of ordered) out.push(quoteLine(c, names, nOutlets, index));
  }

  // CLAIMS (quotes are listed above)
  const others = story.claims.filter((c) => c.kind !== 'quote');
  out.push({ text: '' });
  if (others.length === 0) {
    out.push({ text: 'CLAIMS: none found', tone: 'dim' });
  } else {
    const count = (s: ClaimStatus): number => others.filter((c) => c.status === s).length;
    out.push({
      text: `CLAIMS other than quotes · ${count('corroborated')} corroborated · ${count('single-source')} single-source · ${count('conflicting')} conflicting`,
      tone: 'bold',
    });
    claimGroup(out, others, 'corroborated', `  corroborated (by k of ${nOutlets} outlets)`, 'green', (c) =>
      `${clip(oneLine(c.text), 90)} (${countOutlets(c.articles, index)}/${nOutlets})`,
    );
    claimGroup(out, others, 'single-source', '  single-source (only one outlet)', 'yellow', (c) =>
      `${clip(oneLine(c.text), 90)} — only in ${names(c.articles)}`,
      (statements) => singleSourceStatements(statements, story, order, label),
      (c) => names(c.articles),
    );
    claimGroup(out, others, 'conflicting', '  conflicting (see conflicts)', 'red', (c) =>
      `${clip(oneLine(c.text), 90)} — ${names(c.articles)}`,
    );
  }

  // DERIVATION
  out.push({ text: '' });
  if (story.derivation.length === 0) {
    out.push({ text: 'DERIVATION: no pairs assessed', tone: 'dim' });
  } else {
    out.push({ text: 'DERIVATION', tone: 'bold' });
    const pairs = story.derivation.length > PAIR_ROWS ? summary.directed.slice(0, PAIR_ROWS) : story.derivation;
    if (pairs !== story.derivation) {
      out.push({ text: `  the ${pairs.length} most confident directed pairs of ${story.derivation.length} assessed (--format json lists every pair)`, hang: 4, tone: 'dim' });
    }
    for (const d of pairs) {
      const reuse = `reuse ${label(d.a)} in ${label(d.b)} ${pct(d.reuse.aInB)}, ${label(d.b)} in ${label(d.a)} ${pct(d.reuse.bInA)}`;
      out.push({ text: `  ${derivationPhrase(d, label(d.a), label(d.b))} (confidence ${fixed2(d.confidence)}; ${reuse})`, hang: 6 });
      out.push({ text: `      ${revisionPhrase(d, label(d.a), label(d.b))}`, hang: 10, tone: 'dim' });
      for (const e of d.evidence) {
        out.push({ text: `      · ${e.kind}: ${oneLine(e.detail)} (${signed(e.weight)})`, hang: 10, tone: 'dim' });
      }
    }
  }

  // ALIGNMENT
  out.push({ text: '' });
  if (story.alignments.length === 0) {
    out.push({ text: 'ALIGNMENT: no pairs', tone: 'dim' });
  } else {
    out.push({ text: 'ALIGNMENT (sentences)', tone: 'bold' });
    if (story.alignments.length > PAIR_ROWS) {
      out.push({ text: `  the first ${PAIR_ROWS} of ${story.alignments.length} aligned pairs (--format json lists every pair)`, hang: 4, tone: 'dim' });
    }
    for (const al of story.alignments.slice(0, PAIR_ROWS)) {
      const n = alignmentCounts(al);
      out.push({
        text: `  ${label(al.a)} ↔ ${label(al.b)}: ${n.same} same · ${n.paraphrase} paraphrase · ${n.partial} partial · unmatched ${n.unmatchedA} / ${n.unmatchedB}`,
        hang: 6,
      });
    }
  }
}

/** `names`: outlet names of article ids, capped (see renderStory). */
function quoteLine(c: Claim, names: (ids: readonly string[]) => string, nOutlets: number, index: ArticleIndex): Line {
  const q = quoted(clip(oneLine(c.text), EVIDENCE_CHARS));
  const who = c.speaker ? oneLine(c.speaker) : 'unknown speaker';
  const quotedIn = c.quotedIn ?? c.articles;
  const supportedIn = c.supportedIn ?? [];
  const translated = (c.translatedIn ?? []).length > 0 ? `; attested in the original, translated: ${names(c.translatedIn ?? [])}` : '';
  const first = c.mentions[0];
  const where = first ? ` [${first.start}–${first.end}]` : '';
  if (isPossibleFabrication(c)) {
    const only = names(quotedIn.length > 0 ? quotedIn : c.articles);
    return { text: `  ! possible fabrication — only in ${only}: ${q} — ${who}${where}`, hang: 6, tone: 'yellow' };
  }
  if (c.status === 'conflicting') {
    return { text: `  ✗ conflicting (see conflicts): ${q} — ${who}; in ${names(c.articles)}`, hang: 6, tone: 'red' };
  }
  const tone: Tone = c.status === 'corroborated' ? 'green' : 'yellow';
  if (quotedIn.length >= 2) {
    const k = countOutlets(quotedIn, index);
    const also = supportedIn.length > 0 ? `; content also reported by ${names(supportedIn)}` : '';
    return { text: `  ✓ quoted by ${k} of ${nOutlets} outlets (${names(quotedIn)})${also}${translated}: ${q} — ${who}`, hang: 6, tone };
  }
  const also = supportedIn.length > 0 ? `, content also reported by ${names(supportedIn)}` : '';
  return { text: `  ~ quoted only in ${names(quotedIn) || '?'}${also}${translated}: ${q} — ${who}`, hang: 6, tone };
}

const INLINE_KINDS: ReadonlySet<ClaimKind> = new Set(['number', 'date', 'entity', 'attribution']);

function claimGroup(
  out: Line[],
  claims: readonly Claim[],
  status: ClaimStatus,
  heading: string,
  tone: Tone,
  item: (c: Claim) => string,
  statementLines?: (statements: Claim[]) => Line[],
  home?: (c: Claim) => string,
): void {
  const group = claims.filter((c) => c.status === status);
  if (group.length === 0) return;
  out.push({ text: heading, tone });
  for (const kind of KIND_ORDER) {
    const ofKind = group.filter((c) => c.kind === kind);
    if (ofKind.length === 0) continue;
    if (kind === 'statement' && statementLines) {
      out.push(...statementLines(ofKind).map((l) => ({ ...l, tone })));
    } else if (INLINE_KINDS.has(kind) && home) {
      // One list per outlet: "Moscow, Kyiv — only in A; TASS — only in B".
      const byHome = new Map<string, string[]>();
      for (const c of ofKind) byHome.set(home(c), [...(byHome.get(home(c)) ?? []), clip(oneLine(c.text), 60)]);
      const parts = [...byHome].map(([where, texts]) => `${texts.join(', ')} — only in ${where}`);
      out.push({ text: `    ${kind}: ${parts.join('; ')}`, hang: 6 + kind.length, tone });
    } else if (INLINE_KINDS.has(kind)) {
      out.push({ text: `    ${kind}: ${ofKind.map(item).join('; ')}`, hang: 6 + kind.length, tone });
    } else {
      for (const c of ofKind) out.push({ text: `    ${kind}: ${item(c)}`, hang: 6 + kind.length, tone });
    }
  }
}

/** Single-source statements shown per article in the text report; the rest are counted. */
export const STATEMENTS_PER_ARTICLE = 5;

/**
 * Single-source statements grouped by article (in `order`): the STATEMENTS_PER_ARTICLE most informative
 * (see rankedStatements) in text order, then a count of the rest, which JSON and HTML list in full.
 */
function singleSourceStatements(statements: Claim[], story: StoryReport, order: string[], label: (id: string) => string): Line[] {
  const lines: Line[] = [];
  const byArticle = new Map<string, Claim[]>();
  for (const c of statements) {
    const home = c.articles[0] ?? c.mentions[0]?.article ?? '?';
    byArticle.set(home, [...(byArticle.get(home) ?? []), c]);
  }
  const all = [...order.filter((id) => byArticle.has(id)), ...[...byArticle.keys()].filter((id) => !order.includes(id))];
  // A big story: the articles with most single-source statements (at most SIDE_BY_SIDE_MAX), in story order.
  const kept = new Set([...all].sort((x, y) => byArticle.get(y)!.length - byArticle.get(x)!.length).slice(0, SIDE_BY_SIDE_MAX));
  const homes = all.filter((id) => kept.has(id));
  for (const id of homes) {
    const own = byArticle.get(id) ?? [];
    const shown = new Set(rankedStatements(own, story.claims, id).slice(0, STATEMENTS_PER_ARTICLE));
    lines.push({ text: `    statements only in ${label(id)} (${own.length}):`, hang: 8 });
    const at = (c: Claim): number => c.mentions.find((m) => m.article === id)?.start ?? Number.MAX_SAFE_INTEGER;
    for (const c of [...own].sort((x, y) => at(x) - at(y))) if (shown.has(c)) lines.push({ text: `      · ${clip(oneLine(c.text), 90)}`, hang: 8 });
    const rest = own.length - shown.size;
    if (rest > 0) {
      lines.push({
        text: `      … and ${rest} more single-source ${rest === 1 ? 'sentence' : 'sentences'} in ${label(id)} (see --format html or json)`,
        hang: 8,
      });
    }
  }
  if (all.length > homes.length) {
    const rest = all.filter((id) => !kept.has(id));
    const n = rest.reduce((k, id) => k + byArticle.get(id)!.length, 0);
    lines.push({ text: `    … and ${plural(n, 'single-source statement')} in ${plural(rest.length, 'more article')} (see --format html or json)`, hang: 8 });
  }
  return lines;
}

/** «…context with the evidence…», about EVIDENCE_CHARS long, from the article's text. */
function evidence(article: ReportArticle | undefined, start: number, end: number): string {
  if (!article) return '«?»';
  const ctx = evidenceContext(article.text, article.sentences, start, end, EVIDENCE_CHARS);
  const flat = (s: string): string => stripControls(s).replace(/\s+/g, ' ');
  const body = `${flat(ctx.before).trimStart()}${flat(ctx.match)}${flat(ctx.after).trimEnd()}`;
  return `«${ctx.clippedLeft ? '…' : ''}${body}${ctx.clippedRight ? '…' : ''}»`;
}


/** Wraps one logical line to `width` and adds colour. The only place text leaves this module. */
function emit(line: Line, width: number, color: boolean): string[] {
  const safe = stripControls(line.text).replace(/\n/g, ' ');
  const parts = wrap(safe, width, line.hang ?? 0);
  if (!color || !line.tone) return parts;
  const code = ANSI[line.tone];
  return parts.map((p) => (p.length > 0 ? `${code}${p}${RESET}` : p));
}

function wrap(text: string, width: number, hang: number): string[] {
  if (text.length <= width) return [text.trimEnd()];
  const indent = ' '.repeat(Math.min(hang, Math.floor(width / 2)));
  const lead = /^ */.exec(text)?.[0] ?? '';
  // Split on single spaces so runs of spaces (column padding) survive inside a line.
  const words = text.slice(lead.length).split(' ');
  const lines: string[] = [];
  let current = lead;
  let fresh = true;
  const push = (word: string): void => {
    current = fresh ? `${current}${word}` : `${current} ${word}`;
    fresh = false;
    // A single word longer than the line: hard-split it.
    while (current.length > width) {
      lines.push(current.slice(0, width));
      current = indent + current.slice(width);
    }
  };
  for (const word of words) {
    if (fresh || current.length + 1 + word.length <= width) {
      if (!(fresh && word === '' && current === indent && lines.length > 0)) push(word);
      continue;
    }
    lines.push(current);
    current = indent;
    fresh = true;
    if (word !== '') push(word);
  }
  lines.push(current);
  return lines.map((l) => l.trimEnd());
}
