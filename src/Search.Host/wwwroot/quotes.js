// The "Statements" tab: renders the statements of GET /api/quotes (what speakers said, searched by
// their own words). app.js owns the state, the filters and the fetching; this file only draws a
// page of statements. Only the server's escaped HTML (text_html) is inserted as HTML.
'use strict';

window.SearchQuotes = (() => {
  const { el, safeUrl } = window.SearchDom;


  function renderQuote(quote) {
    const item = el('li', 'hit quote');
    const words = el('blockquote', 'quote-text');
    words.innerHTML = quote.text_html; // escaped by the server; only <mark> is markup
    const who = el('p', 'quote-speaker', quote.speaker);
    const source = el('p', 'hit-meta');
    source.append(el('span', 'date', quote.year ? String(quote.year) : 'Undated'));
    const href = safeUrl(quote.url);
    const title = href ? el('a', '', quote.title || quote.article_id) : el('span', '', quote.title || quote.article_id);
    if (href) {
      title.href = href;
      title.rel = 'noopener noreferrer';
    }
    source.append(title);
    item.append(who, words, source);
    return item;
  }

  /** Replaces the list's items with the statements, or a line saying there are none. */
  function render(list, quotes) {
    list.replaceChildren(...(quotes.length === 0
      ? [el('li', 'empty', 'No statements match. Try fewer words, or clear some filters.')]
      : quotes.map(renderQuote)));
  }

  return { render };
})();
