// @ts-check
// The run's status line (the role=status element), its summary, the progress bar with epoch,
// batch, samples/s, ETA and elapsed time, and the plan the engine returned. Draws what it is
// given.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, setText } = ui.dom;
  const fmt = ui.format;

  function createRunView() {
    const status = byId('status');
    const summary = byId('run-summary');
    const bar = byId('progress');
    const fill = byId('progress-fill');
    let shown = -1;

    // The bar's fill as a fraction in [0, 1], and its value for assistive technology.
    function setFraction(value) {
      if (value === shown) return;
      shown = value;
      fill.style.transform = `scaleX(${value})`;
      bar.setAttribute('aria-valuenow', String(Math.round(value * 100)));
    }
    const plan = byId('plan');
    const stats = {
      epoch: byId('stat-epoch'), batch: byId('stat-batch'), rate: byId('stat-rate'),
      eta: byId('stat-eta'), elapsed: byId('stat-elapsed'),
    };

    function setStatus(text) { setText(status, text); }
    function setSummary(text) { setText(summary, text || ''); }

    // p: { fraction, epoch, epochs, batch, batches, validating, samplesPerSecond, etaMs, elapsedMs }.
    function showProgress(p) {
      const value = Math.min(1, Math.max(0, p.fraction));
      setFraction(value);
      bar.setAttribute('aria-valuetext', `${fmt.percent(value, 0)}, epoch ${p.epoch} of ${p.epochs}`);
      setText(stats.epoch, `${p.epoch}/${p.epochs}`);
      setText(stats.batch, p.validating ? 'validating' : p.batch === null ? fmt.DASH : `${p.batch}/${p.batches}`);
      setText(stats.rate, fmt.rate(p.samplesPerSecond));
      setText(stats.eta, p.etaMs === null ? fmt.DASH : fmt.clock(p.etaMs));
      setText(stats.elapsed, fmt.clock(p.elapsedMs));
    }

    function clearProgress() {
      setFraction(0);
      bar.removeAttribute('aria-valuetext');
      for (const node of Object.values(stats)) setText(node, fmt.DASH);
    }

    function showPlan(info) {
      if (!info) {
        setText(plan, '');
        return;
      }
      const parts = [
        `${fmt.integer(info.trainRows)} train rows`, `${fmt.integer(info.valRows)} validation rows`,
        fmt.plural(info.features.length, 'feature'), `${fmt.integer(info.batchesPerEpoch)} batches per epoch`,
        `${fmt.integer(info.parameters)} weights`,
      ];
      if (info.classWeights) parts.push(`class weights ${info.classWeights}`);
      const notes = (info.notes || []).length ? ` · Note: ${info.notes.join('; ')}` : '';
      setText(plan, `Plan: ${parts.join(' · ')}${notes}`);
    }

    return { setStatus, setSummary, showProgress, clearProgress, showPlan };
  }

  ui.createRunView = createRunView;
})(window.gradtapeUI = window.gradtapeUI || {});
