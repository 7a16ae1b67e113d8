// @ts-check
// The loaded file: its size and shape, the first rows, and per column the dtype, missing
// count, distinct values and the describe() statistics. Every name and value from the file
// is set as text.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el, setText } = ui.dom;
  const fmt = ui.format;

  const STATS = [['mean', 'Mean'], ['std', 'Std'], ['min', 'Min'], ['p25', '25%'], ['p50', '50%'], ['p75', '75%'], ['max', 'Max']];
  const PREVIEW_ROWS = 10;

  function createDatasetView() {
    const box = byId('dataset');
    const empty = byId('dataset-empty');
    const name = byId('dataset-name');
    const fileInfo = byId('file-info');
    const preview = byId('preview');
    const columns = byId('columns');

    function targetBadge(isTarget) {
      return isTarget ? el('span', { className: 'badge target', text: 'target' }) : null;
    }

    function renderPreview(summary, target) {
      const head = el('tr', {}, summary.columns.map((column) =>
        el('th', { scope: 'col' }, [column.name, targetBadge(column.name === target)])));
      const rows = summary.head.slice(0, PREVIEW_ROWS).map((cells) => el('tr', {}, cells.map((cell) =>
        (cell === '' ? el('td', { className: 'missing', text: 'empty' }) : el('td', { text: cell, title: cell.length > 24 ? cell : undefined })))));
      preview.tHead.replaceChildren(head);
      preview.tBodies[0].replaceChildren(...rows);
      setText(preview.caption, `First ${Math.min(PREVIEW_ROWS, summary.head.length)} rows of the file`);
    }

    function renderColumns(summary, target) {
      const head = el('tr', {}, [
        el('th', { scope: 'col', className: 'text', text: 'Column' }),
        el('th', { scope: 'col', className: 'text', text: 'Type' }),
        el('th', { scope: 'col', text: 'Missing' }),
        el('th', { scope: 'col', text: 'Distinct' }),
        ...STATS.map(([, label]) => el('th', { scope: 'col', text: label })),
        el('th', { scope: 'col', className: 'text', text: 'Most frequent' }),
      ]);
      const rows = summary.columns.map((column) => {
        const numeric = column.dtype !== 'object';
        const top = numeric || column.top === undefined ? fmt.DASH : `${column.top} (${fmt.integer(column.freq)})`;
        const categories = !numeric && column.categories ? `Categories: ${column.categories.join(', ')}` : undefined;
        return el('tr', {}, [
          el('th', { scope: 'row', className: 'text' }, [column.name, targetBadge(column.name === target)]),
          el('td', { className: 'text' }, [el('span', { className: `badge ${column.dtype}`, text: column.dtype, title: categories })]),
          el('td', { className: column.missing > 0 ? 'warn' : undefined }, [
            column.missing > 0 ? el('span', { className: 'badge warn', text: fmt.integer(column.missing) }) : '0']),
          el('td', { text: fmt.integer(column.distinct) }),
          // A year column's figures are years (2008, not 2,008), but its spread is a number of years.
          ...STATS.map(([key]) => el('td', { text: numeric ? fmt.stat(column[key], key === 'std' ? '' : fmt.columnKind(column)) : fmt.DASH })),
          el('td', { className: 'text', text: top, title: categories }),
        ]);
      });
      columns.tHead.replaceChildren(head);
      columns.tBodies[0].replaceChildren(...rows);
    }

    function renderFileInfo(data) {
      const { summary } = data;
      const missing = summary.columns.reduce((sum, column) => sum + column.missing, 0);
      const text = summary.columns.filter((column) => column.dtype === 'object').length;
      fileInfo.replaceChildren(
        el('div', { className: 'file-name', text: data.name }),
        el('div', { className: 'file-meta', text: `${fmt.plural(summary.rows, 'row')} × ${fmt.plural(summary.columns.length, 'column')} · ${fmt.bytes(data.bytes)}` }),
        el('div', { className: 'file-meta', text: `${fmt.delimiter(summary.delimiter)} · ${fmt.plural(text, 'text column')} · ${missing === 0 ? 'no missing values' : fmt.plural(missing, 'missing value')}` }),
      );
      fileInfo.hidden = false;
    }

    let shown = null; // the data last rendered

    // data: { name, bytes, summary }; target: the selected target column.
    function render(data, target) {
      shown = data;
      if (!data) {
        box.hidden = true;
        empty.hidden = false;
        fileInfo.hidden = true;
        setText(name, '');
        return;
      }
      setText(name, `${data.name} · ${fmt.plural(data.summary.rows, 'row')} × ${fmt.plural(data.summary.columns.length, 'column')}`);
      renderFileInfo(data);
      renderPreview(data.summary, target);
      renderColumns(data.summary, target);
      box.hidden = false;
      empty.hidden = true;
    }

    // The data shown, again, marking another target column.
    /** @param {string} target */
    function showTarget(target) {
      render(shown, target);
    }

    return { render, showTarget };
  }

  ui.createDatasetView = createDatasetView;
})(window.gradtapeUI = window.gradtapeUI || {});
