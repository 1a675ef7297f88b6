// The search page. State lives in the URL's query string, so a search can be shared and the back
// button works. Only the server's highlighted HTML (title_html, passage html), which the server
// escapes, is inserted as HTML; everything else goes in through textContent.
'use strict';

(() => {
  const { el, safeUrl } = window.SearchDom;
  const PAGE_SIZE = 10;
  // Every other query parameter is a facet filter: the facets, their labels and kinds come from
  // the API's response, so a facet added on the server appears here without a change.
  const NOT_FACETS = new Set(['q', 'from', 'to', 'sort', 'page', 'size', 'cursor', 'fragments', 'facet', 'similar', 'collapse', 'explain', 'view', ...SearchAnalysis.params]);

  const $ = (id) => document.getElementById(id);
  const ui = {
    searchForm: $('search-form'),
    q: $('q'),
    yearForm: $('year-form'),
    from: $('from'),
    to: $('to'),
    sort: $('sort'),
    clear: $('clear-filters'),
    facets: $('facets'),
    results: $('results'),
    summary: $('summary'),
    error: $('error'),
    warnings: $('warnings'),
    notice: $('discovery-notice'),
    hits: $('hits'),
    pager: $('pager'),
    prev: $('prev'),
    next: $('next'),
    pageInfo: $('page-info'),
    pills: $('pills'),
  };

  let state = readState(location.search);
  let lastResponse = null;
  let searchAbort = null;

  // --- state <-> URL ---------------------------------------------------------------------------

  function readState(search) {
    const p = new URLSearchParams(search);
    const page = Number.parseInt(p.get('page') ?? '1', 10);
    const filters = {};
    for (const name of new Set(p.keys())) {
      if (!NOT_FACETS.has(name)) filters[name] = p.getAll(name);
    }
    return {
      q: p.get('q') ?? '',
      filters,
      from: p.get('from') ?? '',
      to: p.get('to') ?? '',
      sort: p.get('sort') ?? '',
      view: ['statements', 'batch'].includes(p.get('view')) ? p.get('view') : '',
      page: Number.isFinite(page) && page > 1 ? page : 1,
      similar: p.get('similar') ?? '',
    };
  }

  function toParams(s, withPage = true) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    for (const [facet, values] of Object.entries(s.filters)) {
      for (const value of values) p.append(facet, value);
    }
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
    if (s.sort) p.set('sort', s.sort);
    if (s.view) p.set('view', s.view);
    if (withPage && s.page > 1) p.set('page', String(s.page));
    if (withPage) SearchAnalysis.write(p);
    if (s.similar) p.set('similar', s.similar);
    return p;
  }

  function navigate(changes) {
    state = { ...state, page: 1, ...changes };
    const query = toParams(state).toString();
    history.pushState(null, '', query ? `?${query}` : location.pathname);
    search();
  }

  window.addEventListener('popstate', () => {
    if (toParams(readState(location.search)).toString() === toParams(state).toString() && lastResponse) return; // the reader opened or closed
    state = readState(location.search);
    SearchAnalysis.readUrl(location.search);
    search();
  });

  // --- events ----------------------------------------------------------------------------------

  ui.searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ q: ui.q.value.trim(), similar: '' });
  });

  ui.yearForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ from: ui.from.value.trim(), to: ui.to.value.trim() });
  });

  ui.sort.addEventListener('change', () => navigate({ sort: ui.sort.value }));

  ui.clear.addEventListener('click', () => navigate({ filters: {}, from: '', to: '' }));

  document.querySelectorAll('[data-view]').forEach((tab) => tab.addEventListener('click', () => navigate({ view: tab.dataset.view })));

  ui.prev.addEventListener('click', () => turnPage(-1));
  ui.next.addEventListener('click', () => turnPage(1));

  function turnPage(delta) {
    navigate({ page: state.page + delta });
    ui.results.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }

  function removeFilter(facet, value) {
    if (facet === null) navigate({ from: '', to: '' });
    else toggle(facet, value, false);
  }

  function toggle(facet, value, on) {
    const values = (state.filters[facet] ?? []).filter((v) => v !== value);
    if (on) values.push(value);
    navigate({ filters: { ...state.filters, [facet]: values } });
  }

  // --- fetching --------------------------------------------------------------------------------

  async function getJson(url, signal) {
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok) {
      const detail = body && (body.detail || body.title);
      throw new Error(detail || `The server answered ${response.status}.`);
    }
    return body;
  }

  async function search() {
    syncInputs();
    if (SearchBatch.show(state.view === 'batch', state)) return;
    searchAbort?.abort();
    searchAbort = new AbortController();
    const params = toParams(state);
    params.set('size', String(PAGE_SIZE));
    SearchAnalysis.request(params);
    ui.results.dataset.status = 'loading';
    ui.results.setAttribute('aria-busy', 'true');
    try {
      const body = await getJson(state.view === 'statements' ? `api/quotes?${params}` : SearchDiscovery.searchUrl(state, params), searchAbort.signal);
      lastResponse = body;
      render(body);
      ui.results.dataset.status = 'ready';
    } catch (error) {
      if (error.name === 'AbortError') return;
      showError(error instanceof TypeError ? 'The search service could not be reached.' : error.message);
      ui.results.dataset.status = 'error';
    } finally {
      ui.results.removeAttribute('aria-busy');
    }
  }

  function syncInputs() {
    ui.q.value = state.q;
    ui.from.value = state.from;
    ui.to.value = state.to;
    // Without a query there is nothing to rank by, so the server lists newest first: say so.
    const sort = [...ui.sort.options].some((o) => o.value === state.sort) ? state.sort : '';
    ui.sort.value = sort === '' && !state.q ? 'newest' : sort;
    ui.sort.options[0].disabled = !state.q;
    document.querySelectorAll('[data-view]').forEach((tab) => tab.setAttribute('aria-selected', String(tab.dataset.view === state.view)));
    document.title = state.q ? `${state.q} – Statement search` : 'Statement search';
  }

  // --- rendering -------------------------------------------------------------------------------


  function showError(message) {
    ui.error.textContent = message;
    ui.error.hidden = false;
  }

  function render(body) {
    ui.error.hidden = true;
    renderSummary(body);
    renderWarnings(body.warnings ?? []);
    if (body.quotes) {
      ui.notice.replaceChildren();
      window.SearchQuotes.render(ui.hits, body.quotes);
    } else {
      SearchDiscovery.renderNotice(ui.notice, body, state, navigate);
      renderHits(body.hits);
    }
    renderPager(body.total);
    renderFacets(body.facets);
    SearchAnalysis.render(body);
    SearchFilters.countOnToggle(SearchFilters.renderPills(ui.pills, state, removeFilter));
  }

  function renderSummary(body) {
    const count = `${body.total.toLocaleString('en')} ${body.total === 1 ? 'result' : 'results'}`;
    const forQuery = body.query ? ` for “${body.query}”` : '';
    ui.summary.textContent = `${count}${forQuery} · ${body.took_ms.toLocaleString('en')} ms`;
  }

  function renderWarnings(warnings) {
    ui.warnings.replaceChildren(...warnings.map((w) => el('li', '', w)));
    ui.warnings.hidden = warnings.length === 0;
  }


  function renderHits(hits) {
    if (hits.length === 0) {
      ui.hits.replaceChildren(el('li', 'empty', 'No articles match. Try fewer words, or clear some filters.'));
      return;
    }
    ui.hits.replaceChildren(...hits.map(renderHit));
  }

  function renderHit(hit) {
    const item = el('li', 'hit');
    const heading = el('h2', 'hit-title');
    const title = el('a');
    title.href = SearchReader.href(hit.id);
    title.dataset.article = hit.id;
    if (hit.title) {
      title.innerHTML = hit.title_html; // escaped by the server; only <mark> is markup
    } else {
      title.textContent = hit.id;
    }
    heading.append(title);
    item.append(heading);

    const meta = el('p', 'hit-meta');
    const year = hit.facets.year?.[0];
    const date = hit.published ? hit.published.slice(0, 10) : year ?? 'Undated';
    meta.append(el('span', 'date', date));
    // Periods (year, month) are the date shown first.
    const periods = new Set((lastResponse?.facets ?? []).filter((f) => f.period).map((f) => f.name));
    for (const [facet, values] of Object.entries(hit.facets)) {
      if (facet === 'year' || periods.has(facet)) continue;
      for (const value of values) meta.append(SearchFilters.chip(facet, value));
    }
    const href = safeUrl(hit.url);
    if (href) {
      const original = el('a', 'original', 'Original ↗');
      original.href = href;
      original.rel = 'noopener noreferrer';
      meta.append(original);
    }
    item.append(meta);

    for (const passage of hit.passages) {
      const p = el('p', 'passage');
      p.innerHTML = passage.html; // escaped by the server; only <mark> is markup
      item.append(p);
    }
    SearchDiscovery.decorateHit(item, hit, navigate);
    return item;
  }

  function renderPager(total) {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    ui.pager.hidden = total <= PAGE_SIZE && state.page === 1;
    ui.prev.disabled = state.page <= 1;
    ui.next.disabled = state.page >= pages;
    ui.pageInfo.textContent = `Page ${state.page.toLocaleString('en')} of ${pages.toLocaleString('en')}`;
  }

  function facetKey(facet, value) {
    return `${facet}\u0000${value}`;
  }

  function renderFacets(facets) {
    // Re-rendering replaces the checkboxes; keep keyboard focus on the one the user was on.
    const focusedKey = document.activeElement?.dataset?.key;
    const finds = new Map([...ui.facets.querySelectorAll('input[data-find]')].map((i) => [i.dataset.find, i.value]));
    ui.facets.replaceChildren(...facets.map((facet) => renderFacet(facet, finds.get(facet.name) ?? '')));
    if (focusedKey) {
      const target = [...ui.facets.querySelectorAll('[data-key]')].find((n) => n.dataset.key === focusedKey);
      target?.focus();
    }
    for (const [name, prefix] of finds) {
      if (prefix) findValues(name, prefix);
    }
  }

  function renderFacet(facet, prefix) {
    const fieldset = el('fieldset', 'facet');
    fieldset.dataset.facet = facet.name;
    fieldset.append(el('legend', '', facet.label));

    // Text values can be found by a word; numbers (years) are few and listed in order instead.
    const numeric = facet.kind === 'integer';
    if (!numeric) {
      const findLabel = `Find a ${facet.name.replaceAll('_', ' ')}`;
      const find = el('input', 'facet-find');
      find.type = 'search';
      find.placeholder = findLabel;
      find.setAttribute('aria-label', findLabel);
      find.dataset.find = facet.name;
      find.dataset.key = facetKey(facet.name, '\u0001find');
      find.value = prefix;
      let timer = 0;
      find.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(() => findValues(facet.name, find.value.trim()), 200);
      });
      fieldset.append(find);
    }

    const values = numeric
      ? [...facet.values].sort((a, b) => Number(b.value) - Number(a.value))
      : facet.values;
    fieldset.append(renderValues(facet.name, values));
    return fieldset;
  }

  function renderValues(name, values) {
    if (values.length === 0) return el('p', 'facet-empty', 'None');
    const list = el('ul', 'facet-values');
    values.forEach((v) => {
      const item = el('li');
      const label = el('label');
      const box = el('input');
      box.type = 'checkbox';
      box.checked = v.selected;
      box.dataset.key = facetKey(name, v.value);
      box.addEventListener('change', () => toggle(name, v.value, box.checked));
      label.append(box, el('span', 'value', v.value), el('span', 'count', v.count.toLocaleString('en')));
      item.append(label);
      list.append(item);
    });
    return list;
  }

  async function findValues(name, prefix) {
    const fieldset = ui.facets.querySelector(`fieldset[data-facet="${name}"]`);
    if (!fieldset) return;
    let values;
    if (prefix) {
      const params = toParams(state, false);
      params.set('prefix', prefix);
      params.set('limit', '15');
      try {
        values = (await getJson(`api/facets/${encodeURIComponent(name)}?${params}`)).values;
      } catch (error) {
        showError(error.message);
        return;
      }
    } else {
      values = lastResponse?.facets.find((f) => f.name === name)?.values ?? [];
    }
    const current = fieldset.querySelector('.facet-values, .facet-empty');
    current?.replaceWith(renderValues(name, values));
  }

  SearchAnalysis.init({ navigate, filters: () => state.filters, params: () => toParams(state, false) });
  search();
})();
