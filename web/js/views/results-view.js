// @ts-check
// The validation results of the last completed epoch, by task: for classification the confusion
// matrix as a heat map labelled with the class names (each row shaded by its share of the actual
// class), the headline figures, and for more than two classes each class's scores; for
// regression a predicted-against-actual plot, a residuals plot, and MAE, RMSE and R².
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el, setText } = ui.dom;
  const fmt = ui.format;

  // The harmonic mean of precision and recall (0 when both are 0, as Keras' F1Score).
  const f1 = (precision, recall) => (precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0);
  const KINDS = [['true negative', 'false positive'], ['false negative', 'true positive']];
  // The headline figures of each task: [label, read from the epoch log or the evaluation].
  const FIGURES = {
    binary: [['Accuracy', (log) => fmt.fixed(log.valAccuracy)], ['Precision', (log) => fmt.fixed(log.valPrecision)],
      ['Recall', (log) => fmt.fixed(log.valRecall)], ['F1', (log) => fmt.fixed(f1(log.valPrecision, log.valRecall))],
      ['AUC', (log) => fmt.fixed(log.valAuc)]],
    multiclass: [['Accuracy', (log) => fmt.fixed(log.valAccuracy)], ['Macro-F1', (log) => fmt.fixed(log.valMacroF1)]],
    regression: [['MAE', (log) => fmt.stat(log.valMae)], ['RMSE', (log) => fmt.stat(log.valRmse)], ['R²', (log) => fmt.fixed(log.valR2)]],
  };

  function createResultsView() {
    const epochNote = byId('results-epoch');
    const confusionBox = byId('confusion-box');
    const table = /** @type {HTMLTableElement} */ (byId('confusion'));
    const plots = byId('regression-plots');
    const metrics = byId('metrics');
    const scoresBox = byId('class-scores-box');
    const scoresBody = /** @type {HTMLTableElement} */ (byId('class-scores')).tBodies[0];
    const fit = ui.createScatterPlot(/** @type {HTMLCanvasElement} */ (byId('fit-plot')),
      { name: 'Predicted against actual', xLabel: 'Actual', yLabel: 'Predicted', reference: 'identity' });
    const residuals = ui.createScatterPlot(/** @type {HTMLCanvasElement} */ (byId('residual-plot')),
      { name: 'Residuals', xLabel: 'Predicted', yLabel: 'Predicted − actual', reference: 'zero' });
    /** @type {{ task: string, classes: string[] }} */
    let layout = { task: '', classes: [] };
    /** @type {HTMLElement[][]} */
    let cells = [];
    /** @type {HTMLElement[]} */
    let values = [];
    /** @type {{ evaluation: any, log: EpochLog, epochs: number } | null} */
    let last = null;

    // The matrix's rows and columns, with placeholders of the figures' size.
    /** @param {string[]} classes */
    function buildMatrix(classes) {
      const small = classes.length > 2;
      table.classList.toggle('many', classes.length > 6);
      table.style.setProperty('--k', String(classes.length)); // the matrix's width (style.css)
      table.tHead.replaceChildren(el('tr', {}, [el('td'),
        ...classes.map((name) => el('th', { scope: 'col', text: small ? name : `Predicted ${name}`, title: `Predicted ${name}` }))]));
      cells = classes.map(() => []);
      table.tBodies[0].replaceChildren(...classes.map((name, a) => el('tr', {}, [
        el('th', { scope: 'row', text: small ? name : `Actual ${name}`, title: `Actual ${name}` }),
        ...classes.map((_, p) => {
          const cell = el('td', { className: 'cell' });
          cells[a][p] = cell;
          return cell;
        }),
      ])));
    }

    // Placeholders for a run of `plan`'s task (null: before any run), so its epochs change no layout.
    /** @param {Plan | null} plan */
    function reset(plan) {
      const task = plan ? plan.task : 'binary';
      const classes = plan && plan.task !== 'regression' ? plan.classes : ['0', '1'];
      if (layout.task !== task || layout.classes.join('\n') !== classes.join('\n')) {
        layout = { task, classes };
        const regression = task === 'regression';
        byId('results').dataset.task = task;
        confusionBox.hidden = regression;
        plots.hidden = !regression;
        scoresBox.hidden = task !== 'multiclass';
        if (!regression) buildMatrix(classes);
        values = [];
        metrics.replaceChildren(...FIGURES[task].map(([label]) => {
          const value = el('dd', { text: fmt.DASH });
          values.push(value);
          return el('div', {}, [el('dt', { text: label }), value]);
        }));
      }
      cells.forEach((row, a) => row.forEach((cell, p) => paint(cell, null, a, p, 0)));
      for (const value of values) setText(value, fmt.DASH);
      scoresBody.replaceChildren();
      fit.show(null);
      residuals.show(null);
      last = null;
      setText(epochNote, 'on the validation rows, after each epoch');
    }

    /** @param {HTMLElement} cell @param {number | null} count @param {number} a @param {number} p @param {number} share */
    function paint(cell, count, a, p, share) {
      const heat = count === null ? 0.06 : 0.08 + 0.82 * share;
      cell.className = heat > 0.55 ? 'cell hot' : 'cell';
      cell.style.setProperty('--heat', heat.toFixed(3));
      const kind = layout.classes.length === 2 ? KINDS[a][p] : null;
      cell.replaceChildren(el('span', { className: 'count', text: count === null ? fmt.DASH : fmt.integer(count) }),
        kind ? el('span', { className: 'kind', text: kind }) : '');
      if (count === null) cell.removeAttribute('title');
      else cell.title = `Actual ${layout.classes[a]}, predicted ${layout.classes[p]}: ${count} rows`;
    }

    // evaluation: the engine's for the epoch of `log`.
    /** @param {any} evaluation @param {EpochLog} log @param {number} epochs */
    function show(evaluation, log, epochs) {
      if (!evaluation || !log) return;
      last = { evaluation, log, epochs };
      FIGURES[layout.task].forEach(([, read], i) => setText(values[i], read(log)));
      if (evaluation.task === 'regression') {
        fit.show(evaluation.points);
        residuals.show(evaluation.points);
      } else {
        evaluation.matrix.forEach((row, a) => {
          const total = row.reduce((sum, n) => sum + n, 0) || 1;
          row.forEach((count, p) => paint(cells[a][p], count, a, p, count / total));
        });
      }
      if (evaluation.task === 'multiclass') {
        scoresBody.replaceChildren(...evaluation.scores.map((s) => el('tr', {}, [
          el('th', { scope: 'row', className: 'text', text: s.label }),
          el('td', { text: fmt.fixed(s.precision) }), el('td', { text: fmt.fixed(s.recall) }),
          el('td', { text: fmt.fixed(s.f1) }), el('td', { text: fmt.integer(s.support) }),
        ])));
      }
      setText(epochNote, `after epoch ${log.epoch} of ${epochs}`);
    }

    // Binary: the matrix and figures at another decision threshold (the engine's thresholdScores),
    // or, with null, at 0.5 again. The AUC does not depend on it.
    /** @param {any} scores */
    function showThreshold(scores) {
      if (!last || layout.task !== 'binary') return;
      if (!scores) {
        show(last.evaluation, last.log, last.epochs);
        return;
      }
      const matrix = [[scores.tn, scores.fp], [scores.fn, scores.tp]];
      matrix.forEach((row, a) => {
        const total = row[0] + row[1] || 1;
        row.forEach((count, p) => paint(cells[a][p], count, a, p, count / total));
      });
      [scores.accuracy, scores.precision, scores.recall, scores.f1].forEach((x, i) => setText(values[i], fmt.fixed(x)));
      setText(epochNote, `after epoch ${last.log.epoch} of ${last.epochs}, at threshold ${scores.threshold.toFixed(2)}`);
    }

    reset(null);
    return { reset, show, showThreshold };
  }

  ui.createResultsView = createResultsView;
})(window.gradtapeUI = window.gradtapeUI || {});
