// @ts-check
// How far to trust a finished run's figures, on its validation rows: the accuracy's 95% Wilson
// interval beside the majority-class baseline (regression: the MAE's t interval beside predicting
// the mean), and for a binary target the ROC and precision-recall curves with a decision-threshold
// slider. The slider asks the engine for the counts at its threshold and hands them to
// `onThreshold` (the results view repaints its matrix and figures with them).
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, setText } = ui.dom;
  const fmt = ui.format;

  const percent = (x) => `${(100 * x).toFixed(1)}%`;

  /** @param {{ thresholdScores: (t: number) => any, onThreshold: (scores: any | null) => void }} options */
  function createTrustView({ thresholdScores, onThreshold }) {
    const card = byId('trust');
    const empty = byId('trust-empty');
    const epochNote = byId('trust-epoch');
    const summary = byId('trust-summary');
    const binaryBox = byId('threshold-box');
    const slider = /** @type {HTMLInputElement} */ (byId('threshold'));
    const output = byId('threshold-value');
    const note = byId('threshold-note');
    const rocSub = byId('roc-sub');
    const prSub = byId('pr-sub');
    const roc = ui.createCurvePlot(/** @type {HTMLCanvasElement} */ (byId('roc-plot')),
      { name: 'ROC curve', xLabel: 'False positive rate', yLabel: 'True positive rate' });
    const pr = ui.createCurvePlot(/** @type {HTMLCanvasElement} */ (byId('pr-plot')),
      { name: 'Precision-recall curve', xLabel: 'Recall', yLabel: 'Precision' });
    let binary = false;
    let frame = 0;

    function reset() {
      card.hidden = true;
      empty.hidden = false;
      binary = false;
      slider.value = '0.5';
      setText(output, '0.50');
      roc.show(null);
      pr.show(null);
    }

    // The classification figures' interval and baseline, or the regression's, in words.
    /** @param {any} e */
    function trustText(e) {
      if (e.task === 'regression') {
        const i = e.maeInterval;
        return `MAE ${fmt.stat(e.mae)} (95% interval ${fmt.stat(i.low)} to ${fmt.stat(i.high)}). `
          + `Predicting the train rows' mean for every row scores an MAE of ${fmt.stat(e.baselineMae)} (R² about 0).`;
      }
      const i = e.accuracyInterval;
      const lift = e.accuracy - e.baselineAccuracy;
      return `Accuracy ${percent(e.accuracy)} (95% Wilson interval ${percent(i.low)} to ${percent(i.high)}). `
        + `Always guessing “${e.baselineClass}” scores ${percent(e.baselineAccuracy)}`
        + `${i.low > e.baselineAccuracy ? `, so the model is ${percent(lift)} better, beyond the interval's doubt.` : lift > 0 ? `: the model is ${percent(lift)} better, but within the interval's doubt.` : ': the model does no better.'}`;
    }

    /** @param {any} scores */
    function markCurves(scores) {
      const negatives = scores.fp + scores.tn;
      roc.mark([negatives ? scores.fp / negatives : 0, scores.recall]);
      pr.mark([scores.recall, scores.tp + scores.fp ? scores.precision : 1]);
    }

    // The counts at the slider's threshold, into the figures, the curves' marks and onThreshold.
    function applyThreshold() {
      frame = 0;
      const t = Number(slider.value);
      setText(output, t.toFixed(2));
      let scores = null;
      try {
        scores = thresholdScores(t);
      } catch {
        return; // no evaluation to score (the run was reset meanwhile)
      }
      markCurves(scores);
      onThreshold(t === 0.5 ? null : scores);
    }

    // evaluation: the engine's, for the weights in use; classes: the target's (binary: [negative,
    // positive]).
    /** @param {any} e @param {string[]} classes */
    function show(e, classes) {
      if (!e) return;
      card.hidden = false;
      empty.hidden = true;
      setText(epochNote, `validation rows, epoch ${e.epoch}`);
      setText(summary, trustText(e));
      binary = e.task === 'binary' && Boolean(e.roc);
      binaryBox.hidden = !binary;
      if (!binary) return;
      const positive = classes[1] || '1';
      setText(note, `A row is predicted “${positive}” when its score is at or above the threshold. Moving it updates the confusion matrix and the figures in Results; the default is 0.5.`);
      const share = e.matrix[1].reduce((a, b) => a + b, 0) / Math.max(1, e.matrix.flat().reduce((a, b) => a + b, 0));
      roc.show({ xs: e.roc.fpr, ys: e.roc.tpr, reference: [[0, 0], [1, 1]],
        text: `ROC curve of the validation rows: AUC ${fmt.fixed(e.roc.auc)}.` });
      pr.show({ xs: e.pr.recall, ys: e.pr.precision, reference: [[0, share], [1, share]],
        text: `Precision-recall curve of the validation rows: average precision ${fmt.fixed(e.pr.averagePrecision)}.` });
      setText(rocSub, `AUC ${fmt.fixed(e.roc.auc)}; dashed: a coin toss`);
      setText(prSub, `average precision ${fmt.fixed(e.pr.averagePrecision)}; dashed: the positives' share`);
      applyThreshold();
    }

    // One engine call per frame however fast the slider moves.
    slider.addEventListener('input', () => {
      setText(output, Number(slider.value).toFixed(2));
      if (binary && !frame) frame = requestAnimationFrame(applyThreshold);
    });

    reset();
    return { reset, show };
  }

  ui.createTrustView = createTrustView;
})(window.gradtapeUI = window.gradtapeUI || {});
