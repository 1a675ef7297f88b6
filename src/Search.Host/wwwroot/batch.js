// The "Batch" tab: paste or upload a list of names or phrases, POST it to /api/batch with the page's
// current filters, and show a sortable table (entry, matches, first, last); an entry opens its search,
// and "Download CSV" asks the server for the same rows as CSV. app.js owns the URL state and tabs and
// calls show(on, state); everything else lives here. Text goes in through textContent only.
'use strict';

window.SearchBatch = (() => {
  const { el } = window.SearchDom;
  const COLUMNS = [
    { key: 'entry', label: 'Entry', text: true },
    { key: 'total', label: 'Matches' },
    { key: 'first', label: 'First', text: true },
    { key: 'last', label: 'Last', text: true },
  ];

  const results = document.getElementById('results');
  const section = el('section', 'batch');
  section.id = 'batch';
  section.hidden = true;
  section.setAttribute('aria-label', 'Batch search');
  document.querySelector('#results .tabs').after(section);

  const form = el('form', 'batch-form');
  const label = el('label', 'batch-label', 'Names or phrases, one a line');
  const entries = el('textarea');
  entries.id = 'batch-entries';
  entries.rows = 6;
  entries.spellcheck = false;
  entries.placeholder = 'Hafiz Saeed\nJamaat-ud-Dawa\nLashkar-e-Taiba';
  label.append(entries);
  const upload = el('label', 'batch-upload', 'Or upload a list (.txt, a line each; .csv, its first column) ');
  const file = el('input');
  file.type = 'file';
  file.id = 'batch-file';
  file.accept = '.txt,.csv,text/plain,text/csv';
  upload.append(file);
  const options = el('div', 'batch-options');
  const phrase = checkbox('batch-phrase', 'Exact phrase');
  const fuzzy = el('select');
  fuzzy.id = 'batch-fuzzy';
  for (const [value, text] of [['0', 'Exact words'], ['1', 'Fuzzy: 1 edit'], ['2', 'Fuzzy: 2 edits']]) {
    const option = el('option', '', text);
    option.value = value;
    fuzzy.append(option);
  }
  const run = el('button', 'primary', 'Run batch');
  run.type = 'submit';
  run.id = 'batch-run';
  const download = el('button', '', 'Download CSV');
  download.type = 'button';
  download.id = 'batch-download';
  download.disabled = true;
  options.append(phrase.label, fuzzy, run, download);
  form.append(label, upload, options);
  const status = el('p', 'batch-status');
  status.id = 'batch-status';
  status.setAttribute('role', 'status');
  const table = el('table', 'batch-table');
  table.id = 'batch-table';
  table.hidden = true;
  section.append(form, status, table);

  let state = null;
  let rows = [];
  let sort = { key: 'total', descending: true };

  function checkbox(id, text) {
    const box = el('input');
    box.type = 'checkbox';
    box.id = id;
    const wrapper = el('label', 'batch-check');
    wrapper.append(box, document.createTextNode(` ${text}`));
    return { box, label: wrapper };
  }

  /** Shows or hides the batch view; true when shown, so app.js skips its own search. */
  function show(on, current) {
    state = current;
    section.hidden = !on;
    results.classList.toggle('batch-mode', on);
    if (on) results.dataset.status = 'ready';
    return on;
  }

  function lines(text, csv) {
    const all = text.split(/\r?\n/).map((line) => line.trim());
    if (!csv) return all.filter((line) => line && !line.startsWith('#'));
    return all.slice(1).map(firstCell).filter(Boolean);
  }

  function firstCell(line) {
    if (!line.startsWith('"')) return line.split(',')[0].trim();
    const close = line.indexOf('"', 1);
    return (close < 0 ? line.slice(1) : line.slice(1, close)).trim();
  }

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    entries.value = lines(await chosen.text(), /\.csv$/i.test(chosen.name)).join('\n');
  });

  function body() {
    const filters = {};
    for (const [facet, values] of Object.entries(state?.filters ?? {})) {
      if (values.length) filters[facet] = values;
    }
    if (state?.from) filters.from = [state.from];
    if (state?.to) filters.to = [state.to];
    return {
      entries: lines(entries.value, false),
      options: { phrase: phrase.box.checked, fuzzy: Number(fuzzy.value), hits: 0 },
      filters,
    };
  }

  async function post(accept) {
    const response = await fetch('api/batch', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: accept },
      body: JSON.stringify(body()),
    });
    if (!response.ok) {
      let detail = null;
      try {
        detail = (await response.json()).detail;
      } catch {
        detail = null;
      }
      throw new Error(detail || `The server answered ${response.status}.`);
    }
    return response;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (lines(entries.value, false).length === 0) {
      status.textContent = 'Write or upload at least one name or phrase.';
      return;
    }
    results.dataset.status = 'loading';
    status.textContent = 'Searching…';
    try {
      const answer = await (await post('application/json')).json();
      rows = answer.results;
      const failed = rows.filter((r) => r.error).length;
      const matched = rows.filter((r) => !r.error && r.total > 0).length;
      status.textContent = `${rows.length} entries, ${matched} with matches, ${failed} with errors.`;
      download.disabled = false;
      draw();
    } catch (error) {
      status.textContent = error instanceof TypeError ? 'The search service could not be reached.' : error.message;
    } finally {
      results.dataset.status = 'ready';
    }
  });

  download.addEventListener('click', async () => {
    try {
      const blob = await (await post('text/csv')).blob();
      const link = el('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'batch.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (error) {
      status.textContent = error.message;
    }
  });

  function compare(a, b) {
    const column = COLUMNS.find((c) => c.key === sort.key);
    const x = a[sort.key] ?? '';
    const y = b[sort.key] ?? '';
    const order = column.text ? String(x).localeCompare(String(y)) : x - y;
    return sort.descending ? -order : order;
  }

  function searchLink(row) {
    const params = new URLSearchParams();
    for (const [facet, values] of Object.entries(state?.filters ?? {})) {
      for (const value of values) params.append(facet, value);
    }
    if (state?.from) params.set('from', state.from);
    if (state?.to) params.set('to', state.to);
    params.set('q', row.query ?? row.entry);
    const link = el('a', 'batch-entry', row.entry);
    link.href = `?${params}`;
    return link;
  }

  function draw() {
    const head = el('tr');
    for (const column of COLUMNS) {
      const th = el('th');
      th.scope = 'col';
      th.setAttribute('aria-sort', sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
      const button = el('button', 'batch-sort', column.label);
      button.type = 'button';
      button.dataset.key = column.key;
      button.addEventListener('click', () => {
        sort = { key: column.key, descending: sort.key === column.key ? !sort.descending : !column.text };
        draw();
      });
      th.append(button);
      head.append(th);
    }
    const bodyRows = [...rows].sort(compare).map((row) => {
      const tr = el('tr');
      if (row.error) tr.className = 'batch-error';
      const entry = el('td');
      entry.append(row.error ? el('span', '', row.entry) : searchLink(row));
      if (row.error) entry.append(el('span', 'batch-error-text', row.error));
      tr.append(entry, el('td', 'number', row.error ? '' : String(row.total)), el('td', '', row.first ?? ''), el('td', '', row.last ?? ''));
      return tr;
    });
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    tbody.append(...bodyRows);
    table.replaceChildren(thead, tbody);
    table.hidden = false;
  }

  return { show };
})();
