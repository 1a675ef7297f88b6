// The article reader: a hit opened in full at its own address (#/article/ID on the search's URL),
// so the back button closes it and a link to it can be shared. The server escapes title_html and
// body_html (only <mark> is markup); everything else goes in through textContent.
'use strict';

(() => {
  const { safeUrl } = window.SearchDom;
  const ROUTE = '#/article/';
  const view = document.getElementById('reader');
  const list = document.querySelector('.layout');
  let opener = null; // the link that opened the reader, to give focus back to
  let openedFromList = false;
  let loading = null;

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const articleId = () => (location.hash.startsWith(ROUTE) ? decodeURIComponent(location.hash.slice(ROUTE.length)) : null);

  /** The address of the reader for an article, keeping the current search so the reader can highlight it. */
  function href(id) {
    return `${location.search}${ROUTE}${encodeURIComponent(id)}`;
  }


  function close() {
    // Going back keeps history tidy when the reader was opened from the list; a shared reader link
    // has nothing to go back to, so it drops the fragment instead.
    if (openedFromList) {
      history.back();
    } else {
      history.pushState(null, '', location.pathname + location.search);
      route();
    }
  }

  async function route() {
    const id = articleId();
    if (id === null) {
      if (!view.hidden) {
        view.hidden = true;
        list.hidden = false;
        opener?.focus();
        opener = null;
        openedFromList = false;
      }
      return;
    }
    list.hidden = true;
    view.hidden = false;
    view.dataset.status = 'loading';
    loading?.abort();
    loading = new AbortController();
    const q = new URLSearchParams(location.search).get('q') ?? '';
    const address = `api/articles/${encodeURIComponent(id)}${q ? `?q=${encodeURIComponent(q)}` : ''}`;
    try {
      const response = await fetch(address, { signal: loading.signal, headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => null);
      if (!response.ok) throw new Error((body && (body.detail || body.title)) || `The server answered ${response.status}.`);
      render(body);
    } catch (error) {
      if (error.name === 'AbortError') return;
      renderError(error instanceof TypeError ? 'The search service could not be reached.' : error.message);
    }
    view.dataset.status = 'ready';
    view.querySelector('h2').focus();
  }

  function backButton() {
    const back = el('button', 'link-button reader-back', '← Back to results');
    back.type = 'button';
    back.setAttribute('aria-keyshortcuts', 'Escape');
    back.addEventListener('click', close);
    return back;
  }

  function renderError(message) {
    const heading = el('h2', 'reader-title', 'Article not available');
    heading.tabIndex = -1;
    view.replaceChildren(backButton(), heading, el('p', 'error', message));
  }

  function render(article) {
    const heading = el('h2', 'reader-title');
    heading.tabIndex = -1;
    heading.innerHTML = article.title_html || '';
    if (!article.title) heading.textContent = article.id;

    const meta = el('p', 'hit-meta reader-meta');
    if (article.byline) meta.append(el('span', 'byline', article.byline));
    meta.append(el('span', 'date', article.published ? article.published.slice(0, 10) : article.facets.year?.[0] ?? 'Undated'));
    for (const [facet, values] of Object.entries(article.facets)) {
      if (facet === 'year') continue;
      for (const value of values) meta.append(SearchFilters.chip(facet, value));
    }
    const parts = [backButton(), heading, meta];

    const url = article.url && safeUrl(article.url);
    if (url) {
      const original = el('a', 'reader-original', 'Read the original ↗');
      original.href = url;
      original.rel = 'noopener noreferrer';
      parts.push(el('p', 'reader-source'));
      parts.at(-1).append(original);
    }
    for (const warning of article.warnings) parts.push(el('p', 'warnings reader-warning', warning));

    const text = el('div', 'reader-body');
    text.innerHTML = article.body_html; // escaped by the server; only <mark> is markup
    parts.push(text);

    if (article.evidence.length > 0) {
      const why = el('section', 'reader-evidence');
      why.setAttribute('aria-label', 'Why it carries these tags');
      why.append(el('h3', '', 'Why these tags'));
      const items = el('dl');
      for (const e of article.evidence) {
        const term = el('dt');
        term.append(SearchFilters.chip(e.facet, e.value));
        items.append(term, el('dd', '', e.sentence));
      }
      why.append(items);
      parts.push(why);
    }
    const matches = text.querySelectorAll('mark');
    if (matches.length > 0) {
      const hint = el('p', 'reader-hint', `${matches.length} ${matches.length === 1 ? 'match' : 'matches'} · n / p: next / previous match · Esc: back`);
      parts.splice(3, 0, hint);
    }
    view.replaceChildren(...parts);
    matches.forEach((mark) => { mark.tabIndex = -1; });
    view.dataset.matches = String(matches.length);
    // Start where the query matched, so a long article does not hide why it was found.
    matches[0]?.scrollIntoView({ block: 'center' });
    window.scrollTo({ top: 0 });
  }

  // Opening from a hit: remember the link for focus and that "back" returns to the list.
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[data-article]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    opener = link;
    openedFromList = true;
  });

  // n and p step through the matches in the text, as in less or a browser's find bar.
  function stepMatch(delta) {
    const marks = [...view.querySelectorAll('.reader-body mark')];
    if (marks.length === 0) return;
    const at = marks.indexOf(document.activeElement);
    const next = marks[(at + delta + marks.length + (at < 0 && delta < 0 ? 1 : 0)) % marks.length];
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: 'center' });
  }

  document.addEventListener('keydown', (event) => {
    if (view.hidden || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if ((event.key === 'n' || event.key === 'p') && !event.target.closest?.('input, textarea, select')) {
      event.preventDefault();
      stepMatch(event.key === 'n' ? 1 : -1);
    }
  });

  window.addEventListener('hashchange', route);
  window.addEventListener('popstate', route);
  window.SearchReader = { href, isOpen: () => articleId() !== null };
  route();
})();
