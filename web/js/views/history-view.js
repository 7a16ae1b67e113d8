// @ts-check
// The "Training history" table: one row per epoch, the text alternative to the charts, with the
// epoch fields the engine marks as its summary (their labels and order from its epoch field
// table). The epoch with the lowest validation loss is marked. Keeps the newest row in view
// while the reader is at the bottom.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el } = ui.dom;
  const fmt = ui.format;

  // The columns of a task's table: the epoch fields the engine marks as its summary.
  /** @param {string} task @returns {EpochFieldSpec[]} */
  const columnsFor = (task) => window.gradtapeTables.epochFields.filter((field) => field.summary && field.tasks.includes(task));

  /** @param {EpochFieldSpec} field @param {number} value */
  function cell(field, value) {
    return field.kind === 'epoch' ? String(value) : field.kind === 'units' ? fmt.stat(value) : fmt.fixed(value);
  }

  function createHistoryView() {
    const head = byId('history-head');
    const body = byId('history-body');
    const scroller = byId('history-scroll');
    const empty = byId('history-empty');
    let best = { loss: Infinity, row: null };

    /** @type {EpochFieldSpec[]} */
    let columns = [];

    // Empties the table, with the columns of `task`'s fields.
    /** @param {string} [task] */
    function reset(task = 'binary') {
      const next = columnsFor(task);
      if (next.map((f) => f.key).join() !== columns.map((f) => f.key).join()) {
        columns = next;
        head.replaceChildren(el('tr', {}, columns.map((field) => el('th', { scope: 'col', text: field.label }))));
      }
      if (body.childElementCount) body.replaceChildren();
      best = { loss: Infinity, row: null };
      empty.hidden = false;
    }

    function addRows(logs) {
      if (!logs.length) return;
      const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
      const rows = logs.map((log) => {
        const row = el('tr', {}, columns.map((field) => el('td', { text: cell(field, log[field.key]) })));
        if (Number.isFinite(log.valLoss) && log.valLoss < best.loss) {
          if (best.row) { best.row.classList.remove('best'); best.row.removeAttribute('title'); }
          best = { loss: log.valLoss, row };
          row.classList.add('best');
          row.title = 'Lowest validation loss so far';
        }
        return row;
      });
      body.append(...rows);
      empty.hidden = true;
      // Scrolled at the start of the next frame, when layout is clean: scrolling now would force
      // the new rows' layout inside this task.
      if (atBottom) requestAnimationFrame(() => { scroller.scrollTop = scroller.scrollHeight; });
    }

    reset();
    return { reset, addRows };
  }

  ui.createHistoryView = createHistoryView;
})(window.gradtapeUI = window.gradtapeUI || {});
