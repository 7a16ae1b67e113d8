// @ts-check
// The "Use the model" card's drawing: a form built from the model's feature columns (numbers as
// number inputs, text columns as selects of the values the model knows) and the prediction
// beside it, the class with every class's probability or the value for regression; and the
// summary of a scored file. It draws what it is given and reads the form; app code does the rest.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { el, byId, setText } = ui.dom;
  const fmt = ui.format;

  function createPredictView({ onInput }) {
    const empty = byId('model-empty');
    const panel = byId('model-panel');
    const fields = byId('predict-fields');
    const answer = byId('prediction-text');
    const table = byId('prediction-probabilities');
    const source = byId('model-source');
    const scoreSummary = byId('score-summary');
    /** @type {ModelInfo | null} */
    let model = null;

    /** @param {ModelInfo} info @param {string} origin  words for where the model came from */
    function show(info, origin) {
      model = info;
      empty.hidden = true;
      panel.hidden = false;
      setText(source, origin);
      setText(scoreSummary, '');
      fields.replaceChildren(...info.features.map((feature, i) => {
        const id = `predict-field-${i}`;
        let input;
        if (feature.kind === 'numeric') {
          input = el('input', { id, type: 'number', step: 'any', inputmode: 'decimal', dataset: { column: feature.name } });
          const start = typeof feature.fill === 'number' ? feature.fill : feature.typical;
          if (typeof start === 'number') input.value = String(Number(start.toPrecision(6)));
        } else {
          input = el('select', { id, dataset: { column: feature.name } },
            (feature.categories || []).map((category) => el('option', { value: category, text: category })));
          const start = typeof feature.fill === 'string' ? feature.fill : feature.typical;
          if (typeof start === 'string') input.value = start;
        }
        input.addEventListener('input', onInput);
        return el('div', { className: 'field' }, [el('label', { for: id, text: feature.name }), input]);
      }));
      table.replaceChildren();
      setText(answer, 'Change the values to see the prediction.');
    }

    function hide() {
      model = null;
      empty.hidden = false;
      panel.hidden = true;
      setText(source, '');
    }

    // The form's values as one CSV row under the feature columns' header.
    function csv() {
      const cell = (/** @type {string} */ value) => (/[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
      const inputs = Array.from(fields.querySelectorAll('input, select'));
      const header = inputs.map((node) => cell(/** @type {HTMLElement} */ (node).dataset.column || ''));
      const row = inputs.map((node) => cell(/** @type {HTMLInputElement} */ (node).value));
      return `${header.join(',')}\n${row.join(',')}\n`;
    }

    /** @param {ScoredRow} row */
    function showPrediction(row) {
      if (!model) return;
      if (row.problem) {
        setText(answer, `Cannot predict: ${row.problem.replace(/^line \d+: /, '')}`);
        table.replaceChildren();
        return;
      }
      if (model.task === 'regression') {
        setText(answer, `${model.target}: ${Number.isFinite(row.value) ? String(Number(Number(row.value).toPrecision(5))) : fmt.DASH}`);
        table.replaceChildren();
        return;
      }
      const probabilities = row.probabilities || [];
      setText(answer, `${model.target}: ${row.label} (${fmt.percent(Math.max(...probabilities))})`);
      const classes = model.classes || [];
      table.replaceChildren(
        el('caption', { className: 'visually-hidden', text: 'Each class\'s probability' }),
        el('thead', {}, el('tr', {}, [el('th', { scope: 'col', className: 'text', text: 'Class' }), el('th', { scope: 'col', text: 'Probability' })])),
        el('tbody', {}, classes.map((name, k) => el('tr', { className: name === row.label ? 'chosen' : '' }, [
          el('th', { scope: 'row', className: 'text', text: name }),
          el('td', {}, [el('span', { className: 'bar', style: { '--p': String(probabilities[k]) } }), fmt.percent(probabilities[k])]),
        ]))));
    }

    /** @param {string} message */
    function showScoreSummary(message) {
      setText(scoreSummary, message);
    }

    return { show, hide, csv, showPrediction, showScoreSummary, model: () => model };
  }

  ui.createPredictView = createPredictView;
})(window.gradtapeUI = window.gradtapeUI || {});
