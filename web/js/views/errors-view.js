// @ts-check
// The validation rows the model gets wrong (for a regression, its largest residuals), as the
// engine's errorRows() lists them: the CSV line, the row's original values, the truth, the
// prediction and its confidence (or residual). Each column header sorts the table, the other
// way on a second press (aria-sort says which); the engine's full list downloads as CSV.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el, setText } = ui.dom;
  const fmt = ui.format;

  // The rows put in the page's table; the download holds them all.
  const SHOWN_ROWS = 200;

  /** @param {{ onDownload: () => void }} options */
  function createErrorsView({ onDownload }) {
    const box = byId('errors-box');
    const note = byId('errors-note');
    const table = /** @type {HTMLTableElement} */ (byId('errors-table'));
    const caption = byId('errors-caption');
    byId('download-errors').addEventListener('click', () => onDownload());
    /** @type {{ header: string, value: (row: any) => any, numeric: boolean, text: (row: any) => string }[]} */
    let columns = [];
    /** @type {any[]} */
    let rows = [];
    let sort = { column: -1, descending: true };

    function reset() {
      box.hidden = true;
      rows = [];
      table.tHead.replaceChildren();
      table.tBodies[0].replaceChildren();
    }

    function renderBody() {
      const order = rows.slice();
      if (sort.column >= 0) {
        const { value } = columns[sort.column];
        const sign = sort.descending ? -1 : 1;
        order.sort((a, b) => {
          const x = value(a);
          const y = value(b);
          return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true }));
        });
      }
      table.tBodies[0].replaceChildren(...order.map((row) => el('tr', {}, columns.map((column) => el('td', {
        className: column.numeric ? '' : 'text', text: column.text(row),
      })))));
      [...table.tHead.querySelectorAll('th')].forEach((th, i) => {
        if (i === sort.column) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
        else th.removeAttribute('aria-sort');
      });
    }

    /** @param {number} index */
    function sortBy(index) {
      sort = { column: index, descending: sort.column === index ? !sort.descending : true };
      renderBody();
    }

    // list: the engine's errorRows() for the weights in use.
    /** @param {any} list */
    function show(list) {
      box.hidden = false;
      const regression = list.task === 'regression';
      rows = list.rows.slice(0, SHOWN_ROWS);
      const measure = regression
        ? { header: 'Residual', value: (r) => r.residual, numeric: true, text: (r) => fmt.stat(r.residual) }
        : { header: 'Confidence', value: (r) => r.confidence, numeric: true, text: (r) => `${(100 * r.confidence).toFixed(1)}%` };
      columns = [
        { header: 'CSV line', value: (r) => r.row, numeric: true, text: (r) => String(r.row) },
        ...list.columns.map((name, i) => ({ header: name, value: (r) => numberOr(r.values[i]), numeric: false, text: (r) => r.values[i] })),
        { header: 'Truth', value: (r) => r.truth, numeric: regression, text: (r) => (regression ? fmt.stat(r.truth) : String(r.truth)) },
        { header: 'Prediction', value: (r) => r.prediction, numeric: regression, text: (r) => (regression ? fmt.stat(r.prediction) : String(r.prediction)) },
        measure,
      ];
      table.tHead.replaceChildren(el('tr', {}, columns.map((column, i) => {
        const button = el('button', { type: 'button', className: 'sort-button', text: column.header });
        button.addEventListener('click', () => sortBy(i));
        return el('th', { scope: 'col', className: column.numeric ? '' : 'text' }, [button]);
      })));
      sort = { column: -1, descending: true };
      renderBody();
      const what = regression ? 'validation rows with the largest residuals' : 'misclassified validation rows';
      setText(caption, regression ? 'Largest residuals (validation rows)' : 'Misclassified validation rows');
      setText(note, list.total === 0
        ? 'The model gets every validation row right.'
        : `${fmt.integer(list.total)} ${what}${list.total > rows.length ? `; the first ${fmt.integer(rows.length)} are shown, the download holds all` : ''}. `
          + (regression ? 'Largest first. Press a column to sort by it.' : 'Most confident first. Press a column to sort by it.'));
      table.hidden = list.total === 0;
    }

    return { reset, show };
  }

  // A cell's number if it is one, for sorting numbers as numbers.
  /** @param {string} text */
  function numberOr(text) {
    const x = Number(text);
    return text !== '' && Number.isFinite(x) ? x : text;
  }

  ui.createErrorsView = createErrorsView;
})(window.gradtapeUI = window.gradtapeUI || {});
