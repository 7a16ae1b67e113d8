// @ts-check
// What the model relies on: permutation importance on the validation rows, computed by the engine
// a frame-sized slice at a time (startImportance, then stepImportance within a budget per
// frame), then drawn as a bar chart: one bar per column, its length the mean drop in the
// monitored figure when that column is shuffled, with the spread over the repeats beside it.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el, setText } = ui.dom;
  const fmt = ui.format;

  // Per frame, at most this long inside stepImportance().
  const STEP_BUDGET_MS = 8;

  /** @param {{ session: () => any, onError: (error: unknown) => void }} options */
  function createImportanceView({ session, onError }) {
    const box = byId('importance-box');
    const note = byId('importance-note');
    const list = byId('importance-list');
    const scheduler = ui.createScheduler({ work: slice, budgetMs: STEP_BUDGET_MS });

    function reset() {
      scheduler.stop();
      box.hidden = true;
      list.replaceChildren();
    }

    // Starts computing for the weights the session holds now (a finished run's).
    function start() {
      reset();
      let total = 0;
      try {
        total = session().startImportance({}).total;
      } catch (error) {
        onError(error);
        return;
      }
      box.hidden = false;
      setText(note, `Shuffling each column of the validation rows in turn: 0 of ${fmt.integer(total)} shuffles…`);
      scheduler.start();
    }

    /** @param {{ budgetMs: number }} frame */
    function slice({ budgetMs }) {
      let progress;
      try {
        progress = session().stepImportance(budgetMs);
      } catch (error) {
        onError(error);
        return false;
      }
      if (!progress.done) {
        setText(note, `Shuffling each column of the validation rows in turn: ${fmt.integer(progress.completed)} of ${fmt.integer(progress.total)} shuffles…`);
        return true;
      }
      draw(session().importance());
      return false;
    }

    /** @param {any} result */
    function draw(result) {
      const worse = result.higherIsBetter ? 'lower' : 'higher';
      setText(note, `How much ${result.figureLabel} gets worse (${worse}) when one column's values are shuffled among the validation rows, `
        + `the mean over ${fmt.plural(result.repeats, 'shuffle')} (± their standard deviation), from ${fmt.fixed(result.baseline)} unshuffled. `
        + 'Longer bars: columns the model relies on more. A bar near zero, or below it, is a column it could do without.');
      const top = Math.max(1e-12, ...result.columns.map((c) => Math.abs(c.mean)));
      list.replaceChildren(...result.columns.map((column) => {
        const share = Math.min(1, Math.abs(column.mean) / top);
        return el('li', { className: column.mean < 0 ? 'negative' : '' }, [
          el('span', { className: 'importance-name', text: column.name, title: column.name }),
          el('span', { className: 'importance-bar', style: { '--share': share.toFixed(4) }, 'aria-hidden': 'true' }),
          el('span', { className: 'importance-value', text: `${fmt.fixed(column.mean)} ± ${fmt.fixed(column.std)}` }),
        ]);
      }));
    }

    return { reset, start };
  }

  ui.createImportanceView = createImportanceView;
})(window.gradtapeUI = window.gradtapeUI || {});
