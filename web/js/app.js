// The page's controller: owns the one app state object, starts the engine, and turns what a
// person does (load a file, press Train, Pause, Stop, Reset) into session calls and view
// updates. Training runs through the scheduler, one time-boxed slice per animation frame.
(function (ui) {
  'use strict';
  const { byId, el } = ui.dom;
  const fmt = ui.format;

  // Per frame: at most this long inside session.step(); frames that draw do not step at all.
  const STEP_BUDGET_MS = 8;
  // Small data trains an epoch in a few ms. A run of up to this many epochs computes at most one
  // epoch per step frame, so the tutorial's 60 epochs play out over a couple of seconds, epoch
  // by epoch; longer runs compute several epochs per frame.
  const EPOCHS_AT_ONE_PER_FRAME = 60;
  const PROGRESS_EVERY_MS = 150;
  // New epochs are drawn in small batches: every redraw costs style, layout and paint, so the
  // charts, the table and the results redraw at most this often (and at the end of a run).
  const DRAW_EVERY_MS = 150;

  const state = ui.state.createAppState();
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  // Views and controls.
  const alertBox = byId('alert');
  const alertDismiss = byId('alert-dismiss');
  const buttons = {
    train: byId('train-button'), pause: byId('pause-button'), stop: byId('stop-button'), reset: byId('reset-button'),
    history: byId('download-history'), settings: byId('download-settings'),
  };
  const runView = ui.createRunView();
  const historyView = ui.createHistoryView();
  const resultsView = ui.createResultsView();
  const datasetView = ui.createDatasetView();
  const formView = ui.createFormView({ onTargetChange: (target) => datasetView.render(state.data, target) });
  let lossChart = null;
  let accuracyChart = null;
  let lastStatsAt = 0;
  let engineReady = null;
  // Cancels for the idle-time warm-ups (charts, engine); a run starting stops them.
  const warmUps = [];
  const stopWarmUp = () => warmUps.splice(0).forEach((cancel) => cancel());
  let drawQueue = []; // drawing owed for epochs already computed, one function per frame
  let undrawn = []; // epoch logs computed but not drawn yet
  let lastDrawAt = 0;

  const loader = ui.createLoader({
    onText: loadText,
    onReject: (message) => showAlert('Not loaded.', message),
    isLocked: () => ui.state.runActive(state) || state.starting,
  });
  const scheduler = ui.createScheduler({ work: trainSlice, budgetMs: STEP_BUDGET_MS });

  // ---- alerts --------------------------------------------------------------------------------
  function showAlert(title, message) {
    alertBox.replaceChildren(el('strong', { text: title }), ' ', message || '');
    alertDismiss.hidden = false;
  }
  function clearAlert() {
    if (alertBox.childNodes.length) alertBox.replaceChildren();
    alertDismiss.hidden = true;
  }
  alertDismiss.addEventListener('click', () => {
    clearAlert();
    const next = [buttons.train, byId('sample-button')].find((button) => !button.disabled);
    if (next) next.focus();
  });
  const messageOf = (error) => (error && error.message) || String(error);

  // ---- controls ------------------------------------------------------------------------------
  function renderControls() {
    const run = state.run;
    const active = ui.state.runActive(state);
    const ready = state.engine.status === 'ready';
    const trainable = Boolean(state.data && state.data.summary.targetCandidates.length);
    buttons.train.disabled = !(ready && trainable && !active && !state.loading && !state.starting);
    buttons.pause.disabled = !active;
    buttons.pause.textContent = run && run.status === 'paused' ? 'Resume' : 'Pause';
    buttons.stop.disabled = !active;
    buttons.reset.disabled = !run || state.loading !== null;
    const canDownload = Boolean(run && run.logs.length);
    buttons.history.disabled = !canDownload;
    buttons.settings.disabled = !run;
    formView.lock(active);
    if (state.loading) loader.setMode('busy', state.loading);
    else if (active) loader.setMode('locked');
    else if (state.engine.status === 'failed') loader.setMode('failed');
    else loader.setMode(ready ? 'idle' : 'engine');
    // A disabled button drops the keyboard focus: hand it to the control that makes sense now.
    const focused = document.activeElement;
    if (focused && focused.disabled) focusSoon(focused);
  }

  // Moves the focus in the next frame, once the page has restyled for its new state: a focus()
  // now would force that restyle inside the click's own task.
  function focusSoon(lost) {
    requestAnimationFrame(() => {
      if (document.activeElement !== lost && document.activeElement !== document.body) return;
      const next = [buttons.pause, buttons.train, buttons.reset].find((button) => !button.disabled);
      if (next) next.focus();
    });
  }

  // ---- engine --------------------------------------------------------------------------------
  async function startEngine() {
    try {
      if (typeof window.createGradtape !== 'function') throw new Error('gradtape.js did not load');
      const module = await window.createGradtape();
      if (typeof module.Session !== 'function') {
        throw new Error('this build of gradtape.js has no Session (it is a placeholder module); rebuild the wasm target');
      }
      state.engine.module = module;
      state.engine.session = new module.Session();
      state.engine.version = typeof module.version === 'function' ? module.version() : '';
      state.engine.status = 'ready';
      if (window.gradtapeSample) warmUps.push(ui.warmUpEngine(module, window.gradtapeSample.text));
      byId('engine-version').textContent = state.engine.version ? `v${state.engine.version}` : '';
      if (!state.data && !state.loading) runView.setStatus('Ready. Load a CSV file to begin: drop it, choose it, or try the built-in sample.');
    } catch (error) {
      state.engine.status = 'failed';
      state.engine.error = messageOf(error);
      runView.setStatus('The training engine is unavailable.');
      showAlert('The training engine could not start.', state.engine.error);
    }
    renderControls();
    return state.engine.status === 'ready';
  }

  // ---- loading data --------------------------------------------------------------------------
  async function loadText({ name, bytes, text }) {
    if (ui.state.runActive(state) || state.loading) return;
    state.loading = name;
    renderControls();
    runView.setStatus(`Reading ${name}…`);
    if (!(await engineReady)) {
      state.loading = null;
      renderControls();
      runView.setStatus('The training engine is unavailable.');
      return;
    }
    await nextFrame(); // let "Reading …" paint before the parse holds the thread
    let summary;
    try {
      summary = state.engine.session.loadCsv(text);
    } catch (error) {
      state.loading = null;
      renderControls();
      showAlert(`Could not load ${name}.`, `${messageOf(error)}${state.data ? ` The data loaded before (${state.data.name}) is kept.` : ''}`);
      runView.setStatus(state.data ? `Kept ${state.data.name}. Press Train to start.` : 'Load a CSV file to begin.');
      return;
    }
    state.loading = null;
    state.data = { name, bytes, summary };
    state.run = null; // loadCsv discarded the session's run, if any
    clearAlert();
    formView.setColumns(summary.columns);
    formView.setTargets(summary.targetCandidates, summary.suggestedTarget);
    formView.showErrors({});
    datasetView.render(state.data, formView.target());
    clearRunViews(formView.read().epochs);
    renderControls();
    if (!summary.targetCandidates.length) {
      showAlert(`${name} has no column to predict.`, 'gradtape trains a binary classifier: the target must be a column with exactly two values (such as 0/1 or yes/no).');
      runView.setStatus(`Loaded ${name}, but it has no two-valued column to predict.`);
    } else {
      runView.setStatus(`Loaded ${name}: ${fmt.plural(summary.rows, 'row')}. Press Train to start.`);
    }
  }

  function clearRunViews(epochs) {
    const n = Number.parseInt(epochs, 10);
    lossChart.reset(Number.isFinite(n) && n > 0 ? n : 10);
    accuracyChart.reset(Number.isFinite(n) && n > 0 ? n : 10);
    historyView.reset();
    resultsView.reset();
    runView.clearProgress();
    runView.showPlan(null);
    runView.setSummary('');
  }

  // ---- training ------------------------------------------------------------------------------
  // Pressing Train checks the settings at once, and the run begins in a later frame: the frame
  // that handles the click only shows "Starting…", so configuring the engine and restyling the
  // page for the run never share a task with the click's own input handling and rendering.
  function train() {
    if (!state.data || !state.data.summary.targetCandidates.length || ui.state.runActive(state) || state.loading || state.starting || state.engine.status !== 'ready') return;
    const { settings, errors } = ui.settings.check(formView.read(), { rows: state.data.summary.rows });
    const invalid = Object.keys(errors);
    formView.showErrors(errors);
    if (invalid.length) {
      const list = invalid.map((key) => `${formView.label(key)}: ${errors[key]}`).join(' ');
      showAlert(invalid.length === 1 ? 'Check the highlighted setting.' : 'Check the highlighted settings.', list);
      runView.setStatus('Not started: a setting needs fixing.');
      formView.focus(invalid[0]);
      return;
    }
    state.starting = true;
    buttons.train.disabled = true;
    runView.setStatus('Starting…');
    setTimeout(() => requestAnimationFrame(() => startRun(settings)), 0);
  }

  function startRun(settings) {
    state.starting = false;
    if (!state.data || state.loading || ui.state.runActive(state)) { // the page changed meanwhile
      renderControls();
      return;
    }
    let plan;
    try {
      plan = state.engine.session.configure(settings);
    } catch (error) {
      const field = error && error.field;
      if (field && formView.has(field)) {
        formView.showErrors({ [field]: messageOf(error) });
        showAlert('Check the highlighted setting.', `${formView.label(field)}: ${messageOf(error)}`);
        formView.focus(field);
      } else {
        showAlert('Could not start the run.', messageOf(error));
      }
      runView.setStatus('Not started.');
      renderControls();
      return;
    }
    clearAlert();
    stopWarmUp();
    const applied = readSettings(settings);
    const run = ui.state.newRun({ settings: applied, plan, dataName: state.data.name, now: performance.now() });
    state.run = run;
    const focused = document.activeElement;
    runView.setStatus(`Epoch 1/${settings.epochs} · training…`);
    renderControls();
    // The focus was on Train (now disabled) or in the settings (now locked): Pause takes it in
    // the frame that shows the run, so the keyboard never lands on the page itself.
    if (focused === document.body || focused === buttons.train || formView.form.contains(focused)) buttons.pause.focus();
    // Clearing the last run's charts and tables is drawing too: it takes the next frames.
    drawQueue = [
      () => lossChart.reset(settings.epochs),
      () => {
        accuracyChart.reset(settings.epochs);
        undrawn = [];
        historyView.reset();
        resultsView.reset();
        runView.setSummary('');
        runView.showPlan(plan);
        runView.showProgress(progressFigures(run, null, performance.now()));
      },
    ];
    scheduler.start();
  }

  // The settings in force, defaults filled in by the engine when it can say.
  function readSettings(fallback) {
    try {
      const settings = state.engine.session.settings();
      return settings && typeof settings === 'object' ? settings : fallback;
    } catch {
      return fallback;
    }
  }

  function progressFigures(run, progress, now) {
    const epochs = run.settings.epochs;
    const batches = progress ? progress.batchesPerEpoch : run.plan.batchesPerEpoch;
    const epoch = progress ? progress.epoch : 1;
    const batch = progress ? progress.batch : 0;
    const finished = progress && (progress.done || progress.epochEnded);
    const total = epochs * Math.max(1, batches);
    const doneBatches = finished ? epoch * batches : (epoch - 1) * batches + Math.min(batch, batches);
    const fraction = progress && progress.done ? 1 : doneBatches / total;
    const elapsedMs = ui.state.activeMs(run, now);
    const samples = progress ? progress.samplesSeen : 0;
    return {
      fraction, epoch, epochs, batch, batches,
      validating: Boolean(progress && progress.phase === 'validate' && !progress.epochEnded),
      samplesPerSecond: elapsedMs > 0 ? samples / (elapsedMs / 1000) : NaN,
      etaMs: fraction > 0 && fraction < 1 ? (elapsedMs * (1 - fraction)) / fraction : fraction >= 1 ? 0 : null,
      elapsedMs,
    };
  }

  // One frame's work. Training and drawing take turns: a frame either runs steps within the
  // budget, or does one piece of drawing for the epochs that ended (the loss chart, the
  // accuracy chart, then the table, results and status), so each frame's script is small and
  // stays far below a 50 ms long task even on a slow or busy machine.
  function trainSlice({ budgetMs, frameStart }) {
    const run = state.run;
    if (!run || run.status !== 'running') return false;
    if (drawQueue.length) {
      drawQueue.shift()();
      if (!drawQueue.length && run.progress && run.progress.done) {
        finish('done');
        return false;
      }
      return true;
    }
    const session = state.engine.session;
    const epochsPerFrame = Math.max(1, Math.ceil(run.settings.epochs / EPOCHS_AT_ONE_PER_FRAME));
    const logs = [];
    let progress = run.progress;
    try {
      for (;;) {
        const left = budgetMs - (performance.now() - frameStart);
        progress = session.step({ budgetMs: Math.max(1, left) });
        if (progress.epochEnded && progress.log) logs.push(progress.log);
        if (progress.done || !progress.epochEnded || logs.length >= epochsPerFrame) break;
        if (performance.now() - frameStart >= budgetMs) break;
      }
    } catch (error) {
      fail(error);
      return false;
    }
    run.progress = progress;
    run.logs.push(...logs);
    undrawn.push(...logs);
    if (undrawn.length && (progress.done || performance.now() - lastDrawAt >= DRAW_EVERY_MS)) {
      drawQueue = drawTasks(run, undrawn);
      undrawn = [];
      lastDrawAt = performance.now();
      return true; // drawn in the next frames
    }
    // Between epochs the progress figures change a few times a second, not every frame: a
    // frame that changes nothing on screen costs no style, layout, paint or raster work.
    const now = performance.now();
    if (now - lastStatsAt >= PROGRESS_EVERY_MS) {
      lastStatsAt = now;
      runView.showProgress(progressFigures(run, progress, now));
    }
    return true;
  }

  // The drawing for a few new epoch logs, as pieces of similar cost, one per frame: the loss
  // chart, the accuracy chart, then the table, results and status.
  function drawTasks(run, logs) {
    return [
      () => lossChart.addPoints(logs.map((log) => ({ epoch: log.epoch, train: log.trainLoss, val: log.valLoss }))),
      () => accuracyChart.addPoints(logs.map((log) => ({ epoch: log.epoch, train: log.trainAccuracy, val: log.valAccuracy }))),
      () => {
        historyView.addRows(logs);
        const last = logs[logs.length - 1];
        try {
          run.confusion = state.engine.session.confusionMatrix();
        } catch {
          run.confusion = null;
        }
        resultsView.show(run.confusion, last, run.settings.epochs);
        if (!(run.progress && run.progress.done)) {
          runView.setStatus(`Epoch ${last.epoch}/${run.settings.epochs} · val loss ${fmt.fixed(last.valLoss)} · val accuracy ${fmt.fixed(last.valAccuracy)}`);
        }
        buttons.history.disabled = false;
        lastStatsAt = performance.now();
        runView.showProgress(progressFigures(run, run.progress, lastStatsAt));
      },
    ];
  }

  // Draws whatever is computed but not drawn yet (before a pause, a stop or an error).
  function flush() {
    const tasks = drawQueue;
    drawQueue = [];
    tasks.forEach((task) => task());
    if (state.run && undrawn.length) drawTasks(state.run, undrawn).forEach((task) => task());
    undrawn = [];
  }

  function summarize(run) {
    const last = run.logs[run.logs.length - 1];
    const took = fmt.duration(ui.state.activeMs(run, performance.now()));
    if (!last) return `No epoch completed (${took}).`;
    return `${fmt.plural(run.logs.length, 'epoch')} in ${took} · final val accuracy ${fmt.fixed(last.valAccuracy)} · val loss ${fmt.fixed(last.valLoss)}`;
  }

  function finish(status) {
    const run = state.run;
    scheduler.stop();
    flush();
    ui.state.setRunStatus(run, status, performance.now());
    const epochs = run.settings.epochs;
    if (status === 'done') runView.setStatus('Done');
    else runView.setStatus(`Done: stopped after epoch ${run.logs.length}/${epochs}`);
    runView.setSummary(summarize(run));
    if (run.progress) runView.showProgress(progressFigures(run, run.progress, performance.now()));
    renderControls();
  }

  function fail(error) {
    const run = state.run;
    scheduler.stop();
    flush();
    ui.state.setRunStatus(run, 'failed', performance.now());
    run.error = messageOf(error);
    showAlert('Training stopped by an error.', run.error);
    runView.setStatus(`Stopped by an error after epoch ${run.logs.length}/${run.settings.epochs}`);
    renderControls();
  }

  function togglePause() {
    const run = state.run;
    if (!run) return;
    const now = performance.now();
    if (run.status === 'running') {
      scheduler.stop();
      flush();
      ui.state.setRunStatus(run, 'paused', now);
      const p = run.progress;
      runView.setStatus(`Paused at epoch ${p ? p.epoch : 1}/${run.settings.epochs}${p && !p.epochEnded ? `, batch ${p.batch}/${p.batchesPerEpoch}` : ''}`);
      if (p) runView.showProgress(progressFigures(run, p, now));
    } else if (run.status === 'paused') {
      ui.state.setRunStatus(run, 'running', now);
      const p = run.progress;
      runView.setStatus(`Epoch ${p ? Math.min(p.epoch + (p.epochEnded ? 1 : 0), run.settings.epochs) : 1}/${run.settings.epochs} · resumed`);
      scheduler.start();
    }
    renderControls();
  }

  function stop() {
    if (ui.state.runActive(state)) finish('stopped');
  }

  function reset() {
    if (!state.run) return;
    scheduler.stop();
    drawQueue = [];
    try {
      state.engine.session.reset();
    } catch (error) {
      showAlert('Could not reset the run.', messageOf(error));
    }
    state.run = null;
    clearRunViews(formView.read().epochs);
    runView.setStatus(state.data ? `Reset. ${state.data.name} is still loaded: press Train to start again.` : 'Reset.');
    renderControls();
  }

  // ---- downloads -----------------------------------------------------------------------------
  function stamp() {
    return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  }
  function downloadHistory() {
    const run = state.run;
    if (!run || !run.logs.length) return;
    ui.downloads.saveText(`gradtape-history-${ui.downloads.stem(run.dataName)}-${stamp()}.csv`,
      ui.downloads.historyCsv(run.logs), 'text/csv');
  }
  function downloadSettings() {
    const run = state.run;
    if (!run) return;
    ui.downloads.saveText(`gradtape-settings-${ui.downloads.stem(run.dataName)}-${stamp()}.json`,
      ui.downloads.runJson({ version: state.engine.version, data: state.data, settings: run.settings, plan: run.plan, run }),
      'application/json');
  }

  // ---- wiring --------------------------------------------------------------------------------
  function main() {
    try {
      lossChart = ui.charts.createEpochChart(byId('loss-chart'), { yTitle: 'Loss', name: 'Loss chart', empty: byId('loss-empty') });
      accuracyChart = ui.charts.createEpochChart(byId('accuracy-chart'), { yTitle: 'Accuracy', name: 'Accuracy chart', percent: true, empty: byId('accuracy-empty') });
    } catch (error) {
      const dummy = { reset() {}, addPoints() {}, applyTheme() {} };
      lossChart = lossChart || dummy;
      accuracyChart = accuracyChart || dummy;
      showAlert('The charts are unavailable.', `${messageOf(error)}. The Training history table still shows every epoch.`);
    }
    lossChart.reset(ui.settings.DEFAULTS.epochs);
    accuracyChart.reset(ui.settings.DEFAULTS.epochs);
    if (window.uPlot) warmUps.push(ui.charts.warmUp());
    formView.write(ui.settings.DEFAULTS);

    formView.form.addEventListener('submit', (event) => {
      event.preventDefault();
      train();
    });
    buttons.pause.addEventListener('click', togglePause);
    buttons.stop.addEventListener('click', stop);
    buttons.reset.addEventListener('click', reset);
    buttons.history.addEventListener('click', downloadHistory);
    buttons.settings.addEventListener('click', downloadSettings);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', () => { lossChart.applyTheme(); accuracyChart.applyTheme(); });
    window.addEventListener('error', (event) => showAlert('Something went wrong.', event.message));
    window.addEventListener('unhandledrejection', (event) => showAlert('Something went wrong.', messageOf(event.reason)));

    renderControls();
    engineReady = startEngine();
  }

  main();
})(window.gradtapeUI = window.gradtapeUI || {});
