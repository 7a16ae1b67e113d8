// @ts-check
// The "Training history" table: one row per epoch, the text alternative to the charts, with the
// epoch fields the engine marks as its summary (their labels and order from its epoch field
// table). The best epoch so far by the monitored figure is marked (★). Keeps the newest row in
// view while the reader is at the bottom.
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
    /** @type {Map<number, HTMLTableRowElement>} the row of each epoch */
    const rows = new Map();
    /** @type {HTMLTableRowElement | null} */
    let best = null;

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
      rows.clear();
      best = null;
      empty.hidden = false;
    }

    // logs: the new epochs; bestEpoch: the best so far by the monitored figure (progress.bestEpoch),
    // named by `monitorLabel`.
    /** @param {EpochLog[]} logs @param {number} [bestEpoch] @param {string} [monitorLabel] */
    function addRows(logs, bestEpoch = 0, monitorLabel = 'Val loss') {
      if (!logs.length) return;
      const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
      body.append(...logs.map((log) => {
        const row = el('tr', {}, columns.map((field) => el('td', { text: cell(field, log[field.key]) })));
        rows.set(log.epoch, row);
        return row;
      }));
      markBest(bestEpoch, monitorLabel);
      empty.hidden = true;
      // Scrolled at the start of the next frame, when layout is clean: scrolling now would force
      // the new rows' layout inside this task.
      if (atBottom) requestAnimationFrame(() => { scroller.scrollTop = scroller.scrollHeight; });
    }

    /** @param {number} epoch @param {string} monitorLabel */
    function markBest(epoch, monitorLabel) {
      const row = rows.get(epoch);
      if (!row || row === best) return; // not drawn yet: marked with a later batch of rows
      if (best) { best.classList.remove('best'); best.removeAttribute('title'); }
      best = row;
      if (row) {
        row.classList.add('best');
        row.title = `The best epoch so far by ${monitorLabel}`;
      }
    }

    reset();
    return { reset, addRows, markBest };
  }

  ui.createHistoryView = createHistoryView;
})(window.gradtapeUI = window.gradtapeUI || {});
