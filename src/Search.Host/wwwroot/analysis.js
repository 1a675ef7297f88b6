// The analysis views above the results: a bar chart of the matches over time (counts or share of
// each period's articles; click or drag across bars to filter to those periods), a pivot of two
// facets with heat-shaded counts (click a cell to filter to that pair), and downloads of every
// match. The views' own settings live in the URL beside the search's, so a view can be shared.
// Everything from the server goes in through textContent.
'use strict';

window.SearchAnalysis = (() => {
  const { el } = window.SearchDom;
  const PARAMS = ['chart', 'measure', 'pivot_rows', 'pivot_cols'];
  let view = read(location.search);
  let hooks = null;
  let root = null;
  let pivotAbort = null;
  let drag = null;

  function read(search) {
    const p = new URLSearchParams(search);
    return {
      chart: p.get('chart') === 'month' ? 'month' : 'year',
      measure: p.get('measure') === 'share' ? 'share' : 'count',
      rows: p.get('pivot_rows') ?? '',
      cols: p.get('pivot_cols') ?? '',
    };
  }


  function change(changes) {
    view = { ...view, ...changes };
    hooks.navigate({});
  }

  function percent(share) {
    return `${(share * 100).toLocaleString('en', { maximumFractionDigits: 1 })}%`;
  }

  // --- chart ----------------------------------------------------------------------------------

  function renderChart(histogram) {
    const section = el('section', 'timeline');
    section.setAttribute('aria-label', 'Matches over time');
    const controls = el('div', 'analysis-controls');
    controls.append(
      choice('Interval', 'chart-interval', [['year', 'Years'], ['month', 'Months']], view.chart, (v) => change({ chart: v })),
      choice('Show', 'chart-measure', [['count', 'Counts'], ['share', 'Share of all articles']], view.measure, (v) => change({ measure: v })));
    const readout = el('p', 'chart-readout', 'Hover a bar for its numbers; click or drag across bars to filter.');
    readout.setAttribute('aria-live', 'polite');
    section.append(controls);

    const buckets = histogram?.buckets ?? [];
    if (buckets.length === 0) {
      section.append(el('p', 'facet-empty', 'No dated articles to chart.'));
      return section;
    }
    const value = (b) => (view.measure === 'share' ? b.share : b.count);
    const largest = Math.max(...buckets.map(value), 0);
    const selected = new Set(hooks.filters()[histogram.interval] ?? []);
    const chart = el('div', 'chart');
    chart.dataset.interval = histogram.interval;
    buckets.forEach((bucket, index) => {
      const bar = el('button', 'bar');
      bar.type = 'button';
      bar.dataset.key = bucket.key;
      bar.dataset.index = String(index);
      const numbers = `${bucket.key}: ${bucket.count.toLocaleString('en')} of ${bucket.total.toLocaleString('en')} articles (${percent(bucket.share)})`;
      bar.title = numbers;
      bar.setAttribute('aria-label', numbers);
      if (selected.has(bucket.key)) bar.classList.add('selected');
      const fill = el('span', 'bar-fill');
      fill.style.height = `${largest > 0 ? (value(bucket) / largest) * 100 : 0}%`;
      bar.append(fill);
      bar.addEventListener('mouseenter', () => {
        readout.textContent = numbers;
        if (drag) extendDrag(chart, index);
      });
      bar.addEventListener('focus', () => { readout.textContent = numbers; });
      bar.addEventListener('mousedown', (event) => {
        event.preventDefault();
        drag = { from: index, to: index };
        extendDrag(chart, index);
      });
      bar.addEventListener('click', (event) => {
        // A mouse press ends in mouseup, which filters; a keyboard press arrives only as a click.
        if (event.detail === 0) filterTo(histogram.interval, [bucket.key]);
      });
      chart.append(bar);
    });
    chart.addEventListener('mouseup', () => {
      if (!drag) return;
      const [from, to] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
      drag = null;
      filterTo(histogram.interval, buckets.slice(from, to + 1).map((b) => b.key));
    });
    chart.addEventListener('mouseleave', () => {
      drag = null;
      chart.querySelectorAll('.bar.dragging').forEach((b) => b.classList.remove('dragging'));
    });
    const axis = el('div', 'chart-axis');
    axis.append(el('span', '', buckets[0].key), el('span', '', buckets[buckets.length - 1].key));
    section.append(chart, axis, readout);
    return section;
  }

  function extendDrag(chart, index) {
    drag.to = index;
    const [from, to] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
    chart.querySelectorAll('.bar').forEach((b) => {
      const i = Number(b.dataset.index);
      b.classList.toggle('dragging', i >= from && i <= to);
    });
  }

  function filterTo(interval, keys) {
    // A period filter replaces the other date filters, so the bars chosen are what the results show.
    hooks.navigate({ filters: { ...hooks.filters(), year: [], month: [], [interval]: keys }, from: '', to: '' });
  }

  function choice(label, name, options, current, onChange) {
    const wrap = el('label', 'analysis-choice');
    const select = el('select');
    select.name = name;
    select.id = name;
    for (const [value, text] of options) {
      const option = el('option', '', text);
      option.value = value;
      option.selected = value === current;
      select.append(option);
    }
    select.addEventListener('change', () => onChange(select.value));
    wrap.append(el('span', '', label), select);
    return wrap;
  }

  // --- pivot ----------------------------------------------------------------------------------

  function renderPivot(facets) {
    const section = el('section', 'pivot');
    section.setAttribute('aria-label', 'Pivot of two facets');
    const names = facets.filter((f) => f.kind !== 'integer').map((f) => [f.name, f.label]);
    const none = [['', '—']];
    const controls = el('div', 'analysis-controls');
    controls.append(
      choice('Rows', 'pivot-rows', none.concat(names), view.rows, (v) => change({ rows: v })),
      choice('Columns', 'pivot-cols', none.concat(names), view.cols, (v) => change({ cols: v })));
    section.append(controls);
    const body = el('div', 'pivot-body');
    section.append(body);
    if (view.rows && view.cols && view.rows !== view.cols) loadPivot(body);
    return section;
  }

  async function loadPivot(body) {
    pivotAbort?.abort();
    pivotAbort = new AbortController();
    const params = hooks.params();
    params.set('rows', view.rows);
    params.set('cols', view.cols);
    try {
      const response = await fetch(`api/pivot?${params}`, { signal: pivotAbort.signal, headers: { Accept: 'application/json' } });
      const table = await response.json();
      if (!response.ok) throw new Error(table.detail || `The server answered ${response.status}.`);
      body.replaceChildren(pivotTable(table));
    } catch (error) {
      if (error.name !== 'AbortError') body.replaceChildren(el('p', 'error', error.message));
    }
  }

  function pivotTable(table) {
    if (table.rows.length === 0 || table.cols.length === 0) return el('p', 'facet-empty', 'No matching article has both.');
    const largest = Math.max(1, ...table.counts.flat());
    const grid = el('table', 'pivot-table');
    const head = el('tr');
    head.append(el('th', 'corner', `${table.row_facet} \\ ${table.col_facet}`));
    table.cols.forEach((col, c) => {
      const th = el('th', '', col);
      th.scope = 'col';
      th.title = `${table.col_totals[c]} articles`;
      head.append(th);
    });
    const thead = el('thead');
    thead.append(head);
    grid.append(thead);
    const rows = el('tbody');
    table.rows.forEach((row, r) => {
      const tr = el('tr');
      const th = el('th', '', row);
      th.scope = 'row';
      th.title = `${table.row_totals[r]} articles`;
      tr.append(th);
      table.counts[r].forEach((count, c) => {
        const td = el('td', 'cell');
        const button = el('button', '', count.toLocaleString('en'));
        button.type = 'button';
        button.disabled = count === 0;
        button.title = `${row} and ${table.cols[c]}: ${count} articles`;
        button.addEventListener('click', () => {
          hooks.navigate({ filters: { ...hooks.filters(), [table.row_facet]: [row], [table.col_facet]: [table.cols[c]] } });
        });
        td.style.setProperty('--heat', String(count / largest));
        td.append(button);
        tr.append(td);
      });
      rows.append(tr);
    });
    grid.append(rows);
    return grid;
  }

  // --- downloads ------------------------------------------------------------------------------

  function renderDownloads() {
    const nav = el('p', 'downloads');
    nav.append(el('span', '', 'Download every match: '));
    for (const [format, text] of [['csv', 'CSV'], ['jsonl', 'JSON Lines']]) {
      const params = hooks.params();
      params.set('format', format);
      const link = el('a', 'download', text);
      link.href = `api/export?${params}`;
      link.setAttribute('download', '');
      nav.append(link, document.createTextNode(' '));
    }
    return nav;
  }

  return {
    /** URL parameters the views own; they are not facet filters. */
    params: PARAMS,

    /** hooks: navigate(changes), filters() → the current filters, params() → the search's query parameters (no page). */
    init(given) {
      hooks = given;
      root = document.getElementById('analysis');
    },

    /** Re-reads the views' settings after back/forward. */
    readUrl(search) {
      view = read(search);
    },

    /** Adds the views' settings to a page URL's parameters. */
    write(params) {
      if (view.chart !== 'year') params.set('chart', view.chart);
      if (view.measure !== 'count') params.set('measure', view.measure);
      if (view.rows) params.set('pivot_rows', view.rows);
      if (view.cols) params.set('pivot_cols', view.cols);
    },

    /** Asks the search for the chart's histogram. */
    request(params) {
      for (const name of PARAMS) params.delete(name);
      params.set('histogram', view.chart);
    },

    /** Draws the views for a search response. */
    render(body) {
      if (!root) return;
      root.replaceChildren(renderChart(body.histogram), renderPivot(body.facets), renderDownloads());
    },
  };
})();
