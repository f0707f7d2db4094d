/**
 * #/add — paste an article or upload files, POST them to /api/v1/articles, show what happened with links
 * to the stories. Nothing is fetched from the internet: a saved page is sent as HTML, not as a URL.
 *   .txt / .md         → one article (front matter and the headline rule as in `compare`)
 *   .html / .htm       → `{ html }` (the server extracts the article)
 *   .jsonl / .ndjson   → sent as application/x-ndjson (one article per line)
 */
import { parseFrontMatter } from '../../../src/ingest/frontmatter.js';
import { postArticles, postJsonl, postSavedPage, type NewArticle, type PostResult } from '../api.js';
import { append, h, replaceChildren } from '../dom.js';
import { errorBox } from '../feedback.js';
import { plural } from '../format.js';
import { storyHash } from '../router.js';

const MAX_HEADLINE_CHARS = 250;

/** A .txt/.md file as an article: front matter, then "first line + blank line" is the headline. */
export function textFileArticle(content: string, markdown: boolean): NewArticle | null {
  const normalised = content.replace(/\r\n?/g, '\n');
  const fm = parseFrontMatter(normalised);
  const meta = fm?.meta ?? {};
  let body = (fm ? fm.body : normalised).replace(/^(?:[ \t]*\n)+/, '');
  let title = meta.title;
  const nl = body.indexOf('\n');
  if (nl > 0) {
    const first = body.slice(0, nl);
    const rest = body.slice(nl + 1);
    const atx = markdown ? /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(first) : null;
    const blankFollows = /^[ \t]*\n/.test(rest) && rest.trim() !== '';
    const candidate = (atx ? atx[1]! : first).trim();
    const same = (a: string, b: string): boolean => a.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim() === b.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if ((blankFollows || (atx && rest.trim() !== '')) && first.trim().length <= MAX_HEADLINE_CHARS && candidate !== '' && (title === undefined || same(candidate, title))) {
      title = title ?? candidate;
      body = rest.replace(/^(?:[ \t]*\n)+/, '');
    }
  }
  const text = body.trimEnd();
  if (text.trim() === '') return null;
  const out: NewArticle = { text };
  if (title) out.title = title;
  if (meta.source) out.source = meta.source;
  if (meta.url) out.url = meta.url;
  if (meta.published) out.published = meta.published;
  if (meta.id) out.id = meta.id;
  return out;
}

interface Job {
  name: string;
  run: () => Promise<PostResult>;
}

function extension(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

function fileJob(file: File): Job {
  const ext = extension(file.name);
  return {
    name: file.name,
    run: async () => {
      const content = await file.text();
      if (ext === 'txt' || ext === 'md' || ext === 'markdown') {
        const article = textFileArticle(content, ext !== 'txt');
        if (!article) throw new Error(`${file.name}: no article text found`);
        return postArticles([article]);
      }
      if (ext === 'html' || ext === 'htm') return postSavedPage({ html: content });
      if (ext === 'jsonl' || ext === 'ndjson') return postJsonl(content);
      throw new Error(`${file.name}: unsupported file type (use .txt, .md, .html or .jsonl)`);
    },
  };
}

const STATUS_WORDS: Record<string, string> = {
  new: 'added',
  duplicate: 'already stored (same text)',
  conflict: 'not added: another article has this id',
};

function outcome(name: string, r: PostResult): HTMLElement {
  const counts = [plural(r.added, 'article') + ' added', plural(r.duplicates, 'duplicate'), plural(r.conflicts, 'id conflict'), `${r.skipped} skipped`].join(' · ');
  const section = h('section', { class: 'outcome', 'data-testid': 'add-outcome' }, h('h3', {}, name), h('p', { class: 'counts' }, counts));
  if (r.articles.length > 0) {
    append(
      section,
      h(
        'ul',
        { class: 'outcome-articles' },
        ...r.articles.map((a) =>
          h(
            'li',
            { 'data-status': a.status },
            h('code', {}, a.id),
            `: ${STATUS_WORDS[a.status] ?? a.status}`,
            a.story ? ' · ' : '',
            a.story ? h('a', { href: storyHash(a.story), 'data-testid': 'outcome-story-link' }, 'open its story') : '',
          ),
        ),
      ),
    );
  }
  if (r.problems.length > 0) {
    append(
      section,
      h('p', {}, 'Problems:'),
      h(
        'ul',
        { class: 'problems' },
        // A note on an article that was read (`kept`) says so; any other line is an input that was skipped.
        ...r.problems.map((p) => h('li', {}, p.kept ? 'kept, ' : 'skipped, ', typeof p.line === 'number' ? `line ${p.line}: ` : '', p.message)),
      ),
    );
  }
  if (r.stories.length > 0) {
    append(section, h('p', {}, 'Stories changed: ', ...r.stories.flatMap((id, i) => [i > 0 ? ', ' : '', h('a', { href: storyHash(id) }, id)])));
  }
  return section;
}

function field(id: string, labelText: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  control.id = id;
  const hintEl = hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control, hintEl);
}

export function renderAdd(view: HTMLElement): void {
  document.title = 'Add articles · Corroborate';
  const title = h('input', { type: 'text', name: 'title', autocomplete: 'off' });
  const source = h('input', { type: 'text', name: 'source', autocomplete: 'off', placeholder: 'e.g. Valley Courier' });
  const published = h('input', { type: 'date', name: 'published' });
  const url = h('input', { type: 'text', name: 'url', autocomplete: 'off', inputmode: 'url', placeholder: 'https://… (kept as text, never fetched)' });
  const text = h('textarea', { name: 'text', rows: 12 });
  const files = h('input', { type: 'file', name: 'files', multiple: true, accept: '.txt,.md,.html,.htm,.jsonl,.ndjson' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Add to the corpus');
  const result = h('div', { class: 'add-result', 'data-testid': 'add-result', 'aria-live': 'polite' });

  const form = h(
    'form',
    { class: 'add-form', 'data-testid': 'add-form', novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Paste an article'),
      field('a-title', 'Title', title),
      h('div', { class: 'field-row' }, field('a-source', 'Outlet', source), field('a-published', 'Published', published)),
      field('a-url', 'URL', url),
      field('a-text', 'Text', text, 'Paragraphs separated by blank lines.'),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Or upload files'),
      field('a-files', 'Files', files, '.txt or .md (one article each, front matter allowed), .html (a saved page), .jsonl (one article per line).'),
    ),
    h('div', { class: 'actions' }, submit),
  );

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const jobs: Job[] = [];
    if (text.value.trim() !== '') {
      const a: NewArticle = { text: text.value.replace(/\r\n?/g, '\n').trim() };
      if (title.value.trim()) a.title = title.value.trim();
      if (source.value.trim()) a.source = source.value.trim();
      if (published.value) a.published = published.value;
      if (url.value.trim()) a.url = url.value.trim();
      jobs.push({ name: a.title ? `Pasted: ${a.title}` : 'Pasted article', run: () => postArticles([a]) });
    }
    for (const f of files.files ?? []) jobs.push(fileJob(f));
    if (jobs.length === 0) {
      replaceChildren(result, errorBox(new Error('Paste an article text or choose a file first.')));
      text.focus();
      return;
    }
    submit.disabled = true;
    replaceChildren(result, h('p', { class: 'loading', role: 'status' }, `Adding ${plural(jobs.length, 'input')}…`));
    void (async () => {
      const parts: HTMLElement[] = [];
      let failed = false;
      for (const job of jobs) {
        try {
          parts.push(outcome(job.name, await job.run()));
        } catch (err) {
          failed = true;
          parts.push(h('section', { class: 'outcome' }, h('h3', {}, job.name), errorBox(err)));
        }
      }
      replaceChildren(result, h('h2', { tabindex: '-1' }, 'Result'), ...parts, h('p', {}, h('a', { href: '#/' }, 'Back to the stories')));
      submit.disabled = false;
      if (!failed) form.reset();
      result.querySelector('h2')?.focus();
    })();
  });

  replaceChildren(
    view,
    h('h1', {}, 'Add articles'),
    h('p', { class: 'muted' }, 'Articles are grouped into stories and compared as soon as they are added. Nothing is fetched from the internet.'),
    form,
    result,
  );
}
