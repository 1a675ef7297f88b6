// Saved searches on the page: "Save this search" keeps the search in the URL under a name (PUT, which
// needs the host's API key, asked once and kept for the tab), and the list shows each saved search with
// a badge counting matches indexed since it was last run. Opening one runs it (marking its matches
// seen) and shows it as an ordinary search. Self-contained: it reads the same URL the search page writes.
'use strict';

(() => {
  const KEY_STORAGE = 'search.apiKey';
  const list = document.getElementById('saved-list');
  const saveButton = document.getElementById('save-search');
  const status = document.getElementById('saved-status');
  if (!list || !saveButton) return;

  function searchParams() {
    const p = new URLSearchParams(location.search);
    p.delete('page');
    p.delete('cursor');
    return p;
  }

  function pageUrl(saved) {
    const p = new URLSearchParams();
    if (saved.query) p.set('q', saved.query);
    for (const [facet, values] of Object.entries(saved.filters)) {
      for (const value of values) p.append(facet, value);
    }
    const years = saved.ranges.year;
    if (years && years.from !== null) p.set('from', String(years.from));
    if (years && years.to !== null) p.set('to', String(years.to));
    if (saved.sort) p.set('sort', saved.sort);
    const query = p.toString();
    return query ? `/?${query}` : '/';
  }

  function say(message) {
    status.textContent = message;
    status.hidden = message === '';
  }

  async function load() {
    try {
      const response = await fetch('/api/saved', { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`The saved searches could not be loaded (${response.status}).`);
      render((await response.json()).searches);
    } catch (error) {
      say(error.message);
    }
  }

  function render(searches) {
    list.replaceChildren();
    if (searches.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'saved-empty';
      empty.textContent = 'None yet.';
      list.append(empty);
      return;
    }
    for (const saved of searches) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = pageUrl(saved);
      link.textContent = saved.name;
      link.title = `${saved.matches} matches`;
      link.addEventListener('click', async (event) => {
        event.preventDefault();
        // Running it with new=true marks its matches seen, so the badge starts again from zero.
        await fetch(`/api/saved/${encodeURIComponent(saved.name)}?new=true&size=0`).catch(() => {});
        location.assign(link.href);
      });
      item.append(link);
      if (saved.new > 0) {
        const badge = document.createElement('span');
        badge.className = 'saved-badge';
        badge.textContent = `${saved.new} new`;
        item.append(' ', badge);
      }
      list.append(item);
    }
  }

  saveButton.addEventListener('click', async () => {
    const name = prompt('Save this search as (letters, digits, - _ .):');
    if (!name) return;
    let key = sessionStorage.getItem(KEY_STORAGE);
    if (!key) {
      key = prompt('The API key of this host (saving needs it):');
      if (!key) return;
    }
    const response = await fetch(`/api/saved/${encodeURIComponent(name.trim())}?${searchParams()}`, {
      method: 'PUT',
      headers: { 'X-Api-Key': key, Accept: 'application/json' },
    });
    if (response.ok) {
      sessionStorage.setItem(KEY_STORAGE, key);
      say(`Saved as ${name.trim()}.`);
      load();
      return;
    }
    if (response.status === 401) sessionStorage.removeItem(KEY_STORAGE);
    const problem = await response.json().catch(() => null);
    say(response.status === 404 || response.status === 405
      ? 'This host does not accept saved searches (it runs without an API key).'
      : problem?.detail ?? `Not saved (${response.status}).`);
  });

  load();
})();
