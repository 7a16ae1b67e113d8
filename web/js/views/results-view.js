// @ts-check
// The validation results of the last completed epoch: the confusion matrix (shaded by count),
// accuracy, precision, recall and AUC.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el, setText } = ui.dom;
  const fmt = ui.format;

  function createResultsView() {
    const epochNote = byId('results-epoch');
    const headers = {
      predNeg: byId('cm-pred-neg'), predPos: byId('cm-pred-pos'),
      actNeg: byId('cm-act-neg'), actPos: byId('cm-act-pos'),
    };
    const cells = { tn: byId('cm-tn'), fp: byId('cm-fp'), fn: byId('cm-fn'), tp: byId('cm-tp') };
    const KINDS = { tn: 'true negative', fp: 'false positive', fn: 'false negative', tp: 'true positive' };
    const metrics = {
      accuracy: byId('metric-accuracy'), precision: byId('metric-precision'),
      recall: byId('metric-recall'), auc: byId('metric-auc'),
    };

    let showing = true; // figures (not placeholders) are on screen

    // Placeholders of the same size as the figures, so the first epoch changes no layout.
    function reset() {
      if (!showing) return;
      showing = false;
      for (const [key, cell] of Object.entries(cells)) {
        cell.className = 'cell';
        cell.style.setProperty('--heat', '0.06');
        cell.removeAttribute('title');
        cell.replaceChildren(el('span', { className: 'count', text: '–' }), el('span', { className: 'kind', text: KINDS[key] }));
      }
      for (const metric of Object.values(metrics)) setText(metric, '–');
      setText(epochNote, 'on the validation rows, after each epoch');
    }

    // evaluation: the engine's, with { confusion: { labels: [negative, positive], tn, fp, fn, tp } };
    // log: the same epoch's log.
    function show(evaluation, log, epochs) {
      const cm = evaluation && evaluation.confusion;
      if (!cm || !log) return;
      const [neg, pos] = cm.labels;
      setText(headers.predNeg, `Predicted ${neg}`);
      setText(headers.predPos, `Predicted ${pos}`);
      setText(headers.actNeg, `Actual ${neg}`);
      setText(headers.actPos, `Actual ${pos}`);
      const total = cm.tn + cm.fp + cm.fn + cm.tp;
      const top = Math.max(1, cm.tn, cm.fp, cm.fn, cm.tp);
      for (const [key, cell] of Object.entries(cells)) {
        const count = cm[key];
        const heat = 0.08 + 0.82 * (count / top);
        cell.className = heat > 0.55 ? 'cell hot' : 'cell';
        cell.style.setProperty('--heat', heat.toFixed(3));
        cell.title = `${KINDS[key]}: ${count} of ${total} validation rows`;
        cell.replaceChildren(el('span', { className: 'count', text: fmt.integer(count) }),
          el('span', { className: 'kind', text: KINDS[key] }));
      }
      setText(metrics.accuracy, fmt.fixed(log.valAccuracy));
      setText(metrics.precision, fmt.fixed(log.valPrecision));
      setText(metrics.recall, fmt.fixed(log.valRecall));
      setText(metrics.auc, fmt.fixed(log.valAuc));
      setText(epochNote, `after epoch ${log.epoch} of ${epochs}`);
      showing = true;
    }

    reset();
    return { reset, show };
  }

  ui.createResultsView = createResultsView;
})(window.gradtapeUI = window.gradtapeUI || {});
