/** Entry point: routes hash changes to views, one view at a time; errors are shown as messages. */
import './styles.css';
import { h, replaceChildren } from './dom.js';
import { startRouter, type Route } from './router.js';
import { errorBox } from './feedback.js';
import { renderList } from './views/list.js';
import { renderStory } from './views/story.js';
import { renderAdd } from './views/add.js';
import { renderNetwork } from './views/network.js';
import { renderOutlet } from './views/outlet.js';

const main = document.getElementById('main');
if (!main) throw new Error('index.html has no <main id="main">');

let current: AbortController | null = null;

function markNav(route: Route): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    const section = route.name === 'outlet' ? 'network' : route.name;
    if (a.dataset.nav === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function show(route: Route): Promise<void> {
  current?.abort();
  const ctl = new AbortController();
  current = ctl;
  const view = h('div', { class: `view view-${route.name}` });
  replaceChildren(main!, view);
  markNav(route);
  try {
    switch (route.name) {
      case 'list':
        await renderList(view, route.query, ctl.signal);
        break;
      case 'story':
        await renderStory(view, route.id, ctl.signal);
        break;
      case 'add':
        renderAdd(view);
        break;
      case 'network':
        await renderNetwork(view, route.query, ctl.signal);
        break;
      case 'outlet':
        await renderOutlet(view, route.outlet, route.query, ctl.signal);
        break;
      default:
        document.title = 'Not found · Corroborate';
        replaceChildren(view, h('h1', {}, 'Not found'), h('p', {}, 'There is no page at ', h('code', {}, route.path), '. ', h('a', { href: '#/' }, 'Back to the stories'), '.'));
    }
  } catch (err) {
    if (ctl.signal.aborted) return;
    replaceChildren(view, errorBox(err), h('p', {}, h('a', { href: '#/' }, 'Back to the stories')));
  }
}

// The skip link focuses <main> without touching the hash (the hash is the route).
document.querySelector('.skip-link')?.addEventListener('click', (ev) => {
  ev.preventDefault();
  main.focus();
});

startRouter((route) => void show(route));
