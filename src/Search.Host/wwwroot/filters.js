// Facet value chips, the removable "current filters" pills and the "Filters" toggle of narrow
// windows. Chips say which facet a value belongs to (a visually hidden label for screen readers,
// a distinct look per facet for the eye), so a group and a person are never confused.
'use strict';

window.SearchFilters = (() => {
  const { el } = window.SearchDom;

  const label = (facet) => facet.replaceAll('_', ' ');
  const capital = (text) => `${text[0].toUpperCase()}${text.slice(1)}`;

  /** A chip for one facet value on a hit or in the reader. */
  function chip(facet, value) {
    const node = el('span', `tag tag-${facet}`);
    node.dataset.facet = facet;
    node.title = `${capital(label(facet))}: ${value}`;
    node.append(el('span', 'visually-hidden', `${label(facet)}: `), value);
    return node;
  }

  /**
   * The pills for the current filters; each removes its filter with <paramref name="remove"/>
   * (facet, value), the year range with (null, null).
   */
  function renderPills(container, state, remove) {
    const pills = [];
    for (const [facet, values] of Object.entries(state.filters)) {
      // A bare number says nothing on its own; "Year 2019" does.
      for (const value of values) pills.push([facet, value, /^\d+$/.test(value) ? `${capital(label(facet))} ${value}` : value]);
    }
    if (state.from || state.to) {
      const range = state.from && state.to ? `${state.from}–${state.to}` : state.from ? `from ${state.from}` : `to ${state.to}`;
      pills.push([null, null, `Years ${range}`]);
    }
    container.replaceChildren(...pills.map(([facet, value, text]) => {
      const item = el('li');
      const button = el('button', `pill ${facet ? `tag-${facet}` : 'pill-years'}`);
      button.type = 'button';
      button.dataset.facet = facet ?? 'years';
      const what = facet && text === value ? `${label(facet)} ${text}` : text;
      button.setAttribute('aria-label', `Remove filter: ${what}`);
      button.append(el('span', '', text), el('span', 'pill-x', '×'));
      button.addEventListener('click', () => remove(facet, value));
      item.append(button);
      return item;
    }));
    container.hidden = pills.length === 0;
    return pills.length;
  }

  // On a narrow window the filter rail is folded behind a button so the first result is on the
  // first screen; on a wide one the button is not displayed and the rail always shows.
  const toggle = document.getElementById('filters-toggle');
  const rail = document.getElementById('filters');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    rail.classList.toggle('open', open);
    if (open) rail.querySelector('h2')?.focus();
  });

  /** Shows how many filters are set on the toggle. */
  function countOnToggle(count) {
    toggle.querySelector('.filters-count').textContent = count > 0 ? ` (${count})` : '';
  }

  return { chip, renderPills, countOnToggle };
})();
