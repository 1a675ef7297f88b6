// Discovery on the search page: "Did you mean" (one click), a "Similar" link on each hit, the
// copies of a story folded into a hit, and the banner of a similar-articles list. app.js calls
// these hooks; everything is inserted through textContent.
'use strict';

window.SearchDiscovery = (() => {
  const { el } = window.SearchDom;

  // The URL to fetch: the similar-articles endpoint when the page lists articles like one.
  function searchUrl(state, params) {
    if (!state.similar) return `api/search?${params}`;
    params.delete('q');
    return `api/articles/${encodeURIComponent(state.similar)}/similar?${params}`;
  }

  // "Did you mean X?" above the hits, or the "Like …" banner of a similar-articles list.
  function renderNotice(container, body, state, go) {
    container.replaceChildren();
    container.hidden = true;
    if (state.similar) {
      const banner = el('p', 'similar-banner', 'Articles like ');
      banner.append(el('strong', '', state.similar), ' (its copies left out). ');
      const back = el('button', 'link-button', 'Back to the search');
      back.type = 'button';
      back.addEventListener('click', () => go({ similar: '' }));
      banner.append(back);
      container.append(banner);
      container.hidden = false;
      return;
    }
    if (!body.suggestion) return;
    const line = el('p', 'suggestion', 'Did you mean ');
    const link = el('button', 'link-button suggestion-query', body.suggestion.query);
    link.type = 'button';
    link.addEventListener('click', () => go({ q: body.suggestion.query }));
    line.append(link, `? (${body.suggestion.total.toLocaleString('en')} ${body.suggestion.total === 1 ? 'result' : 'results'})`);
    container.append(line);
    container.hidden = false;
  }

  // Under a hit: its folded copies and the "Similar" link.
  function decorateHit(item, hit, go) {
    const row = el('p', 'hit-discovery');
    if (hit.duplicates) {
      const copies = hit.duplicates.count === 1 ? '1 copy' : `${hit.duplicates.count} copies`;
      const sites = hit.duplicates.sites.length ? `: ${hit.duplicates.sites.join(', ')}` : '';
      row.append(el('span', 'duplicates', `+ ${copies} of this story${sites}`));
    }
    const similar = el('button', 'link-button similar-link', 'Similar');
    similar.type = 'button';
    similar.addEventListener('click', () => go({ similar: hit.id }));
    row.append(similar);
    item.append(row);
  }

  return { searchUrl, renderNotice, decorateHit };
})();
